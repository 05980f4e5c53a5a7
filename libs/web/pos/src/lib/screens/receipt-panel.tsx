'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { callApi, emailReceipt, type ApiAccess } from '@kassa/web/data-access';
import { Button, Input, useShopFormat } from '@kassa/web/ui';
import { printableReceipt, type ReceiptChoice } from '../sell/print-receipt';
import type { Sale } from '../sell/sale-request';
import styles from '../till.module.css';

interface ReceiptPanelProps {
  sale: Sale;
  access: ApiAccess;
  /** Chosen on the pay dialog: printed as soon as the receipt is here, or the email form open. */
  choice: ReceiptChoice;
  onNewSale(): void;
}

/** After payment: change due first, the receipt, and print / email / nothing; "New sale" is the default. */
export function ReceiptPanel({ sale, access, choice, onNewSale }: ReceiptPanelProps) {
  const format = useShopFormat();
  const [text, setText] = useState<string>();
  const [html, setHtml] = useState<string>();
  const [emailing, setEmailing] = useState(choice === 'email');
  const newSale = useRef<HTMLButtonElement>(null);
  const printFrame = useRef<HTMLIFrameElement>(null);
  const printOnLoad = useRef(choice === 'print');

  // After the payment dialog has closed and handed focus back: "New sale" is the default next step
  // (the email form takes focus when the customer asked for the receipt by email).
  useEffect(() => {
    if (choice === 'email') return;
    const frame = requestAnimationFrame(() => newSale.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [choice]);
  useEffect(() => {
    const receipt = (format: 'text' | 'html') =>
      callApi(access, (http, signal) =>
        http.GET('/api/v1/sales/{id}/receipt', { params: { path: { id: sale.id }, query: { format } }, parseAs: 'text', signal }),
      );
    receipt('text').then(setText, () => setText(undefined));
    receipt('html').then(
      (body) => setHtml(printableReceipt(String(body))),
      () => setHtml(undefined),
    );
  }, [access, sale.id]);

  return (
    <section className={styles.receiptPanel} aria-labelledby="receipt-title">
      <div className={styles.receiptSummary}>
        <h2 id="receipt-title" className={styles.receiptTitle}>
          Sale complete · Receipt #{sale.receiptNumber}
        </h2>
        {sale.changeDueMinor > 0 && (
          <p className={styles.changeDue}>
            Change due <strong data-testid="change-due">{format.money(sale.changeDueMinor)}</strong>
          </p>
        )}
        <p className={styles.muted}>
          Total {format.money(sale.totalMinor)} · {sale.tenders.map((tender) => `${tender.type} ${format.money(tender.amountMinor)}`).join(' + ')} · Receipt:{' '}
          {choice === 'none' ? 'none' : choice === 'print' ? 'printed' : 'by email'}
        </p>
        <div className={styles.receiptActions}>
          <Button ref={newSale} variant="primary" className={styles.bigButton} onClick={onNewSale}>
            New sale
          </Button>
          <Button className={styles.bigButton} disabled={!html} onClick={() => printFrame.current?.contentWindow?.print()}>
            Print
          </Button>
          <Button className={styles.bigButton} aria-expanded={emailing} onClick={() => setEmailing((open) => !open)}>
            Email
          </Button>
        </div>
        {emailing && <EmailReceiptForm access={access} saleId={sale.id} />}
      </div>
      {text ? (
        <pre className={styles.receiptText} aria-label={`Receipt ${sale.receiptNumber}`} tabIndex={0}>
          {text}
        </pre>
      ) : (
        <p role="status">Loading the receipt…</p>
      )}
      {/* Printed from its own frame: the 80 mm stylesheet applies to the receipt alone, not to the till. */}
      {html && (
        <iframe
          ref={printFrame}
          className={styles.printFrame}
          title={`Receipt ${sale.receiptNumber} for printing`}
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          onLoad={() => {
            if (!printOnLoad.current) return;
            printOnLoad.current = false;
            printFrame.current?.contentWindow?.print();
          }}
        />
      )}
    </section>
  );
}

function EmailReceiptForm({ access, saleId }: { access: ApiAccess; saleId: string }) {
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string>();
  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const to = String(new FormData(event.currentTarget).get('to')).trim();
    setState('sending');
    setError(undefined);
    try {
      await emailReceipt(access, saleId, to);
      setState('sent');
    } catch (failure) {
      setState('idle');
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }
  return (
    <form className={styles.inline} onSubmit={(event) => void send(event)} aria-label="Email the receipt">
      <Input label="Email address" name="to" type="email" required autoFocus error={error} />
      <Button type="submit" loading={state === 'sending'}>
        Send receipt
      </Button>
      {state === 'sent' && <p role="status">Receipt on its way.</p>}
    </form>
  );
}
