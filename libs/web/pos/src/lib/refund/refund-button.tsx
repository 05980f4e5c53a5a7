'use client';
import { useState } from 'react';
import type { ApiAccess } from '@kassa/web/data-access';
import { useShopFormat } from '@kassa/web/ui';
import { offlineRefundStop, type OfflineLimits } from '../offline/offline-limits';
import { REACHED_KASSA_AT, useTillSync } from '../offline/till-sync';
import { STORES } from '../store/till-db';
import { useTill } from '../till-context';
import { noteRefunded } from './recent-sales';
import { refundDraft } from './refund-draft';
import { RefundDialog } from './refund-dialog';
import tillStyles from '../till.module.css';

/** How long the screen waits for the API's answer before it says the refund is saved on this device. */
const ANSWER_WAIT_MS = 4_000;

/** The top bar's refund button: a refund goes through the till's queue, behind the sale it names. */
export function RefundButton({
  access,
  cashierId,
  mayRefund,
  limits,
  onDone,
}: {
  access: ApiAccess;
  cashierId: string;
  mayRefund: boolean;
  /** The shop's offline limits: a refund without the network keeps to them as a sale does. */
  limits: OfflineLimits;
  onDone(text: string): void;
}) {
  const { db, device } = useTill();
  const sync = useTillSync();
  const format = useShopFormat();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={tillStyles.barButton} onClick={() => setOpen(true)}>
        Refund
      </button>
      {open && (
        <RefundDialog
          open
          access={access}
          cashierId={cashierId}
          mayRefund={mayRefund}
          onClose={() => setOpen(false)}
          onRefund={async (refund) => {
            if (!navigator.onLine) {
              const reachedAt = (await db.get<number>(STORES.meta, REACHED_KASSA_AT)) ?? null;
              const stop = offlineRefundStop(limits, refund, reachedAt, Date.now(), format.money);
              if (stop) throw new Error(stop);
            }
            const entry = await sync.outbox.enqueue(
              refundDraft({ ...refund, registerId: device.registerId, cashierId, occurredAt: new Date(), offline: !navigator.onLine }),
            );
            await noteRefunded(db, refund.saleId, refund.lines);
            const round = await Promise.race([sync.syncNow(), new Promise<undefined>((resolve) => setTimeout(resolve, ANSWER_WAIT_MS))]);
            const sent = round?.answers.has(entry.id);
            setOpen(false);
            onDone(`Refunded ${format.money(refund.totalMinor)}${sent ? '' : ' — saved on this device, sent when Kassa can be reached'}.`);
          }}
        />
      )}
    </>
  );
}
