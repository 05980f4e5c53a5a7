'use client';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Badge, Button, ConfirmDialog, Input, ProblemState, Skeleton, useShopFormat, useToasts, VisuallyHidden } from '@kassa/web/ui';
import { FormDialog } from './form-dialog';
import { SettingsScreen } from './settings-screen';
import styles from './admin.module.css';

type Store = Schemas['StoreDto'];
type Register = Schemas['RegisterDto'];

const storeQueries = [queryKeys.entity('store'), ['me']];

/** The shop's stores and their registers (tills), for those who manage them: add or rename a store, add, rename, retire or reactivate a register. */
export function StoresView() {
  const { can } = useSession();
  // Administration: those who add and rename stores (cashiers pick their store in the header instead).
  const allowed = can('stores:manage');
  const manage = allowed;
  const stores = useApiQuery(queryKeys.list('store'), (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const [editing, setEditing] = useState<Store | 'new'>();
  const [editingRegister, setEditingRegister] = useState<{ store: Store; register?: Register }>();
  const [retiring, setRetiring] = useState<Register>();
  return (
    <SettingsScreen
      allowed={allowed}
      title="Stores and registers"
      description="Where the shop sells, and the tills in each store."
      actions={
        manage && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            Add store
          </Button>
        )
      }
    >
      {stores.isError ? (
        <ProblemState kind={stores.error.kind} onRetry={() => void stores.refetch()} />
      ) : !stores.data ? (
        <Skeleton lines={4} label="Loading the stores" />
      ) : stores.data.items.length === 0 ? (
        <p className={styles.muted}>No stores yet.</p>
      ) : (
        stores.data.items.map((store) => (
          <StoreSection
            key={store.id}
            store={store}
            manage={manage}
            onRename={() => setEditing(store)}
            onAddRegister={() => setEditingRegister({ store })}
            onRenameRegister={(register) => setEditingRegister({ store, register })}
            onRetireRegister={setRetiring}
          />
        ))
      )}
      {editing && <StoreDialog store={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {editingRegister && <RegisterDialog {...editingRegister} onClose={() => setEditingRegister(undefined)} />}
      <RetireRegisterDialog register={retiring} onClose={() => setRetiring(undefined)} />
    </SettingsScreen>
  );
}

interface StoreSectionProps {
  store: Store;
  manage: boolean;
  onRename(): void;
  onAddRegister(): void;
  onRenameRegister(register: Register): void;
  onRetireRegister(register: Register): void;
}

function StoreSection({ store, manage, onRename, onAddRegister, onRenameRegister, onRetireRegister }: StoreSectionProps) {
  const format = useShopFormat();
  const toasts = useToasts();
  const reactivate = useApiMutation(
    (http, register: Register) => http.PATCH('/api/v1/registers/{id}', { params: { path: { id: register.id } }, body: { retired: false } }),
    { invalidates: storeQueries },
  );
  const putBack = (register: Register) =>
    reactivate.mutateAsync(register).then(
      () => toasts.show({ message: `${register.name} is back in use.`, tone: 'success' }),
      (error: unknown) => toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' }),
    );
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
              <th scope="col">State</th>
              {manage && (
                <th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {registers.data.items.map((register) => (
              <tr key={register.id}>
                <th scope="row">{register.name}</th>
                <td>{register.kind === 'api' ? <Badge tone="info">Back office and API</Badge> : <Badge>Till</Badge>}</td>
                <td>{register.lastReceiptNumber > 0 ? `#${register.lastReceiptNumber}` : '—'}</td>
                <td>{format.dateTime(register.createdAt, { dateStyle: 'medium' })}</td>
                <td>
                  {register.retiredAt ? (
                    <Badge tone="neutral">Retired {format.dateTime(register.retiredAt, { dateStyle: 'medium' })}</Badge>
                  ) : (
                    <Badge tone="ok">In use</Badge>
                  )}
                </td>
                {manage && (
                  <td className={styles.rowActions}>
                    <Button size="small" onClick={() => onRenameRegister(register)} aria-label={`Rename ${register.name}`}>
                      Rename
                    </Button>
                    {register.kind === 'pos' &&
                      (register.retiredAt ? (
                        <Button size="small" onClick={() => void putBack(register)} aria-label={`Reactivate ${register.name}`}>
                          Reactivate
                        </Button>
                      ) : (
                        <Button size="small" onClick={() => onRetireRegister(register)} aria-label={`Retire ${register.name}`}>
                          Retire
                        </Button>
                      ))}
                  </td>
                )}
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
  const save = useApiMutation(
    (http) =>
      store
        ? http.PATCH('/api/v1/stores/{id}', { params: { path: { id: store.id } }, body: { name: name.trim(), code: code.trim() } })
        : http.POST('/api/v1/stores', { body: { name: name.trim(), code: code.trim() } }),
    { invalidates: storeQueries },
  );
  return (
    <FormDialog
      title={store ? `Rename ${store.name}` : 'Add a store'}
      submitLabel={store ? 'Save' : 'Add store'}
      ready={name.trim() !== '' && code.trim() !== ''}
      busy={save.isPending}
      onSubmit={async () => {
        const saved = await save.mutateAsync(undefined);
        toasts.show({ message: `${saved.name} is saved.`, tone: 'success' });
        onClose();
      }}
      onClose={onClose}
    >
      <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} maxLength={100} data-autofocus />
      <Input
        label="Code"
        hint="Short and unique, such as BER-1; printed on receipts and exports."
        required
        value={code}
        onChange={(event) => setCode(event.target.value)}
        maxLength={20}
      />
    </FormDialog>
  );
}

/** Adds a register to the store, or renames `register`. */
function RegisterDialog({ store, register, onClose }: { store: Store; register?: Register; onClose(): void }) {
  const toasts = useToasts();
  const [name, setName] = useState(register?.name ?? '');
  const save = useApiMutation(
    (http) =>
      register
        ? http.PATCH('/api/v1/registers/{id}', { params: { path: { id: register.id } }, body: { name: name.trim() } })
        : http.POST('/api/v1/stores/{id}/registers', { params: { path: { id: store.id } }, body: { name: name.trim() } }),
    { invalidates: storeQueries },
  );
  return (
    <FormDialog
      title={register ? `Rename ${register.name}` : `Add a register to ${store.name}`}
      description={register ? 'Receipts already printed keep the old name.' : 'A till a tablet can be paired with; it numbers its own receipts.'}
      submitLabel={register ? 'Save' : 'Add register'}
      ready={name.trim() !== ''}
      busy={save.isPending}
      onSubmit={async () => {
        const saved = await save.mutateAsync(undefined);
        toasts.show({ message: register ? `${saved.name} is saved.` : `${saved.name} is added to ${store.name}.`, tone: 'success' });
        onClose();
      }}
      onClose={onClose}
    >
      <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} maxLength={100} data-autofocus />
    </FormDialog>
  );
}

/** Retires a register after saying what that means: no new sales there, its history and queued offline sales kept. */
function RetireRegisterDialog({ register, onClose }: { register?: Register; onClose(): void }) {
  const toasts = useToasts();
  const retire = useApiMutation((http, id: string) => http.PATCH('/api/v1/registers/{id}', { params: { path: { id } }, body: { retired: true } }), {
    invalidates: storeQueries,
  });
  return (
    <ConfirmDialog
      open={register !== undefined}
      onOpenChange={(open) => !open && onClose()}
      title={`Retire ${register?.name ?? 'this register'}?`}
      description="It takes no new sales, shifts or pairings. Its sales and receipts stay, and sales its tablet took offline still arrive: revoke the tablet on Devices once nothing waits. You can reactivate it later."
      confirmLabel="Retire register"
      onConfirm={async () => {
        if (!register) return;
        try {
          await retire.mutateAsync(register.id);
          toasts.show({ message: `${register.name} is retired.`, tone: 'success' });
        } catch (error) {
          toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
        }
      }}
    />
  );
}
