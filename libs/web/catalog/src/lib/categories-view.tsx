'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import { Button, ConfirmDialog, Dialog, EmptyState, Input, PageHeader, ProblemState, Select, Skeleton, useToasts, VisuallyHidden } from '@kassa/web/ui';
import { categoryPaths, categoryTree, type CategoryNode, type CategoryRow } from './category-tree';
import styles from './categories.module.css';
import { countOf } from '@kassa/contracts';

const CATEGORY_LIST = ['category', 'list'];
const TOP = '';
/** What a dragged category carries: its own type, so other drags (selected text, files) are not offered a drop. */
const CATEGORY_DRAG_TYPE = 'application/x-kassa-category';

type Editing = { kind: 'create'; parentId: string | null } | { kind: 'rename'; category: CategoryRow } | { kind: 'move'; category: CategoryRow };

/**
 * The category tree: create, rename, delete, and move a category under another by dragging it there or
 * with "Move to…" (the keyboard's way). The API refuses a move into its own subcategories; its message is shown.
 */
export function CategoriesView() {
  const { can } = useSession();
  const manage = can('catalog:manage');
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const list = useApiQuery(CATEGORY_LIST, (http, signal) => http.GET('/api/v1/categories', { signal }));
  const rows: CategoryRow[] = list.data?.items ?? [];
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<CategoryRow>();
  const [refusal, setRefusal] = useState<string>();
  const [dragged, setDragged] = useState<string>();
  const [dropTarget, setDropTarget] = useState<string>();

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['category'] });

  /** Moves and says so; a refusal (a cycle, a category gone) is shown above the tree and thrown for a dialog to keep open. */
  async function move(category: CategoryRow, parentId: string | null) {
    setRefusal(undefined);
    try {
      await callApi(access, (http) => http.PATCH('/api/v1/categories/{id}', { params: { path: { id: category.id } }, body: { parentId } }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setRefusal(`${category.name} was not moved: ${message}`);
      throw error;
    } finally {
      await refresh();
    }
    const parent = rows.find((row) => row.id === parentId);
    toasts.show({ message: parent ? `${category.name} is now under ${parent.name}.` : `${category.name} is now at the top.`, tone: 'success' });
  }

  const dropOn = (parentId: string | null) => (event: DragEvent) => {
    event.preventDefault();
    const category = rows.find((row) => row.id === event.dataTransfer.getData(CATEGORY_DRAG_TYPE));
    setDragged(undefined);
    setDropTarget(undefined);
    if (!category || category.parentId === parentId || category.id === parentId) return;
    void move(category, parentId).catch(() => undefined);
  };
  // Whether a category is being dragged comes from the drag itself: the `dragged` state may not have rendered yet when
  // the first dragover arrives, and a drop is only offered to targets that accepted a dragover.
  const dragOver = (target: string) => (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(CATEGORY_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(target);
  };

  const renderNodes = (nodes: CategoryNode[]) =>
    nodes.map((node) => (
      <li key={node.id} className={styles.item}>
        <div
          className={styles.row}
          data-drop-target={dropTarget === node.id || undefined}
          data-dragging={dragged === node.id || undefined}
          draggable={manage}
          onDragStart={(event) => {
            event.dataTransfer.setData(CATEGORY_DRAG_TYPE, node.id);
            event.dataTransfer.effectAllowed = 'move';
            setDragged(node.id);
          }}
          onDragEnd={() => {
            setDragged(undefined);
            setDropTarget(undefined);
          }}
          onDragOver={dragOver(node.id)}
          onDragLeave={() => setDropTarget((current) => (current === node.id ? undefined : current))}
          onDrop={dropOn(node.id)}
        >
          <span className={styles.name}>{node.name}</span>
          {node.children.length > 0 && <span className={styles.count}>{countOf(node.children.length, 'subcategory', 'subcategories')}</span>}
          {manage && (
            <span className={styles.actions}>
              <Button size="small" variant="ghost" onClick={() => setEditing({ kind: 'create', parentId: node.id })}>
                <span>
                  Add subcategory<VisuallyHidden> to {node.name}</VisuallyHidden>
                </span>
              </Button>
              <Button size="small" variant="ghost" onClick={() => setEditing({ kind: 'rename', category: node })}>
                <span>
                  Rename<VisuallyHidden> {node.name}</VisuallyHidden>
                </span>
              </Button>
              <Button size="small" variant="ghost" onClick={() => setEditing({ kind: 'move', category: node })}>
                {/* One inline run: the button lays its children out with gaps. */}
                <span>
                  Move<VisuallyHidden> {node.name}</VisuallyHidden> to…
                </span>
              </Button>
              <Button size="small" variant="ghost" onClick={() => setDeleting(node)}>
                <span>
                  Delete<VisuallyHidden> {node.name}</VisuallyHidden>
                </span>
              </Button>
            </span>
          )}
        </div>
        {node.children.length > 0 && <ul className={styles.list}>{renderNodes(node.children)}</ul>}
      </li>
    ));

  let body;
  if (list.isError) body = <ProblemState kind={list.error.kind} onRetry={() => void list.refetch()} headingLevel={2} />;
  else if (list.isPending) body = <Skeleton lines={4} />;
  else if (rows.length === 0)
    body = <EmptyState title="No categories yet" description={manage ? 'Add one to group products; drag one onto another to nest it.' : undefined} />;
  else
    body = (
      <>
        {manage && (
          <div
            className={styles.topZone}
            data-drop-target={dropTarget === TOP || undefined}
            data-active={dragged !== undefined || undefined}
            onDragOver={dragOver(TOP)}
            onDragLeave={() => setDropTarget((current) => (current === TOP ? undefined : current))}
            onDrop={dropOn(null)}
          >
            Drop a category here to move it to the top
          </div>
        )}
        <ul className={styles.tree} aria-label="Category tree">
          {renderNodes(categoryTree(rows))}
        </ul>
      </>
    );

  return (
    <>
      <PageHeader
        title="Categories"
        description={manage ? 'Drag a category onto another to nest it, or use Move to… from the keyboard.' : 'How the catalog is grouped.'}
        actions={
          manage ? (
            <Button variant="primary" onClick={() => setEditing({ kind: 'create', parentId: null })}>
              New category
            </Button>
          ) : undefined
        }
      />
      {refusal && (
        <p role="alert" className={styles.refusal}>
          {refusal}
        </p>
      )}
      {body}
      {editing?.kind === 'move' && (
        <MoveDialog category={editing.category} rows={rows} onClose={() => setEditing(undefined)} onMove={(parentId) => move(editing.category, parentId)} />
      )}
      {editing && editing.kind !== 'move' && (
        <NameDialog
          title={
            editing.kind === 'create'
              ? editing.parentId
                ? `New subcategory of ${rows.find((row) => row.id === editing.parentId)?.name ?? ''}`
                : 'New category'
              : `Rename ${editing.category.name}`
          }
          initial={editing.kind === 'rename' ? editing.category.name : ''}
          submitLabel={editing.kind === 'create' ? 'Create' : 'Rename'}
          onClose={() => setEditing(undefined)}
          onSave={async (name) => {
            if (editing.kind === 'create') {
              await callApi(access, (http) => http.POST('/api/v1/categories', { body: { name, ...(editing.parentId ? { parentId: editing.parentId } : {}) } }));
            } else {
              await callApi(access, (http) => http.PATCH('/api/v1/categories/{id}', { params: { path: { id: editing.category.id } }, body: { name } }));
            }
            await refresh();
            toasts.show({ message: editing.kind === 'create' ? `${name} added.` : `Renamed to ${name}.`, tone: 'success' });
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setDeleting(undefined)}
          title={`Delete ${deleting.name}?`}
          description="Only an empty category can go: move its products and subcategories first."
          confirmLabel="Delete"
          tone="danger"
          onConfirm={async () => {
            setRefusal(undefined);
            try {
              await callApi(access, (http) => http.DELETE('/api/v1/categories/{id}', { params: { path: { id: deleting.id } } }));
              toasts.show({ message: `${deleting.name} deleted.`, tone: 'success' });
            } catch (error) {
              setRefusal(`${deleting.name} was not deleted: ${error instanceof Error ? error.message : String(error)}`);
            } finally {
              await refresh();
            }
          }}
        />
      )}
    </>
  );
}

function NameDialog({
  title,
  initial,
  submitLabel,
  onClose,
  onSave,
}: {
  title: string;
  initial: string;
  submitLabel: string;
  onClose(): void;
  onSave(name: string): Promise<void>;
}) {
  const [name, setName] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function save() {
    if (name.trim() === '') {
      setProblem('A category needs a name.');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await onSave(name.trim());
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} onClick={() => void save()}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Input label="Name" value={name} maxLength={200} data-autofocus error={problem} onChange={(event) => setName(event.target.value)} />
      </form>
    </Dialog>
  );
}

/** Where a category goes: the top or under any other category; the API says no to its own subcategories. */
function MoveDialog({
  category,
  rows,
  onClose,
  onMove,
}: {
  category: CategoryRow;
  rows: readonly CategoryRow[];
  onClose(): void;
  onMove(parentId: string | null): Promise<void>;
}) {
  const [target, setTarget] = useState(category.parentId ?? TOP);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const options = [
    { value: TOP, label: 'Top level' },
    ...categoryPaths(rows)
      .filter((entry) => entry.id !== category.id)
      .map((entry) => ({ value: entry.id, label: entry.path })),
  ];
  async function apply() {
    setBusy(true);
    setProblem(undefined);
    try {
      await onMove(target === TOP ? null : target);
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Move ${category.name}`}
      description="Its subcategories move with it."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} onClick={() => void apply()} disabled={target === (category.parentId ?? TOP)}>
            Move
          </Button>
        </>
      }
    >
      <Select label="New place" options={options} value={target} data-autofocus error={problem} onChange={(event) => setTarget(event.target.value)} />
    </Dialog>
  );
}
