'use client';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '@kassa/api-client';
import { SessionRoot, useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import { Button, Input, Select } from '@kassa/web/ui';
import { fetchFullCatalog } from '../store/catalog-source';
import { CatalogSnapshot } from '../store/catalog-snapshot';
import { savePairedDevice, type PairedDevice } from '../store/paired-device';
import type { TillDb } from '../store/till-db';
import { fetchCurrentDevice, type CurrentDevice } from '../till-api';
import styles from '../till.module.css';

type Register = Schemas['RegisterDto'];

interface PairingScreenProps {
  db: TillDb;
  /** Why the till came back here (a revoked pairing). */
  reason?: string;
  onPaired(device: PairedDevice, current: CurrentDevice): void;
}

/** A manager signs in once on the tablet, picks the store and register, and pairs it; the catalog comes down with it. */
/** Pairing needs a manager's back-office session, which the till's first load does not carry: it brings its own. */
export function PairingScreen(props: PairingScreenProps) {
  return (
    <SessionRoot>
      <Pairing {...props} />
    </SessionRoot>
  );
}

function Pairing({ db, reason, onPaired }: PairingScreenProps) {
  const session = useSession();
  return (
    <main className={styles.centered}>
      <section className={styles.card} aria-labelledby="pairing-title">
        <h1 id="pairing-title" className={styles.cardTitle}>
          Set up this till
        </h1>
        {reason && (
          <p role="alert" className={styles.notice}>
            {reason}
          </p>
        )}
        {session.status === 'loading' && <p role="status">Checking for a manager session…</p>}
        {session.status === 'signed-out' && <ManagerSignIn />}
        {session.status === 'signed-in' && !session.me && <p role="status">Loading your shop…</p>}
        {session.status === 'signed-in' && session.me && (session.can('devices:manage') ? <RegisterPicker db={db} onPaired={onPaired} /> : <NotAManager />)}
      </section>
    </main>
  );
}

function ManagerSignIn() {
  const session = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await session.signIn({ tenant: String(form.get('tenant')), email: String(form.get('email')), password: String(form.get('password')) });
    setBusy(false);
    if (!result.ok)
      setError(
        result.problem?.code === 'invalid_credentials'
          ? 'That shop, email and password do not match.'
          : (result.problem?.detail ?? 'Kassa could not be reached.'),
      );
  }
  return (
    <form className={styles.stack} onSubmit={submit}>
      <p className={styles.muted}>A manager or the owner signs in once to pair this tablet with a register. Cashiers then sign in with their PIN.</p>
      <Input label="Shop" name="tenant" autoComplete="organization" required autoFocus />
      <Input label="Email" name="email" type="email" autoComplete="username" required />
      <Input label="Password" name="password" type="password" autoComplete="current-password" required error={error} />
      <Button type="submit" variant="primary" className={styles.bigButton} loading={busy}>
        Sign in
      </Button>
    </form>
  );
}

function NotAManager() {
  const session = useSession();
  return (
    <div className={styles.stack}>
      <p>Pairing a till needs a manager or the owner. {session.me?.user.name} cannot pair devices.</p>
      <Button onClick={() => void session.signOut()}>Sign out</Button>
    </div>
  );
}

function RegisterPicker({ db, onPaired }: Pick<PairingScreenProps, 'db' | 'onPaired'>) {
  const session = useSession();
  const access = useApiAccess();
  const stores = session.me?.stores ?? [];
  const [storeId, setStoreId] = useState(session.storeId ?? stores[0]?.id ?? '');
  const [registerId, setRegisterId] = useState<string>();
  const [newName, setNewName] = useState('');
  const [tabletName, setTabletName] = useState('Counter tablet');
  const [step, setStep] = useState<string>();
  const [error, setError] = useState<string>();
  const registers = useApiQuery(
    ['till-registers', storeId],
    (http, signal) => http.GET('/api/v1/stores/{id}/registers', { params: { path: { id: storeId } }, signal }),
    {
      enabled: Boolean(storeId),
    },
  );
  const tills = (registers.data?.items ?? []).filter((register) => register.kind === 'pos');

  async function createRegister() {
    setError(undefined);
    try {
      const created: Register = await callApi(access, (http) =>
        http.POST('/api/v1/stores/{id}/registers', { params: { path: { id: storeId } }, body: { name: newName.trim() } }),
      );
      await registers.refetch();
      setRegisterId(created.id);
      setNewName('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function pair() {
    if (!registerId) return;
    setError(undefined);
    try {
      setStep('Pairing…');
      const paired = await callApi(access, (http) =>
        http.POST('/api/v1/registers/{id}/devices', { params: { path: { id: registerId } }, body: { name: tabletName.trim() || 'Till tablet' } }),
      );
      const current = await fetchCurrentDevice(paired.deviceToken);
      setStep('Loading the catalog…');
      const catalog = await fetchFullCatalog(access, { storeId: current.store.id, registerId: current.register.id });
      await new CatalogSnapshot(db).replace(catalog);
      const device: PairedDevice = {
        deviceId: paired.deviceId,
        deviceToken: paired.deviceToken,
        registerId: current.register.id,
        registerName: current.register.name,
        storeId: current.store.id,
        storeName: current.store.name,
        tenantSlug: current.tenant.slug,
        pairedAt: new Date().toISOString(),
      };
      await savePairedDevice(db, device, current.register.lastReceiptNumber);
      // The manager's own session ends here: the tablet keeps only its device credential.
      await session.signOut();
      onPaired(device, current);
    } catch (failure) {
      setStep(undefined);
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div className={styles.stack}>
      <p className={styles.muted}>Signed in as {session.me?.user.name}. Pick where this tablet sells.</p>
      <Select
        label="Store"
        value={storeId}
        onChange={(event) => {
          setStoreId(event.target.value);
          setRegisterId(undefined);
        }}
        options={stores.map((store) => ({ value: store.id, label: store.name }))}
      />
      <fieldset className={styles.choices}>
        <legend>Register</legend>
        {registers.isPending && <p role="status">Loading registers…</p>}
        {!registers.isPending && tills.length === 0 && <p className={styles.muted}>This store has no till register yet: create one below.</p>}
        {tills.map((register) => (
          <label key={register.id} className={styles.choice}>
            <input type="radio" name="register" value={register.id} checked={registerId === register.id} onChange={() => setRegisterId(register.id)} />
            <span>{register.name}</span>
            <span className={styles.muted}>last receipt #{register.lastReceiptNumber}</span>
          </label>
        ))}
      </fieldset>
      <div className={styles.inline}>
        <Input label="New register" name="registerName" value={newName} onChange={(event) => setNewName(event.target.value)} placeholder="Till 2" />
        <Button onClick={() => void createRegister()} disabled={!newName.trim() || !storeId}>
          Create register
        </Button>
      </div>
      <Input label="Name of this tablet" name="tabletName" value={tabletName} onChange={(event) => setTabletName(event.target.value)} />
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <Button variant="primary" className={styles.bigButton} disabled={!registerId} loading={step !== undefined} onClick={() => void pair()}>
        {step ?? 'Pair this tablet'}
      </Button>
    </div>
  );
}
