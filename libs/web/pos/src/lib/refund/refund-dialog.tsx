'use client';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { callApi, type ApiAccess } from '@kassa/web/data-access';
import { Button, Checkbox, Dialog, Input, useShopFormat } from '@kassa/web/ui';
import { pinProblem } from '../screens/lock-screen';
import { PinPad } from '../screens/pin-pad';
import { StaffPicker } from '../screens/staff-picker';
import { fetchStaff, verifyApprover, type StaffMember } from '../till-api';
import { useTill } from '../till-context';
import { lineRefundMinor, recentSales, type RecentSale } from './recent-sales';
import type { RefundAtTill, RefundTenderType } from './refund-draft';
import styles from '../till.module.css';

interface RefundDialogProps {
  open: boolean;
  access: ApiAccess;
  cashierId: string;
  /** The cashier holds `sales:refund`: no manager's approval is asked. */
  mayRefund: boolean;
  onRefund(refund: Omit<RefundAtTill, 'registerId' | 'cashierId' | 'occurredAt' | 'offline'>): Promise<void>;
  onClose(): void;
}

/** `checked`: the PIN was checked with Kassa now; offline it is checked when the refund syncs. */
type Approval = { userId: string; name: string; pin: string; checked: boolean };

/** A sale of the store by receipt number, online: its lines named by their place in the sale, as the till's own are. */
async function lookUp(access: ApiAccess, storeId: string, receiptNumber: number): Promise<RecentSale[]> {
  const { items } = await callApi(access, (http, signal) =>
    http.GET('/api/v1/sales', { params: { query: { storeId, q: String(receiptNumber), limit: 10 } }, signal }),
  );
  const matching = items.filter((sale) => sale.receiptNumber === receiptNumber);
  return Promise.all(
    matching.map(async (found) => {
      const sale = await callApi(access, (http, signal) => http.GET('/api/v1/sales/{id}', { params: { path: { id: found.id } }, signal }));
      return {
        id: sale.id,
        receiptNumber: sale.receiptNumber ?? receiptNumber,
        occurredAt: sale.occurredAt,
        totalMinor: sale.totalMinor,
        lines: sale.lines.map((line, position) => ({
          position,
          name: line.name,
          quantity: line.quantity,
          totalMinor: line.totalMinor,
          taxMinor: line.taxMinor,
          refundedQuantity: line.refundedQuantity,
        })),
      };
    }),
  );
}

/**
 * Refunds at the till: a sale made on this device (offline too) or, online, any sale of the store by its
 * receipt number; lines and units, back in stock or not, cash or card; a cashier's refund needs a manager's PIN.
 */
