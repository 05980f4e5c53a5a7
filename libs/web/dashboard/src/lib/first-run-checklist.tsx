'use client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { callApi, queryKeys, useApiAccess, type ApiError } from '@kassa/web/data-access';
import { Button, IntentLink, Skeleton, VisuallyHidden } from '@kassa/web/ui';
import { firstRunSteps, type FirstRunFacts } from './first-run-steps';
import styles from './views.module.css';

const dismissedKey = (tenantId: string) => `kassa.first-run-dismissed.${tenantId}`;

function readDismissed(tenantId: string): boolean {
  try {
    return localStorage.getItem(dismissedKey(tenantId)) === '1';
  } catch {
    return false;
  }
}

function rememberDismissed(tenantId: string): void {
  try {
    localStorage.setItem(dismissedKey(tenantId), '1');
  } catch {
    // Storage can be disabled: the checklist then comes back on the next visit.
  }
}

/**
 * What the shop has set up: its stores (the owner's session lists them all), their till registers, products, paired
 * tills and users. All asked for at once: the registers by the stores the session already knows, not after a list of
 * stores of their own.
 */
function useFirstRunFacts(enabled: boolean): { data?: FirstRunFacts; isError: boolean } {
  const access = useApiAccess();
  const { me } = useSession();
  const storeIds = (me?.stores ?? []).map((store) => store.id);
  const registers = useQuery<number, ApiError>({
    queryKey: queryKeys.list('store', { with: 'registers', of: storeIds }),
    enabled,
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        storeIds.map((id) => callApi(access, (http) => http.GET('/api/v1/stores/{id}/registers', { params: { path: { id } }, signal }), signal)),
      );
      return lists.flatMap((list) => list.items).filter((register) => register.kind === 'pos' && register.retiredAt === null).length;
    },
  });
  const rest = useQuery<Omit<FirstRunFacts, 'stores' | 'tillRegisters'>, ApiError>({
    queryKey: [...queryKeys.entity('product'), 'first-run'],
    enabled,
    queryFn: async ({ signal }) => {
      const [products, devices, users] = await Promise.all([
        callApi(access, (http) => http.GET('/api/v1/products', { params: { query: { limit: 1 } }, signal }), signal),
        callApi(access, (http) => http.GET('/api/v1/devices', { params: { query: { limit: 100 } }, signal }), signal),
        callApi(access, (http) => http.GET('/api/v1/users', { params: { query: { limit: 2 } }, signal }), signal),
      ]);
      return {
        products: products.items.length,
        pairedTills: devices.items.filter((device) => device.revokedAt === null).length,
        users: users.items.length,
      };
    },
  });
  if (registers.data === undefined || !rest.data) return { isError: registers.isError || rest.isError };
  return { data: { stores: storeIds.length, tillRegisters: registers.data, ...rest.data }, isError: false };
}

/**
 * A new shop's owner walks through setting it up: store, till register, products, a paired till, staff. Each step
 * is done when the shop's data says so; the owner may put the list away, and it goes once everything is done.
 */
export function FirstRunChecklist() {
  const { me, can } = useSession();
  const tenantId = me?.tenant.id;
  // Read while rendering (the board renders in the browser only, once the person is known), so the steps' answers are
  // asked for with the board's, not a render later.
  const [dismissed, setDismissed] = useState(() => (tenantId ? readDismissed(tenantId) : true));
  useEffect(() => setDismissed(tenantId ? readDismissed(tenantId) : true), [tenantId]);
  const owner = can('tenant:manage') && can('devices:manage') && can('users:manage');
  const facts = useFirstRunFacts(owner && !dismissed);
  const headingId = useId();
  if (!owner || dismissed || !tenantId) return null;
  if (!facts.data) {
    return facts.isError ? null : (
      <div className={styles.firstRun}>
        <Skeleton lines={3} label="Loading the setup steps" />
      </div>
    );
  }
  const steps = firstRunSteps(facts.data);
  const done = steps.filter((step) => step.done).length;
  if (done === steps.length) return null;
  const next = steps.find((step) => !step.done);
  return (
    <section className={`${styles.card} ${styles.firstRun}`} aria-labelledby={headingId}>
      <header className={styles.cardHeader}>
        <h2 id={headingId}>Set up your shop</h2>
        <Button
          size="small"
          variant="ghost"
          onClick={() => {
            rememberDismissed(tenantId);
            setDismissed(true);
          }}
        >
          Hide the steps
        </Button>
      </header>
      <p>
        <progress className={styles.firstRunProgress} max={steps.length} value={done} aria-label="Setup progress" /> {done} of {steps.length} done
      </p>
      <ol className={styles.firstRunSteps}>
        {steps.map((step) => (
          <li key={step.id} className={styles.firstRunStep} data-done={step.done}>
            <span className={styles.firstRunMark} aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <span className={styles.firstRunText}>
              <strong>{step.title}</strong>
              {step.done ? <VisuallyHidden> (done)</VisuallyHidden> : <span className={styles.firstRunDescription}>{step.description}</span>}
            </span>
            {!step.done && (
              <IntentLink href={step.href} className={step === next ? styles.primaryLink : styles.cardLink}>
                {step.action}
              </IntentLink>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
