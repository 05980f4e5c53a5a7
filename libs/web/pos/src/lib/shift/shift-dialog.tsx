'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { denominationsOf, ErrorCode, uuidv7 } from '@kassa/contracts';
import { isApiError, type ApiAccess } from '@kassa/web/data-access';
import { Button, Dialog, Input, MoneyInput, useShopFormat, useShopLocale } from '@kassa/web/ui';
import { printableReceipt } from '../sell/print-receipt';
import { countedEntries, countTotal, type DrawerCount } from './denomination-count';
import { DenominationCounter } from './denomination-counter';
import {
  closeShift,
  fetchShiftReport,
  fetchShiftReportAs,
  fetchShiftSettings,
  openShift,
  recordCashMovement,
  type CashMovementType,
  type Shift,
  type ShiftSettings,
} from './shift-api';
import styles from './shift.module.css';

type View = { name: 'home' } | { name: 'movement'; type: CashMovementType } | { name: 'x' } | { name: 'count' } | { name: 'z'; closed: Shift };

interface ShiftDialogProps {
  open: boolean;
  access: ApiAccess;
  registerId: string;
  /** The register's open shift, or null. */
  shift: Shift | null;
  /** The shift opened or closed (null), or someone else changed it: the till's state follows. */
  onShift(shift: Shift | null): void;
  onClose(): void;
}

const MOVEMENT_WORDS: Record<CashMovementType, { title: string; done: string }> = {
  pay_in: { title: 'Pay in', done: 'Pay-in recorded' },
  pay_out: { title: 'Pay out', done: 'Pay-out recorded' },
  drop: { title: 'Drop to the safe', done: 'Drop recorded' },
};

/** A sentence for a refusal of the shift routes. */
function shiftProblem(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  switch (error.problem?.code) {
    case ErrorCode.ShiftAlreadyOpen:
      return 'A shift is already open on this register.';
    case ErrorCode.ShiftClosed:
      return 'This shift was closed already.';
    case ErrorCode.DenominationsMismatch:
      return 'The notes and coins do not add up to the amount counted.';
    default:
      return error.kind === 'offline' ? 'Kassa cannot be reached. Try again when the connection is back.' : error.message;
  }
}

/** The drawer: open a shift with its float, pay in and out, see the X-report, count blind and close, print the Z-report. */
export function ShiftDialog({ open, access, registerId, shift, onShift, onClose }: ShiftDialogProps) {
  const [view, setView] = useState<View>({ name: 'home' });
  const [settings, setSettings] = useState<ShiftSettings>();
  const [notice, setNotice] = useState<string>();
  useEffect(() => {
    if (!open) return;
    setView({ name: 'home' });
    setNotice(undefined);
    fetchShiftSettings(access).then(setSettings, () => setSettings(undefined));
  }, [open, access]);

  const title =
    view.name === 'z'
      ? `Z-report ${view.closed.zNumber}`
      : view.name === 'x'
        ? 'X-report'
        : view.name === 'count'
          ? 'Close the shift: count the drawer'
          : view.name === 'movement'
            ? MOVEMENT_WORDS[view.type].title
            : shift
              ? 'Shift'
              : 'Open a shift';
  const back = view.name !== 'home' && view.name !== 'z' ? <Button onClick={() => setView({ name: 'home' })}>Back</Button> : undefined;

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title={title} className={styles.dialog} footer={back}>
      {notice && (
        <p role="status" className={styles.notice}>
          {notice}
        </p>
      )}
      {view.name === 'z' ? (
        <>
          <DrawerOutcome closed={view.closed} />
          <ShiftReportView access={access} shiftId={view.closed.id} label={`Z-report ${view.closed.zNumber}`} printable onDone={onClose} />
        </>
      ) : !shift ? (
        <OpenShiftForm
          access={access}
          registerId={registerId}
          onOpened={(opened) => {
            onShift(opened);
            setNotice('Shift open.');
          }}
          onAlreadyOpen={() => onShift(null)}
        />
      ) : view.name === 'home' ? (
        <ShiftHome
          shift={shift}
          onView={(next) => {
            setNotice(undefined);
            setView(next);
          }}
        />
      ) : view.name === 'movement' ? (
        <CashMovementForm
          access={access}
          shiftId={shift.id}
          type={view.type}
          onDone={(message) => {
            setNotice(message);
            setView({ name: 'home' });
          }}
        />
      ) : view.name === 'x' ? (
        <ShiftReportView access={access} shiftId={shift.id} label="X-report" />
      ) : (
        <CloseShiftForm
          access={access}
          shift={shift}
          blind={settings?.blindCount ?? true}
          onClosed={(closed) => {
            onShift(null);
            setNotice(undefined);
            setView({ name: 'z', closed });
          }}
        />
      )}
    </Dialog>
  );
}

