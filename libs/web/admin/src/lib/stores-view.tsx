'use client';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Badge, Button, Dialog, Input, PageHeader, ProblemState, Skeleton, useShopFormat, useToasts } from '@kassa/web/ui';
import { SettingsNav } from './settings-nav';
import styles from './admin.module.css';

type Store = Schemas['StoreDto'];

const storeQueries = [queryKeys.entity('store'), ['me']];

/** The shop's stores and their registers (tills), for those who manage them: add a store, rename it, add a register. */
export function StoresView() {
  const { me, can } = useSession();
  // Administration: those who add and rename stores (cashiers pick their store in the header instead).
  const allowed = can('stores:manage');
  const manage = allowed;
  const stores = useApiQuery(queryKeys.list('store'), (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const [editing, setEditing] = useState<Store | 'new'>();
  const [addingRegisterTo, setAddingRegisterTo] = useState<Store>();
  if (!me) return <Skeleton lines={4} label="Loading" />;
  if (!allowed) {
    return (
      <>
        <PageHeader title="Stores and registers" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Stores and registers"
        description="Where the shop sells, and the tills in each store."
        actions={
          manage && (
            <Button variant="primary" onClick={() => setEditing('new')}>
              Add store
            </Button>
          )
        }
      />
      <SettingsNav />
      {stores.isError ? (
        <ProblemState kind={stores.error.kind} onRetry={() => void stores.refetch()} />
      ) : !stores.data ? (
        <Skeleton lines={4} label="Loading the stores" />
      ) : stores.data.items.length === 0 ? (
        <p className={styles.muted}>No stores yet.</p>
      ) : (
        stores.data.items.map((store) => (
          <StoreSection key={store.id} store={store} manage={manage} onRename={() => setEditing(store)} onAddRegister={() => setAddingRegisterTo(store)} />
        ))
      )}
      {editing && <StoreDialog store={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {addingRegisterTo && <RegisterDialog store={addingRegisterTo} onClose={() => setAddingRegisterTo(undefined)} />}
    </>
  );
}

function StoreSection({ store, manage, onRename, onAddRegister }: { store: Store; manage: boolean; onRename(): void; onAddRegister(): void }) {
  const format = useShopFormat();
  const registers = useApiQuery([...queryKeys.detail('store', store.id), 'registers'], (http, signal) =>
    http.GET('/api/v1/stores/{id}/registers', { params: { path: { id: store.id } }, signal }),
  );
  const headingId = `store-${store.id}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.trailHead}>
        <h2 id={headingId} className={styles.heading}>
          {store.name} <span className={`${styles.muted} ${styles.code}`}>{store.code}</span>
        </h2>
        {manage && (
          <>
            <Button size="small" onClick={onRename} aria-label={`Rename ${store.name}`}>
              Rename
            </Button>
            <Button size="small" onClick={onAddRegister} aria-label={`Add register to ${store.name}`}>
              Add register
            </Button>
          </>
        )}
      </div>
      {!registers.data ? (
        <Skeleton lines={2} label="Loading the registers" />
      ) : (
        <table className={styles.diff} aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Register</th>
              <th scope="col">Kind</th>
              <th scope="col">Last receipt</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {registers.data.items.map((register) => (
              <tr key={register.id}>
                <th scope="row">{register.name}</th>
                <td>{register.kind === 'api' ? <Badge tone="info">Back office and API</Badge> : <Badge>Till</Badge>}</td>
                <td>{register.lastReceiptNumber > 0 ? `#${register.lastReceiptNumber}` : '—'}</td>
                <td>{format.dateTime(register.createdAt, { dateStyle: 'medium' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function StoreDialog({ store, onClose }: { store?: Store; onClose(): void }) {
  const toasts = useToasts();
  const [name, setName] = useState(store?.name ?? '');
  const [code, setCode] = useState(store?.code ?? '');
  const [problem, setProblem] = useState<string>();
  const save = useApiMutation(
    (http) =>
      store
        ? http.PATCH('/api/v1/stores/{id}', { params: { path: { id: store.id } }, body: { name: name.trim(), code: code.trim() } })
        : http.POST('/api/v1/stores', { body: { name: name.trim(), code: code.trim() } }),
    { invalidates: storeQueries },
  );
  const submit = async () => {
    setProblem(undefined);
    try {
      const saved = await save.mutateAsync(undefined);
      toasts.show({ message: `${saved.name} is saved.`, tone: 'success' });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !save.isPending && onClose()}
      title={store ? `Rename ${store.name}` : 'Add a store'}
      footer={
        <>
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={save.isPending} disabled={!name.trim() || !code.trim()}>
            {store ? 'Save' : 'Add store'}
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} maxLength={100} data-autofocus />
        <Input
          label="Code"
          hint="Short and unique, such as BER-1; printed on receipts and exports."
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          maxLength={20}
        />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}

function RegisterDialog({ store, onClose }: { store: Store; onClose(): void }) {
  const toasts = useToasts();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const create = useApiMutation((http) => http.POST('/api/v1/stores/{id}/registers', { params: { path: { id: store.id } }, body: { name: name.trim() } }), {
    invalidates: storeQueries,
  });
  const submit = async () => {
    setProblem(undefined);
    try {
      const created = await create.mutateAsync(undefined);
      toasts.show({ message: `${created.name} is added to ${store.name}.`, tone: 'success' });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !create.isPending && onClose()}
      title={`Add a register to ${store.name}`}
      description="A till a tablet can be paired with; it numbers its own receipts."
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={create.isPending} disabled={!name.trim()}>
            Add register
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} maxLength={100} data-autofocus />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
