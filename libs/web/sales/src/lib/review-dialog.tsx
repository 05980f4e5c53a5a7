'use client';
import { useState } from 'react';
import type { KassaHttp } from '@kassa/api-client';
import { useApiMutation, type ApiResult } from '@kassa/web/data-access';
import { Button, Dialog, Input, useToasts } from '@kassa/web/ui';
import { saleKeys } from './sale-requests';
import styles from './sales.module.css';

type ReviewBody = { note?: string };

/** "Mark reviewed" with a note, for an offline sale or refund: `send` posts the review, `what` names it in words. */
export function ReviewDialog({ what, send, onClose }: { what: string; send(http: KassaHttp, body: ReviewBody): Promise<ApiResult<unknown>>; onClose(): void }) {
  const toasts = useToasts();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const review = useApiMutation(send, { invalidates: [saleKeys.all] });
  const submit = async () => {
    setProblem(undefined);
    try {
      await review.mutateAsync(note.trim() ? { note: note.trim() } : {});
      toasts.show({ message: `${what[0].toUpperCase()}${what.slice(1)} is reviewed.`, tone: 'success' });
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !review.isPending && onClose()}
      title={`Mark ${what} reviewed`}
      description="Say what was done about it, for whoever reads the history later."
      footer={
        <>
          <Button onClick={onClose} disabled={review.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={review.isPending}>
            Mark reviewed
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Input label="Note" value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} data-autofocus />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
