'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refundShare, uuidv7 } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { emailReceipt, useApiAccess, useApiMutation } from '@kassa/web/data-access';
import { Button, Checkbox, Dialog, Input, NumberInput, Select, useShopFormat, useToasts } from '@kassa/web/ui';
import { saleKeys, type Sale } from './sale-requests';
import styles from './sales.module.css';

type TenderType = Sale['tenders'][number]['type'];
const TENDER_OPTIONS: { value: TenderType; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'card', label: 'Card' },
  { value: 'other', label: 'Other' },
];

/** What can be done to a sale from its page, each offered only to those allowed to (the API refuses the rest anyway). */
export function SaleActions({ sale, receiptText }: { sale: Sale; receiptText: string | undefined }) {
  const { can, me } = useSession();
  const [open, setOpen] = useState<'refund' | 'void' | 'email'>();
  const completed = sale.status === 'completed';
  const refundable = completed && sale.lines.some((line) => line.refundedQuantity < line.quantity);
  const refunded = sale.lines.some((line) => line.refundedQuantity > 0);
  const close = () => setOpen(undefined);
  // The buttons come all at once, when the permissions are known: Void and Refund arriving later would push the others
  // aside (the header is right-aligned) under a click already on its way.
  if (!me) return null;
  return (
    <>
      {/* Shown from the start, ready once the receipt's text is, for the same reason. */}
      <Button disabled={receiptText === undefined} onClick={() => receiptText !== undefined && printReceipt(receiptText, sale.receiptNumber)}>
        Print receipt
      </Button>
      <Button onClick={() => setOpen('email')}>Email receipt</Button>
      {can('sales:void') && completed && !refunded && (
        <Button variant="danger" onClick={() => setOpen('void')}>
          Void
        </Button>
      )}
      {can('sales:refund') && refundable && (
        <Button variant="primary" onClick={() => setOpen('refund')}>
          Refund
        </Button>
      )}
      {open === 'refund' && <RefundDialog sale={sale} onClose={close} />}
      {open === 'void' && <VoidDialog sale={sale} onClose={close} />}
      {open === 'email' && <EmailReceiptDialog sale={sale} onClose={close} />}
    </>
  );
}

/** Prints the 42-column text receipt from a hidden frame, so the page itself is not what gets printed. */
function printReceipt(text: string, receiptNumber: number) {
  const frame = document.createElement('iframe');
  frame.title = `Receipt ${receiptNumber} for printing`;
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  document.body.append(frame);
  const doc = frame.contentDocument;
  const window = frame.contentWindow;
  if (!doc || !window) return frame.remove();
  const pre = doc.createElement('pre');
  pre.style.font = '12px/1.35 monospace';
  pre.textContent = text;
  doc.body.append(pre);
  window.addEventListener('afterprint', () => frame.remove(), { once: true });
  window.print();
}

const saleQueries = (id: string) => [saleKeys.detail(id), saleKeys.refunds(id), saleKeys.receipt(id), saleKeys.audit(id), saleKeys.all];