/** After the count: what was expected, what was counted, and how far apart they are, before the report itself. */
function DrawerOutcome({ closed }: { closed: Shift }) {
  const format = useShopFormat();
  const overShort = closed.overShortMinor ?? 0;
  return (
    <p className={overShort === 0 ? styles.outcome : styles.outcomeOff} data-testid="drawer-outcome">
      Counted <strong>{format.money(closed.countedCashMinor ?? 0)}</strong> · expected <strong>{format.money(closed.expectedCashMinor ?? 0)}</strong> ·{' '}
      <strong>{overShort === 0 ? 'the drawer matches' : overShort < 0 ? `short by ${format.money(-overShort)}` : `over by ${format.money(overShort)}`}</strong>
    </p>
  );
}

function ShiftHome({ shift, onView }: { shift: Shift; onView(view: View): void }) {
  const format = useShopFormat();
  return (
    <div className={styles.stack}>
      <p>
        Open since <strong>{format.dateTime(shift.openedAt, { dateStyle: 'short', timeStyle: 'short' })}</strong> with a float of{' '}
        <strong>{format.money(shift.openingFloatMinor)}</strong>.
      </p>
      <div className={styles.actions}>
        <Button className={styles.bigButton} onClick={() => onView({ name: 'movement', type: 'pay_in' })}>
          Pay in
        </Button>
        <Button className={styles.bigButton} onClick={() => onView({ name: 'movement', type: 'pay_out' })}>
          Pay out
        </Button>
        <Button className={styles.bigButton} onClick={() => onView({ name: 'movement', type: 'drop' })}>
          Drop
        </Button>
        <Button className={styles.bigButton} onClick={() => onView({ name: 'x' })}>
          X-report
        </Button>
      </div>
      <Button variant="primary" className={styles.bigButton} onClick={() => onView({ name: 'count' })}>
        Close shift
      </Button>
    </div>
  );
}

/** The amount counted: notes and coins of the shop's currency, or one amount for a currency Kassa has no list of. */
function useDrawerCount() {
  const { currency } = useShopLocale();
  const byDenomination = denominationsOf(currency) !== undefined;
  const [counts, setCounts] = useState<DrawerCount>({});
  const [typed, setTyped] = useState<number | null>(null);
  return {
    byDenomination,
    totalMinor: byDenomination ? countTotal(counts) : (typed ?? 0),
    entries: byDenomination ? countedEntries(counts) : undefined,
    field: (label: string) =>
      byDenomination ? (
        <DenominationCounter label={label} counts={counts} onChange={setCounts} />
      ) : (
        <MoneyInput label={label} value={typed} onChange={setTyped} required />
      ),
  };
}

function OpenShiftForm({
  access,
  registerId,
  onOpened,
  onAlreadyOpen,
}: {
  access: ApiAccess;
  registerId: string;
  onOpened(shift: Shift): void;
  onAlreadyOpen(): void;
}) {
  const format = useShopFormat();
  const drawer = useDrawerCount();
  // One id per opening: a resend after a lost answer replays the same shift.
  const id = useRef(uuidv7());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onOpened(await openShift(access, registerId, id.current, drawer.totalMinor));
    } catch (failure) {
      setError(shiftProblem(failure));
      if (isApiError(failure) && failure.problem?.code === ErrorCode.ShiftAlreadyOpen) onAlreadyOpen();
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className={styles.stack} onSubmit={(event) => void submit(event)} aria-label="Open a shift">
      <p className={styles.muted}>Count the float you put in the drawer.</p>
      {drawer.field('Opening float')}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" className={styles.bigButton} loading={busy}>
        Open shift with {format.money(drawer.totalMinor)}
      </Button>
    </form>
  );
}

