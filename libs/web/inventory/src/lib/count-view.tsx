'use client';
import { useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiAccess, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Button, ConfirmDialog, EmptyState, NumberInput, PageHeader, ProblemState, Select, useNavigationGuard, useToasts, sectionStyles } from '@kassa/web/ui';
import { InventoryNav } from './inventory-nav';
import { stockKeys } from './inventory-requests';
import { onHandOf } from './product-lookup';
import { ScanField } from './scan-field';
import { countBody, countScanned, setCounted, summarizeCount, varianceOf, type CountLine } from './stock-sheet';
import { stockProblemText } from './stock-problem';
import styles from './inventory.module.css';
import { countOf } from '@kassa/contracts';

const varianceState = (variance: number | null) => (variance === null ? undefined : variance < 0 ? 'short' : variance > 0 ? 'over' : 'exact');

/**
 * A stock count for one store: scan or type what is on the shelf, see each line's variance against
 * on hand, review the differences, then post them as `count` ledger rows (against on hand at posting).
 */
export function CountView() {
  const { can, storeId: chosenStore } = useSession();
  const access = useApiAccess();
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
  const [storeId, setStoreId] = useState(chosenStore ?? '');
  const [lines, setLines] = useState<CountLine[]>([]);
  const [reviewing, setReviewing] = useState(false);
  const [problem, setProblem] = useState<string>();
  const allowed = can('inventory:manage');
  const stores = useApiQuery(['store', 'list'], (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const store = storeId || stores.data?.items[0]?.id || '';
  const post = useApiMutation((http, body: ReturnType<typeof countBody>) => http.POST('/api/v1/inventory/counts', { body }), {
    invalidates: [stockKeys.all],
  });
  const summary = summarizeCount(lines);

  if (!allowed) {
    return (
      <>
        <PageHeader title="Count stock" />
        <ProblemState kind="forbidden" subject="Counting stock" />
      </>
    );
  }

  async function scanned(product: { productId: string; name: string; sku: string }): Promise<string> {
    const known = lines.find((line) => line.productId === product.productId);
    const onHand = known ? known.onHand : await onHandOf(access, store, product.productId);
    const next = countScanned(lines, product, onHand);
    setLines(next);
    return `${product.name}: ${next.find((line) => line.productId === product.productId)?.counted ?? 0} counted`;
  }

  async function confirm() {
    setProblem(undefined);
    try {
      const result = await post.mutateAsync(countBody(store, lines));
      const booked = result.lines.filter((line) => line.delta !== 0).length;
      toasts.show({
        message: `Count posted: ${countOf(booked, 'difference', 'differences')} booked.`,
        tone: 'success',
        action: { label: 'See the movements', run: () => navigate(`/inventory/ledger?referenceId=${result.countId}`) },
      });
      setLines([]);
    } catch (error) {
      setProblem(stockProblemText(error));
    }
  }

  return (
    <>
      <PageHeader
        title="Count stock"
        description="Scan or type what is on the shelf. Only counted products are posted; each difference becomes a ledger row."
        actions={<Button onClick={() => navigate(`/inventory/count/import${store ? `?storeId=${store}` : ''}`)}>Import a count file</Button>}
      />
      <InventoryNav />
      <div className={sectionStyles.row}>
        <Select
          label="Store counted"
          options={(stores.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={store}
          disabled={lines.length > 0}
          hint={lines.length > 0 ? 'Post or clear the sheet to count another store.' : undefined}
          onChange={(event) => setStoreId(event.target.value)}
        />
      </div>
      <ScanField onProduct={scanned} disabled={!store} />
      {lines.length === 0 ? (
        <EmptyState title="Nothing counted yet" description="Scan the first item, or type its barcode or SKU and press Enter." />
      ) : (
        <section className={sectionStyles.section} aria-labelledby="sheet">
          <h2 id="sheet" className={sectionStyles.heading}>
            Count sheet
          </h2>
          <div className={sectionStyles.tableScroll}>
            <table className={`${sectionStyles.table} ${styles.varianceRows}`} aria-label="Count sheet">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className={sectionStyles.end}>
                    On hand
                  </th>
                  <th scope="col" className={sectionStyles.end}>
                    Counted
                  </th>
                  <th scope="col" className={sectionStyles.end}>
                    Variance
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const variance = varianceOf(line);
                  return (
                    <tr key={line.productId} data-variance={varianceState(variance)}>
                      <td>
                        {line.name} <span className={styles.muted}>{line.sku}</span>
                      </td>
                      <td className={sectionStyles.end}>{line.onHand}</td>
                      <td className={sectionStyles.end}>
                        <NumberInput
                          label={`Counted ${line.name}`}
                          hideLabel
                          className={styles.quantity}
                          min={0}
                          value={line.counted}
                          onChange={(value) => setLines((current) => setCounted(current, line.productId, value))}
                        />
                      </td>
                      <td className={sectionStyles.end}>
                        {variance === null ? <span className={styles.muted}>not counted</span> : variance > 0 ? `+${variance}` : variance}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p role="status" className={styles.muted}>
            {`${summary.counted} counted, ${countOf(summary.differing, 'differs', 'differ')}: ${countOf(summary.unitsOver, 'unit', 'units')} over, ${summary.unitsShort} short.`}
          </p>
          {problem && (
            <p role="alert" className={styles.notice}>
              {problem}
            </p>
          )}
          <div className={sectionStyles.actions}>
            <Button variant="primary" disabled={summary.counted === 0} onClick={() => setReviewing(true)}>
              Review and post
            </Button>
            <Button onClick={() => setLines([])}>Clear the sheet</Button>
          </div>
        </section>
      )}
      <ConfirmDialog
        open={reviewing}
        onOpenChange={setReviewing}
        title="Post this count?"
        description={`${countOf(summary.counted, 'product', 'products')} counted. ${countOf(summary.differing, 'differs', 'differ')} from on hand: ${countOf(summary.unitsOver, 'unit', 'units')} over, ${summary.unitsShort} short. Sales made meanwhile are kept: differences are taken against on hand at posting.`}
        confirmLabel="Post count"
        onConfirm={confirm}
      />
    </>
  );
}