function RefundDialog({ sale, onClose }: { sale: Sale; onClose(): void }) {
  const format = useShopFormat();
  const toasts = useToasts();
  // One key per opened dialog: a second press or a retry after a lost answer refunds once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => uuidv7());
  const [quantities, setQuantities] = useState<Record<string, number | null>>({});
  const [restock, setRestock] = useState<Record<string, boolean>>({});
  const [tender, setTender] = useState<TenderType>(sale.tenders[0]?.type ?? 'cash');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const refund = useApiMutation(
    (
      http,
      body: { lines: { saleLineId: string; quantity: number; restock: boolean }[]; tenders: { type: TenderType; amountMinor: number }[]; reason: string },
    ) => http.POST('/api/v1/sales/{id}/refunds', { params: { path: { id: sale.id }, header: { 'Idempotency-Key': idempotencyKey } }, body }),
    { invalidates: saleQueries(sale.id) },
  );
  const open = sale.lines.filter((line) => line.refundedQuantity < line.quantity);
  const chosen = open.flatMap((line) => {
    const quantity = quantities[line.id] ?? 0;
    return quantity > 0 ? [{ line, quantity, restock: restock[line.id] ?? true }] : [];
  });
  const totalMinor = chosen.reduce((sum, { line, quantity }) => sum + refundShare(line, line.refundedQuantity, quantity).amountMinor, 0);
  const submit = async () => {
    setProblem(undefined);
    try {
      await refund.mutateAsync({
        lines: chosen.map(({ line, quantity, restock: back }) => ({ saleLineId: line.id, quantity, restock: back })),
        tenders: [{ type: tender, amountMinor: totalMinor }],
        reason: reason.trim(),
      });
      toasts.show({ message: `Refunded ${format.money(totalMinor)} on receipt #${sale.receiptNumber}.`, tone: 'success' });
      onClose();
    } catch (error) {
      // The API answered, so the next try is a new request (the key would replay this refusal).
      setIdempotencyKey(uuidv7());
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && !refund.isPending && onClose()}
      title={`Refund receipt #${sale.receiptNumber}`}
      description="Choose how many of each item come back, whether they go back in stock, and how the money goes back."
      footer={
        <>
          <Button onClick={onClose} disabled={refund.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={refund.isPending} disabled={chosen.length === 0 || reason.trim() === ''}>
            {`Refund ${format.money(totalMinor)}`}
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        {open.map((line) => {
          const left = line.quantity - line.refundedQuantity;
          return (
            <fieldset key={line.id} className={styles.refundLine}>
              <legend className={styles.name}>
                {line.name} <span className={styles.muted}>({format.number(left)} left)</span>
              </legend>
              <NumberInput
                label={`Units of ${line.name} to refund`}
                value={quantities[line.id] ?? 0}
                onChange={(value) => setQuantities((current) => ({ ...current, [line.id]: value }))}
                min={0}
                max={left}
              />
              <Checkbox
                label="Back in stock"
                checked={restock[line.id] ?? true}
                onChange={(event) => setRestock((current) => ({ ...current, [line.id]: event.target.checked }))}
              />
            </fieldset>
          );
        })}
        <Select label="Refund to" value={tender} onChange={(event) => setTender(event.target.value as TenderType)} options={TENDER_OPTIONS} />
        <Input label="Reason" required value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}

function VoidDialog({ sale, onClose }: { sale: Sale; onClose(): void }) {
  const toasts = useToasts();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const voidSale = useApiMutation((http, body: { reason: string }) => http.POST('/api/v1/sales/{id}/void', { params: { path: { id: sale.id } }, body }), {
    invalidates: saleQueries(sale.id),
  });
  const submit = async () => {
    setProblem(undefined);
    try {
      await voidSale.mutateAsync({ reason: reason.trim() });
      toasts.show({ message: `Receipt #${sale.receiptNumber} is void.`, tone: 'success' });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      open
      role="alertdialog"
      onOpenChange={(next) => !next && !voidSale.isPending && onClose()}
      title={`Void receipt #${sale.receiptNumber}?`}
      description="A void cancels the whole sale and puts every line back in stock. It is possible only on the sale’s own business day and before any refund."
      footer={
        <>
          <Button onClick={onClose} disabled={voidSale.isPending}>
            Keep the sale
          </Button>
          <Button variant="danger" onClick={() => void submit()} loading={voidSale.isPending} disabled={reason.trim() === ''}>
            Void the sale
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Input label="Reason" required value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} data-autofocus />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}

function EmailReceiptDialog({ sale, onClose }: { sale: Sale; onClose(): void }) {
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    setProblem(undefined);
    setBusy(true);
    try {
      await emailReceipt(access, sale.id, to.trim());
      // The sending is audited: the history shows it.
      void queryClient.invalidateQueries({ queryKey: saleKeys.audit(sale.id) });
      toasts.show({ message: `Receipt #${sale.receiptNumber} is on its way to ${to.trim()}.`, tone: 'success' });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && !busy && onClose()}
      title={`Email receipt #${sale.receiptNumber}`}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={busy} disabled={to.trim() === ''}>
            Send
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Input label="Email address" type="email" required value={to} onChange={(event) => setTo(event.target.value)} autoComplete="email" data-autofocus />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
