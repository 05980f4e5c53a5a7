'use client';
import { useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Button, EmptyState, NumberInput, PageHeader, ProblemState, Select, useNavigationGuard, useToasts, sectionStyles } from '@kassa/web/ui';
import { InventoryNav } from './inventory-nav';
import { stockKeys } from './inventory-requests';
import { ScanField } from './scan-field';
import { transferBodyLines, transferScanned, type TransferLine } from './stock-sheet';
import { stockProblemText } from './stock-problem';
import styles from './inventory.module.css';
import { countOf } from '@kassa/contracts';

/** Moves units from one store to another in one step: out of one and into the other, or neither. */
export function TransferView() {
  const { can, storeId: chosenStore } = useSession();
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
  const [from, setFrom] = useState(chosenStore ?? '');
  const [to, setTo] = useState('');
  const [lines, setLines] = useState<TransferLine[]>([]);
  const [problem, setProblem] = useState<string>();
  const allowed = can('inventory:manage');
  const stores = useApiQuery(['store', 'list'], (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const send = useApiMutation(
    (http, body: { fromStoreId: string; toStoreId: string; lines: { productId: string; quantity: number }[] }) =>
      http.POST('/api/v1/inventory/transfers', { body }),
    { invalidates: [stockKeys.all] },
  );
  const options = (stores.data?.items ?? []).map((store) => ({ value: store.id, label: store.name }));
  const moving = transferBodyLines(lines);
  const sameStore = from !== '' && from === to;

  if (!allowed) {
    return (
      <>
        <PageHeader title="Transfer stock" />
        <ProblemState kind="forbidden" subject="Transferring stock" />
      </>
    );
  }

  async function submit() {
    setProblem(undefined);
    try {
      const result = await send.mutateAsync({ fromStoreId: from, toStoreId: to, lines: moving });
      const units = result.lines.reduce((sum, line) => sum + line.quantity, 0);
      toasts.show({
        message: `Transferred ${countOf(units, 'unit', 'units')}.`,
        tone: 'success',
        action: { label: 'See the movements', run: () => navigate(`/inventory/ledger?referenceId=${result.transferId}`) },
      });
      setLines([]);
    } catch (error) {
      setProblem(stockProblemText(error));
    }
  }

  return (
    <>
      <PageHeader title="Transfer stock" description="Send units from one store to another; both ledgers show the transfer." />
      <InventoryNav />
      <div className={sectionStyles.row}>
        <Select label="From" placeholder="Choose a store" options={options} value={from} onChange={(event) => setFrom(event.target.value)} />
        <Select
          label="To"
          placeholder="Choose a store"
          options={options}
          value={to}
          error={sameStore ? 'Choose another store than the one it leaves.' : undefined}
          onChange={(event) => setTo(event.target.value)}
        />
      </div>
      <ScanField
        onProduct={async (product) => {
          const next = transferScanned(lines, product);
          setLines(next);
          return `${product.name}: ${next.find((line) => line.productId === product.productId)?.quantity ?? 0} to send`;
        }}
      />
      {lines.length === 0 ? (
        <EmptyState title="Nothing to send yet" description="Scan each item, or type its barcode or SKU and press Enter." />
      ) : (
        <section className={sectionStyles.section} aria-labelledby="transfer-lines">
          <h2 id="transfer-lines" className={sectionStyles.heading}>
            To send
          </h2>
          <div className={sectionStyles.tableScroll}>
            <table className={sectionStyles.table} aria-label="To send">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className={sectionStyles.end}>
                    Units
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.productId}>
                    <td>
                      {line.name} <span className={styles.muted}>{line.sku}</span>
                    </td>
                    <td className={sectionStyles.end}>
                      <NumberInput
                        label={`Units of ${line.name}`}
                        hideLabel
                        className={styles.quantity}
                        min={0}
                        value={line.quantity}
                        onChange={(quantity) =>
                          setLines((current) => current.map((item) => (item.productId === line.productId ? { ...item, quantity } : item)))
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problem && (
            <p role="alert" className={styles.notice}>
              {problem}
            </p>
          )}
          <div className={sectionStyles.actions}>
            <Button variant="primary" loading={send.isPending} disabled={!from || !to || sameStore || moving.length === 0} onClick={() => void submit()}>
              Send transfer
            </Button>
            <Button onClick={() => setLines([])}>Clear</Button>
          </div>
        </section>
      )}
    </>
  );
}