function CashMovementForm({ access, shiftId, type, onDone }: { access: ApiAccess; shiftId: string; type: CashMovementType; onDone(message: string): void }) {
  const format = useShopFormat();
  const id = useRef(uuidv7());
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!amount || amount <= 0) return setError('Enter an amount above zero.');
    setBusy(true);
    setError(undefined);
    try {
      await recordCashMovement(access, shiftId, id.current, type, amount, reason.trim());
      onDone(`${MOVEMENT_WORDS[type].done}: ${format.money(amount)}.`);
    } catch (failure) {
      setError(shiftProblem(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className={styles.stack} onSubmit={(event) => void submit(event)} aria-label={MOVEMENT_WORDS[type].title}>
      <MoneyInput label="Amount" value={amount} onChange={setAmount} required />
      <Input label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} required maxLength={200} />
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" className={styles.bigButton} loading={busy}>
        Record {MOVEMENT_WORDS[type].title.toLowerCase()}
      </Button>
    </form>
  );
}

function CloseShiftForm({ access, shift, blind, onClosed }: { access: ApiAccess; shift: Shift; blind: boolean; onClosed(shift: Shift): void }) {
  const format = useShopFormat();
  const drawer = useDrawerCount();
  const key = useRef(uuidv7());
  const [expected, setExpected] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    // Under blind count the cashier counts first: the expected cash shows only on the Z-report.
    if (blind) return;
    fetchShiftReport(access, shift.id).then(
      (report) => setExpected(report.cash.expectedMinor),
      () => setExpected(null),
    );
  }, [access, shift.id, blind]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onClosed(await closeShift(access, shift.id, key.current, drawer.totalMinor, drawer.entries));
    } catch (failure) {
      setError(shiftProblem(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className={styles.stack} onSubmit={(event) => void submit(event)} aria-label="Count the drawer and close the shift">
      <p className={styles.muted}>
        {blind ? 'Count every note and coin in the drawer. The expected amount shows on the Z-report.' : 'Count every note and coin in the drawer.'}
      </p>
      {!blind && expected !== null && (
        <p>
          Expected in the drawer: <strong>{format.money(expected)}</strong>
        </p>
      )}
      {drawer.field('Cash in the drawer')}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" className={styles.bigButton} loading={busy}>
        Close shift with {format.money(drawer.totalMinor)} counted
      </Button>
    </form>
  );
}

/** The API's 42-column report on screen; the Z-report also prints from its HTML, in its own frame like a receipt. */
function ShiftReportView({
  access,
  shiftId,
  label,
  printable,
  onDone,
}: {
  access: ApiAccess;
  shiftId: string;
  label: string;
  printable?: boolean;
  onDone?(): void;
}) {
  const [text, setText] = useState<string>();
  const [html, setHtml] = useState<string>();
  const [failed, setFailed] = useState(false);
  const printFrame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    fetchShiftReportAs(access, shiftId, 'text').then(setText, () => setFailed(true));
    if (printable)
      fetchShiftReportAs(access, shiftId, 'html').then(
        (body) => setHtml(printableReceipt(body)),
        () => setHtml(undefined),
      );
  }, [access, shiftId, printable]);
  return (
    <div className={styles.stack}>
      {text ? (
        <pre className={styles.report} aria-label={label} tabIndex={0}>
          {text}
        </pre>
      ) : (
        <p role={failed ? 'alert' : 'status'}>{failed ? 'The report could not be loaded.' : 'Loading the report…'}</p>
      )}
      {printable && (
        <div className={styles.actions}>
          <Button className={styles.bigButton} disabled={!html} onClick={() => printFrame.current?.contentWindow?.print()}>
            Print
          </Button>
          <Button variant="primary" className={styles.bigButton} onClick={onDone}>
            Done
          </Button>
        </div>
      )}
      {html && <iframe ref={printFrame} className={styles.printFrame} title={`${label} for printing`} sandbox="allow-same-origin allow-modals" srcDoc={html} />}
    </div>
  );
}
