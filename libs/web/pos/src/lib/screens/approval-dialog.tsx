'use client';
import { useEffect, useState } from 'react';
import { Dialog } from '@kassa/web/ui';
import type { DiscountApproval } from '../sell/cart';
import { allowanceOf, fetchStaff, verifyApprover, type StaffMember } from '../till-api';
import { useTill } from '../till-context';
import { pinProblem } from './lock-screen';
import { PinPad } from './pin-pad';
import { StaffPicker } from './staff-picker';
import styles from '../till.module.css';

interface ApprovalDialogProps {
  open: boolean;
  /** Who is selling: they cannot approve their own discount. */
  cashierId: string;
  /** Whether the approver's allowance covers what is asked; false keeps the dialog open with a reason. */
  covers(allowanceBps: number | null): boolean;
  onApproved(approval: DiscountApproval): void;
  onClose(): void;
}

/** A manager of this store picks their tile and types their PIN; the sale carries the approval to the API. */
export function ApprovalDialog({ open, cashierId, covers, onApproved, onClose }: ApprovalDialogProps) {
  const { device } = useTill();
  const [approvers, setApprovers] = useState<StaffMember[]>();
  const [chosen, setChosen] = useState<StaffMember>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setChosen(undefined);
    setError(undefined);
    fetchStaff(device.deviceToken).then(
      (staff) => setApprovers(staff.filter((member) => member.id !== cashierId && member.pinSet && member.role !== 'cashier')),
      (failure: unknown) => setError(pinProblem(failure)),
    );
  }, [open, device.deviceToken, cashierId]);

  async function approve(pin: string) {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      const me = await verifyApprover(device.deviceToken, chosen.id, pin);
      const allowanceBps = allowanceOf(me);
      if (!covers(allowanceBps)) {
        setError(`${chosen.name} may discount ${allowanceBps === null ? 'without limit' : `up to ${allowanceBps / 100}%`}: not enough for this sale.`);
      } else {
        onApproved({ userId: chosen.id, name: chosen.name, pin, allowanceBps });
      }
    } catch (failure) {
      setError(pinProblem(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title="Manager approval" description="A manager approves this discount with their PIN.">
      {chosen ? (
        <PinPad who={chosen.name} busy={busy} error={error} submitLabel="Approve" onSubmit={(pin) => void approve(pin)} onCancel={() => setChosen(undefined)} />
      ) : (
        <div className={styles.stack}>
          {error && (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          )}
          {!approvers && !error && <p role="status">Loading managers…</p>}
          {approvers?.length === 0 && <p>No manager with a PIN works in this store.</p>}
          {approvers && approvers.length > 0 && <StaffPicker staff={approvers} label="Managers" onPick={setChosen} />}
        </div>
      )}
    </Dialog>
  );
}