export function RefundDialog({ open, access, cashierId, mayRefund, onRefund, onClose }: RefundDialogProps) {
  const { db, device } = useTill();
  const format = useShopFormat();
  const [sales, setSales] = useState<RecentSale[]>([]);
  const [sale, setSale] = useState<RecentSale>();
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [restock, setRestock] = useState<Record<number, boolean>>({});
  const [tender, setTender] = useState<RefundTenderType>('cash');
  const [approval, setApproval] = useState<Approval>();
  const [approvers, setApprovers] = useState<StaffMember[]>();
  const [approver, setApprover] = useState<StaffMember>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setSale(undefined);
    setApproval(undefined);
    setError(undefined);
    void recentSales(db).then(setSales);
  }, [open, db]);

  const chosen = useMemo(
    () => (sale ? sale.lines.filter((line) => (quantities[line.position] ?? 0) > 0).map((line) => ({ line, quantity: quantities[line.position] })) : []),
    [sale, quantities],
  );
  const totalMinor = chosen.reduce((sum, { line, quantity }) => sum + lineRefundMinor(line, quantity), 0);

  function pick(next: RecentSale) {
    setSale(next);
    setQuantities({});
    setRestock(Object.fromEntries(next.lines.map((line) => [line.position, true])));
    setError(undefined);
  }

  async function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const receiptNumber = Number(new FormData(event.currentTarget).get('receipt'));
    if (!Number.isInteger(receiptNumber) || receiptNumber < 1) return setError('Type a receipt number.');
    const local = sales.find((kept) => kept.receiptNumber === receiptNumber);
    if (local) return pick(local);
    if (!navigator.onLine) return setError('Offline, only sales made on this till can be refunded.');
    setBusy(true);
    try {
      const found = await lookUp(access, device.storeId, receiptNumber);
      if (found.length === 0) setError(`No sale with receipt #${receiptNumber} in this store.`);
      else if (found.length === 1) pick(found[0]);
      else setSales(found);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function askApprovers() {
    setError(undefined);
    try {
      setApprovers((await fetchStaff(device.deviceToken)).filter((member) => member.id !== cashierId && member.pinSet && member.role !== 'cashier'));
    } catch {
      setError('The managers cannot be listed right now: a manager signs in to refund.');
    }
  }

  /** Online the PIN is checked now; offline it travels with the refund and is checked when it syncs (flagged if wrong). */
  async function approve(pin: string) {
    if (!approver) return;
    if (!navigator.onLine) return setApproval({ userId: approver.id, name: approver.name, pin, checked: false });
    setBusy(true);
    try {
      const me = await verifyApprover(device.deviceToken, approver.id, pin);
      if (!me.permissions.includes('sales:refund')) setError(`${approver.name} may not approve refunds.`);
      else setApproval({ userId: approver.id, name: approver.name, pin, checked: true });
    } catch (failure) {
      setError(pinProblem(failure));
    } finally {
      setBusy(false);
    }
  }

  async function refund() {
    if (!sale || chosen.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await onRefund({
        saleId: sale.id,
        lines: chosen.map(({ line, quantity }) => ({ position: line.position, quantity, restock: restock[line.position] ?? true })),
        tender,
        totalMinor,
        reason: 'Returned at the till',
        ...(approval ? { approval: { userId: approval.userId, pin: approval.pin } } : {}),
      });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const needsApproval = !mayRefund && !approval;
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title="Refund" description="Give money back for lines of a sale.">
      <div className={styles.stack}>
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
        {!sale ? (
          <>
            <form className={styles.inline} onSubmit={(event) => void search(event)}>
              <Input label="Receipt number" name="receipt" inputMode="numeric" autoComplete="off" />
              <Button type="submit" disabled={busy}>
                Find
              </Button>
            </form>
            <ul className={styles.pickList} aria-label="Sales on this till">
              {sales.map((kept) => (
                <li key={kept.id}>
                  <button type="button" className={styles.pickItem} onClick={() => pick(kept)}>
                    Receipt #{kept.receiptNumber} · {format.dateTime(kept.occurredAt)} · {format.money(kept.totalMinor)}
                  </button>
                </li>
              ))}
            </ul>
            {sales.length === 0 && <p className={styles.muted}>No sale made on this till yet.</p>}
          </>
        ) : (
          <>
            <h3 className={styles.subheading}>Receipt #{sale.receiptNumber}</h3>
            <ul className={styles.lineList} aria-label="Lines to refund">
              {sale.lines.map((line) => {
                const left = line.quantity - line.refundedQuantity;
                return (
                  <li key={line.position} className={styles.line}>
                    <Input
                      label={`Refund units of ${line.name} (${left} left)`}
                      type="number"
                      min={0}
                      max={left}
                      disabled={left === 0}
                      value={quantities[line.position] ?? 0}
                      onChange={(event) => setQuantities({ ...quantities, [line.position]: Math.max(0, Math.min(left, Number(event.target.value) || 0)) })}
                    />
                    <Checkbox
                      label={`${line.name} back in stock`}
                      checked={restock[line.position] ?? true}
                      onChange={(event) => setRestock({ ...restock, [line.position]: event.target.checked })}
                    />
                  </li>
                );
              })}
            </ul>
            <fieldset className={styles.choices}>
              <legend>Pay back in</legend>
              {(['cash', 'card'] as const).map((type) => (
                <label key={type} className={styles.choice}>
                  <input type="radio" name="tender" value={type} checked={tender === type} onChange={() => setTender(type)} />
                  {type === 'cash' ? 'Cash' : 'Card'}
                </label>
              ))}
            </fieldset>
            {!mayRefund &&
              (approval ? (
                <p role="status">
                  Approved by {approval.name}
                  {!approval.checked && ' — the PIN is checked when the till is back online'}
                </p>
              ) : approver ? (
                <PinPad who={approver.name} busy={busy} submitLabel="Approve" onSubmit={(pin) => void approve(pin)} onCancel={() => setApprover(undefined)} />
              ) : approvers ? (
                approvers.length > 0 ? (
                  <StaffPicker staff={approvers} label="Managers" onPick={setApprover} />
                ) : (
                  <p>No manager with a PIN works in this store.</p>
                )
              ) : (
                <Button onClick={() => void askApprovers()}>Manager approval</Button>
              ))}
            <Button variant="primary" onClick={() => void refund()} disabled={busy || chosen.length === 0 || needsApproval}>
              Refund {format.money(totalMinor)}
            </Button>
          </>
        )}
      </div>
    </Dialog>
  );
}
