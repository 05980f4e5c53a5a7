'use client';
import { useState, type ReactNode } from 'react';
import { useApiQuery } from '@kassa/web/data-access';
import { ProblemState, Skeleton, Tabs } from '@kassa/web/ui';
import { saleKeys } from './sale-requests';
import styles from './sales.module.css';

type ReceiptFormat = 'text' | 'html';

/** The receipt as the API renders it: the printer's 42 columns, or the email (fetched when its tab is chosen). */
export function ReceiptPreview({ saleId, receiptNumber }: { saleId: string; receiptNumber: number }) {
  const [shown, setShown] = useState<ReceiptFormat>('text');
  const text = useReceipt(saleId, 'text', true);
  const html = useReceipt(saleId, 'html', shown === 'html');
  return (
    <Tabs
      label="Receipt format"
      value={shown}
      onChange={(id) => setShown(id === 'html' ? 'html' : 'text')}
      items={[
        {
          id: 'text',
          label: 'Printed',
          content: (
            <ReceiptBody receipt={text}>
              {(body) => (
                <pre className={styles.receipt} aria-label={`Receipt ${receiptNumber} as printed`} tabIndex={0}>
                  {body}
                </pre>
              )}
            </ReceiptBody>
          ),
        },
        {
          id: 'html',
          label: 'Email',
          content: (
            <ReceiptBody receipt={html}>
              {/* sandbox="": the API's HTML is shown, never run or allowed to navigate. */}
              {(body) => <iframe className={styles.emailReceipt} title={`Receipt ${receiptNumber} as emailed`} sandbox="" srcDoc={body} />}
            </ReceiptBody>
          ),
        },
      ]}
    />
  );
}

/** The receipt as the API renders it; the text one is shared by the preview and the print button. */
export function useReceipt(saleId: string, format: ReceiptFormat, enabled: boolean) {
  return useApiQuery(
    [...saleKeys.receipt(saleId), format],
    (http, signal) => http.GET('/api/v1/sales/{id}/receipt', { params: { path: { id: saleId }, query: { format } }, parseAs: 'text', signal }),
    { enabled },
  );
}

function ReceiptBody({ receipt, children }: { receipt: ReturnType<typeof useReceipt>; children: (body: string) => ReactNode }) {
  if (receipt.isError) {
    return <ProblemState kind={receipt.error.kind} headingLevel={3} onRetry={() => void receipt.refetch()} retrying={receipt.isFetching} />;
  }
  if (receipt.data === undefined) return <Skeleton lines={8} label="Loading the receipt" />;
  return children(receipt.data);
}
