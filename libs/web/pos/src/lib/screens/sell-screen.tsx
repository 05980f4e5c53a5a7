'use client';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { uuidv7, type Discount } from '@kassa/contracts';
import { useShortcut } from '@kassa/web/shortcuts';
import { Button, ConfirmDialog, useShopFormat } from '@kassa/web/ui';
import {
  addProduct,
  approveDiscounts,
  attachCustomer,
  discountsWithin,
  effectiveAllowance,
  emptyCart,
  overridePrice,
  parkable,
  priceCart,
  removeLine,
  setLineDiscount,
  setQuantity,
  setSaleDiscount,
  unitCount,
  type Cart,
  type CartCustomer,
  type DiscountApproval,
} from '../sell/cart';
import type { ReceiptChoice } from '../sell/print-receipt';
import { QueuedReceipt, type QueuedSale } from '../offline/queued-receipt';
import { SyncStatus } from '../offline/sync-status';
import { offlineSaleStop, offlineTenderAllowed } from '../offline/offline-limits';
import { STORES } from '../store/till-db';
import { saleDraft } from '../offline/sale-draft';
import { REACHED_KASSA_AT, useTillSync } from '../offline/till-sync';
import { useUpdateWhenIdle } from '../offline/update-when-idle';
import type { Sale } from '../sell/sale-request';
import { tenderState, type Tender } from '../sell/tenders';
import { useCatalogRefresh } from '../sell/use-catalog-refresh';
import { useIdleLock } from '../sell/use-idle-lock';
import { useLiveCatalog } from '../sell/use-live-catalog';
import type { CatalogSnapshot, SnapshotCategory, SnapshotProduct } from '../store/catalog-snapshot';
import { parkedSales, parkSale, resumeParkedSale, type ParkedSale } from '../store/parked-sales';
import { allowanceOf, type CashierSession } from '../till-api';
import { monitorTill } from '../till-monitoring';
import { useTill } from '../till-context';
import { ApprovalDialog } from './approval-dialog';
import { CameraScanner } from './camera-scanner';
import { CartPanel, CartTotals } from './cart-panel';
import { CustomerDialog, type NewCustomer } from './customer-dialog';
import { DiscountDialog } from './discount-dialog';
import { LineDialog } from './line-dialog';
import { ParkedDialog } from './parked-dialog';
import { PayDialog } from './pay-dialog';
import { FavouritesDialog } from './favourites-dialog';
import { FAVOURITES, ProductGrid, UNCATEGORISED } from './product-grid';
import { ReceiptPanel } from './receipt-panel';
import { ShiftButton } from '../shift/shift-button';
import { rememberSale } from '../refund/recent-sales';
import { RefundButton } from '../refund/refund-button';
import { ShortcutHelp } from './shortcut-help';
import styles from '../till.module.css';

type OpenDialog =
  | { name: 'none' }
  | { name: 'pay' }
  | { name: 'discount'; lineKey?: string }
  | { name: 'approval'; then: Cart }
  | { name: 'line'; lineKey: string }
  | { name: 'customer' }
  | { name: 'parked'; sales: ParkedSale[] }
  | { name: 'help' }
  | { name: 'camera' }
  | { name: 'favourites' }
  | { name: 'clear' };

const SEARCH_PAUSE_MS = 250;
/** How long a completed sale waits for the API's answer before the till shows it as queued. */
const RECEIPT_WAIT_MS = 4_000;

/** The selling screen: scan or tap, adjust the cart, take payment, hand over the receipt. */
export function SellScreen({ session, onLock }: { session: CashierSession; onLock(): void }) {
  const { db, snapshot, device } = useTill();
  const format = useShopFormat();
  const { me } = session;
  const pricesIncludeTax = me.tenant.pricesIncludeTax;
  const access = useMemo(() => session.access, [session]);
  const ownAllowance = allowanceOf(me);
  const canOverridePrice = me.permissions.includes('sales:override_price');
  // Registers are store setup: who may set up stores chooses what their tills show first.
  const canEditFavourites = me.permissions.includes('stores:manage');

  // Error and Web Vitals reporting comes with this screen (after /pos's first paint) and sends with this cashier's token.
  useEffect(() => monitorTill(session), [session]);

  const [cart, setCart] = useState<Cart>(emptyCart);
  const [dialog, setDialog] = useState<OpenDialog>({ name: 'none' });
  const sync = useTillSync();
  const [completed, setCompleted] = useState<{ sent: Sale } | { queued: QueuedSale }>();
  const [sending, setSending] = useState(false);
  const [receiptChoice, setReceiptChoice] = useState<ReceiptChoice>('none');
  const [scanText, setScanText] = useState('');
  const [notice, setNotice] = useState<{ text: string; error: boolean }>();
  const [catalogVersion, setCatalogVersion] = useState(0);
  const [categories, setCategories] = useState<SnapshotCategory[]>([]);
  const [hasFavourites, setHasFavourites] = useState(false);
  const [category, setCategory] = useState<string>();
  const [parkedCount, setParkedCount] = useState(0);
  const scanBox = useRef<HTMLInputElement>(null);

  const priced = useMemo(() => priceCart(cart, pricesIncludeTax), [cart, pricesIncludeTax]);
  const allowance = effectiveAllowance(cart, ownAllowance);
  const canDiscount = allowance === null || allowance > 0;
  const searching = scanText.trim().length >= 2 ? scanText.trim() : undefined;

  const focusScan = useCallback(() => requestAnimationFrame(() => scanBox.current?.focus()), []);
  const close = useCallback(() => {
    setDialog({ name: 'none' });
    focusScan();
  }, [focusScan]);

  const place = useMemo(() => ({ storeId: device.storeId, registerId: device.registerId }), [device.storeId, device.registerId]);
  const catalog = useCatalogRefresh(snapshot, access, place, () => setCatalogVersion((version) => version + 1));
  useLiveCatalog(session, snapshot, device.storeId, catalog.refresh, () => setCatalogVersion((version) => version + 1));
  const countParked = useCallback(async () => setParkedCount((await parkedSales(db)).length), [db]);

  useEffect(() => {
    void countParked();
  }, [countParked]);

  useEffect(() => {
    void Promise.all([snapshot.categories(), snapshot.favourites()]).then(([found, favourites]) => {
      setCategories(found);
      setHasFavourites(favourites.length > 0);
      setCategory((current) => current ?? (favourites.length > 0 ? FAVOURITES : (found[0]?.id ?? UNCATEGORISED)));
    });
  }, [snapshot, catalogVersion]);

  // The category's tiles and the search's matches are kept apart: a scan (typed, then cleared) never reloads the grid.
  const categoryShelf = useShelf(
    snapshot,
    category === undefined
      ? undefined
      : category === FAVOURITES
        ? () => snapshot.favourites()
        : () => snapshot.inCategory(category === UNCATEGORISED ? null : category),
    [category, catalogVersion],
  );
  // A scanner types a whole code and Enter within milliseconds: searching waits for typing to pause, and a
  // search over a large catalog stops as soon as the text changes.
  const searchShelf = useShelf(
    snapshot,
    searching === undefined ? undefined : (signal) => snapshot.search(searching, 24, signal),
    [searching, catalogVersion],
    SEARCH_PAUSE_MS,
  );
  // Until the search has answered for what is typed now, the grid keeps the category (a scan never flashes "no match").
  const showingSearch = searching !== undefined && searchShelf.loadedFor === searching;
  const shelf = showingSearch ? searchShelf : categoryShelf;

  /** Adds a product; a pick from the search results also clears the search that found it. */
  const ringUp = useCallback(
    (product: SnapshotProduct, clearSearch: boolean) => {
      setCart((current) => addProduct(current, product));
      setNotice({ text: `Added ${product.name}`, error: false });
      if (clearSearch) setScanText('');
      focusScan();
    },
    [focusScan],
  );

  const pick = useCallback((product: SnapshotProduct) => ringUp(product, true), [ringUp]);
  const chooseCategory = useCallback(
    (next: string) => {
      setScanText('');
      setCategory(next);
      focusScan();
    },
    [focusScan],
  );

  /** `onlyMatch`: what a typed name stands for when it is no code, the search's single result as shown when Enter was pressed. */
  async function scanCode(code: string, onlyMatch?: SnapshotProduct) {
    if (!code) return;
    const product = (await snapshot.lookup(code)) ?? onlyMatch;
    if (product) return ringUp(product, false);
    setNotice({ text: `No product has the code or name “${code}”.`, error: true });
    // Give the unknown code back to be corrected, unless the next scan is already being typed.
    flushSync(() => setScanText((current) => current || code));
    if (scanBox.current?.value === code) scanBox.current.select();
  }

  // A scanner sends its next code while this one is still being looked up: the box is emptied at once, so each
  // Enter submits exactly the code typed before it, however quickly the same barcode comes again.
  const scan = (event: FormEvent) => {
    event.preventDefault();
    const code = scanText.trim();
    const onlyMatch = searching === code && showingSearch && searchShelf.products.length === 1 ? searchShelf.products[0] : undefined;
    setScanText('');
    void scanCode(code, onlyMatch);
  };

  const park = useCallback(async () => {
    if (cart.lines.length === 0) return;
    await parkSale(db, { id: cart.id, parkedAt: new Date().toISOString(), parkedBy: me.user.name, cart: parkable(cart) });
    setCart(emptyCart());
    setNotice({ text: 'Sale parked. Resume it from Parked.', error: false });
    await countParked();
    focusScan();
  }, [cart, db, me.user.name, countParked, focusScan]);

  async function resume(id: string) {
    if (cart.lines.length > 0) await parkSale(db, { id: cart.id, parkedAt: new Date().toISOString(), parkedBy: me.user.name, cart: parkable(cart) });
    const sale = await resumeParkedSale(db, id);
    if (sale) setCart(sale.cart);
    await countParked();
    close();
  }

  const lock = useCallback(async () => {
    // Nothing rung up is lost when the till locks: the sale waits in Parked for whoever signs in next.
    if (cart.lines.length > 0 && !sending) await park();
    onLock();
  }, [cart.lines.length, sending, park, onLock]);
  useIdleLock(() => {
    if (!sending) void lock();
  }, me.tenant.tillIdleLockSeconds * 1000);
  // Signed in without the network: once it is back, someone signs in with it so the queue can be sent.
  useEffect(() => {
    if (session.isOffline && sync.online && !sending) void lock();
  }, [session, sync.online, sending, lock]);

  /**
   * The sale is done once it is in the device's queue (with its receipt number, in one transaction); then
   * it is sent at once when Kassa can be reached, and the API's receipt shows if it answered.
   */
  async function complete(tenders: Tender[]) {
    setSending(true);
    const state = tenderState(priced.totalMinor, tenders);
    // A customer created here may have been merged into the shop's own meanwhile.
    const sold = cart.customer ? attachCustomer(cart, { ...cart.customer, id: sync.customerId(cart.customer.id) }) : cart;
    const entry = await sync.outbox.enqueueNumbered((receiptNumber) =>
      saleDraft({
        sale: { cart: sold, receiptNumber, tenders },
        device,
        cashierId: me.user.id,
        totalMinor: priced.totalMinor,
        occurredAt: new Date(),
        offline: !navigator.onLine,
      }),
    );
    await rememberSale(db, { cart: sold, priced, receiptNumber: entry.receiptNumber as number, occurredAt: entry.occurredAt });
    const queued: QueuedSale = {
      saleId: entry.id,
      receiptNumber: entry.receiptNumber as number,
      totalMinor: priced.totalMinor,
      changeMinor: state.changeMinor,
      tenders,
    };
    // The API's receipt when it answers quickly; otherwise the queued sale's own summary (the queue goes on sending).
    const round = await Promise.race([sync.syncNow(), new Promise<undefined>((resolve) => setTimeout(resolve, RECEIPT_WAIT_MS))]);
    const answer = round?.answers.get(entry.id) as Sale | undefined;
    setDialog({ name: 'none' });
    setCart(emptyCart());
    setCompleted(answer ? { sent: answer } : { queued });
    setSending(false);
    if (answer) void catalog.refresh();
  }

  /**
   * A new customer goes through the queue like a sale (offline too), with `merge`: when the shop already has
   * that email or phone, the API answers its customer, and the sales naming this one follow it.
   */
  async function queueCustomer(customer: NewCustomer): Promise<CartCustomer> {
    const id = uuidv7();
    await sync.outbox.enqueue({
      id,
      kind: 'customer',
      path: '/api/v1/customers',
      body: { id, ...customer, merge: true },
      registerId: device.registerId,
      occurredAt: new Date().toISOString(),
      offline: !navigator.onLine,
      cashierId: me.user.id,
    });
    await Promise.race([sync.syncNow(), new Promise((resolve) => setTimeout(resolve, RECEIPT_WAIT_MS))]);
    return { id: sync.customerId(id), name: customer.name };
  }

  function applyDiscount(discount: Discount | undefined, lineKey: string | undefined) {
    const next = lineKey ? setLineDiscount(cart, lineKey, discount) : setSaleDiscount(cart, discount);
    if (discountsWithin(next, pricesIncludeTax, effectiveAllowance(next, ownAllowance))) {
      setCart(next);
      return close();
    }
    setDialog({ name: 'approval', then: next });
  }

  function approved(approval: DiscountApproval, then: Cart) {
    setCart(approveDiscounts(then, approval));
    setNotice({ text: `Discount approved by ${approval.name}.`, error: false });
    close();
  }

  const openPay = async () => {
    if (cart.lines.length === 0 || completed) return;
    if (!sync.online) {
      const reachedAt = (await db.get<number>(STORES.meta, REACHED_KASSA_AT)) ?? null;
      const stop = offlineSaleStop(me.tenant, priced.totalMinor, reachedAt, Date.now(), format.money);
      if (stop) return setNotice({ text: stop, error: true });
    }
    setDialog({ name: 'pay' });
  };
  const newSale = () => {
    setCompleted(undefined);
    setReceiptChoice('none');
    setNotice(undefined);
    focusScan();
  };

  useShortcut({ id: 'till.scan', combo: { key: 'F2' }, description: 'Search or scan', group: 'Till', allowInInputs: true, run: focusScan });
  useShortcut({ id: 'till.pay', combo: { key: 'F4' }, description: 'Take payment', group: 'Till', allowInInputs: true, run: () => void openPay() });
  useShortcut({ id: 'till.park', combo: { key: 'F8' }, description: 'Park the sale', group: 'Till', allowInInputs: true, run: () => void park() });
  // Escape is not a registered shortcut: the registry would stop it from closing the open dialog.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      setScanText('');
      setNotice(undefined);
      focusScan();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusScan]);
  useShortcut({
    id: 'till.help',
    combo: { key: '?' },
    description: 'Show keyboard shortcuts',
    group: 'Till',
    allowInInputs: true,
    run: () => setDialog({ name: 'help' }),
  });

  const openFavourites = useCallback(() => setDialog({ name: 'favourites' }), []);
  useUpdateWhenIdle({ cartLines: cart.lines.length, busy: sending || completed !== undefined || dialog.name !== 'none', waiting: sync.waiting });

  const lineInDialog = dialog.name === 'line' ? cart.lines.find((line) => line.key === dialog.lineKey) : undefined;
  const discountLine = dialog.name === 'discount' && dialog.lineKey ? cart.lines.find((line) => line.key === dialog.lineKey) : undefined;

  return (
    <div className={styles.till}>
      <header className={styles.bar}>
        <div className={styles.barPlace}>
          <strong>{device.storeName}</strong>
          <span className={styles.muted}>{device.registerName}</span>
        </div>
        <div className={styles.barActions}>
          {me.permissions.includes('shifts:operate') && <ShiftButton access={access} registerId={device.registerId} />}
          <SyncStatus className={styles.barButton} />
          {(me.permissions.includes('sales:refund') || me.permissions.includes('sales:create')) && (
            <RefundButton
              access={access}
              cashierId={me.user.id}
              mayRefund={me.permissions.includes('sales:refund')}
              limits={me.tenant}
              onDone={(text) => setNotice({ text, error: false })}
            />
          )}
          <button type="button" className={styles.barButton} onClick={() => void catalog.refresh().then(focusScan)} aria-busy={catalog.refreshing || undefined}>
            {catalog.failed ? 'Catalog: offline copy' : catalog.syncedAt ? `Catalog ${format.dateTime(catalog.syncedAt, { timeStyle: 'short' })}` : 'Catalog'}
            <span className={styles.visuallyHidden}> — refresh catalog</span>
          </button>
          <button type="button" className={styles.barButton} onClick={() => void parkedSales(db).then((sales) => setDialog({ name: 'parked', sales }))}>
            Parked ({parkedCount})
          </button>
          <button type="button" className={styles.barButton} aria-label="Keyboard shortcuts" onClick={() => setDialog({ name: 'help' })}>
            ?
          </button>
          <button type="button" className={styles.cashierButton} onClick={() => void lock()}>
            <span>{me.user.name}</span>
            <span className={styles.muted}>Switch cashier</span>
          </button>
        </div>
      </header>

      {completed ? (
        <main className={styles.receiptMain}>
          {'sent' in completed ? (
            <ReceiptPanel sale={completed.sent} access={access} choice={receiptChoice} onNewSale={newSale} />
          ) : (
            <QueuedReceipt sale={completed.queued} onNewSale={newSale} />
          )}
        </main>
      ) : (
        <main className={styles.sell}>
          <div className={styles.catalogColumn}>
            <form className={styles.scanForm} onSubmit={scan} role="search">
              <label htmlFor="till-scan" className={styles.visuallyHidden}>
                Scan or search
              </label>
              <input
                id="till-scan"
                ref={scanBox}
                className={styles.scanBox}
                type="search"
                enterKeyHint="enter"
                autoComplete="off"
                autoFocus
                placeholder="Scan a barcode or type a name (F2)"
                value={scanText}
                onChange={(event) => setScanText(event.target.value)}
              />
              <Button type="submit" className={styles.scanButton}>
                Add
              </Button>
              <Button className={styles.scanButton} onClick={() => setDialog({ name: 'camera' })}>
                Camera
              </Button>
            </form>
            <p className={notice?.error ? styles.scanError : styles.scanNotice} role={notice?.error ? 'alert' : 'status'}>
              {notice?.text ?? ''}
            </p>
            <ProductGrid
              categories={categories}
              category={category ?? UNCATEGORISED}
              favourites={hasFavourites || canEditFavourites}
              onEditFavourites={canEditFavourites ? openFavourites : undefined}
              onCategory={chooseCategory}
              products={shelf.products}
              searching={showingSearch ? searching : undefined}
              stock={shelf.stock}
              onPick={pick}
            />
          </div>

          <aside className={styles.cartColumn} aria-labelledby="sale-heading">
            <div className={styles.cartHeader}>
              <h1 id="sale-heading" className={styles.cartTitle}>
                Sale {cart.lines.length > 0 && <span className={styles.muted}>· {unitCount(cart)} items</span>}
              </h1>
              <button type="button" className={styles.chip} onClick={() => setDialog({ name: 'customer' })}>
                {cart.customer ? `Customer: ${cart.customer.name}` : 'Add customer'}
              </button>
              {cart.customer && (
                <button
                  type="button"
                  className={styles.chip}
                  aria-label="Remove the customer"
                  onClick={() => {
                    setCart(attachCustomer(cart, undefined));
                    focusScan();
                  }}
                >
                  ✕
                </button>
              )}
            </div>
            <CartPanel
              cart={cart}
              priced={priced}
              onQuantity={(line, quantity) => {
                setCart(setQuantity(cart, line.key, quantity));
                focusScan();
              }}
              onRemove={(line) => {
                setCart(removeLine(cart, line.key));
                focusScan();
              }}
              onLineOptions={canDiscount || canOverridePrice ? (line) => setDialog({ name: 'line', lineKey: line.key }) : undefined}
            />
            <div className={styles.cartTools}>
              {canDiscount ? (
                <Button onClick={() => setDialog({ name: 'discount' })} disabled={cart.lines.length === 0}>
                  {cart.discount ? 'Change sale discount' : 'Sale discount'}
                </Button>
              ) : (
                <Button onClick={() => setDialog({ name: 'approval', then: cart })} disabled={cart.lines.length === 0}>
                  Manager approval for a discount
                </Button>
              )}
              {cart.approval && <span className={styles.muted}>Approved by {cart.approval.name}</span>}
            </div>
            <CartTotals priced={priced} pricesIncludeTax={pricesIncludeTax} />
            <div className={styles.payRow}>
              <Button className={styles.parkButton} onClick={() => void park()} disabled={cart.lines.length === 0}>
                Park
              </Button>
              <Button className={styles.clearButton} onClick={() => setDialog({ name: 'clear' })} disabled={cart.lines.length === 0}>
                Clear
              </Button>
              <Button variant="primary" className={styles.payButton} onClick={() => void openPay()} disabled={cart.lines.length === 0}>
                Pay {format.money(priced.totalMinor)}
              </Button>
            </div>
          </aside>
        </main>
      )}

      <PayDialog
        open={dialog.name === 'pay'}
        totalMinor={priced.totalMinor}
        busy={sending}
        allows={(type) => sync.online || offlineTenderAllowed(me.tenant, type)}
        onComplete={(tenders) => void complete(tenders)}
        receipt={receiptChoice}
        onReceipt={setReceiptChoice}
        onClose={close}
      />
      {dialog.name === 'discount' && (
        <DiscountDialog
          open
          target={discountLine ? discountLine.name : 'the whole sale'}
          current={discountLine ? discountLine.discount : cart.discount}
          allowanceBps={allowance}
          onApply={(discount) => applyDiscount(discount, discountLine?.key)}
          onClose={close}
        />
      )}
      <ApprovalDialog
        open={dialog.name === 'approval'}
        cashierId={me.user.id}
        covers={(bps) =>
          dialog.name === 'approval' && dialog.then.lines.length > 0 ? (bps === null || bps > 0) && discountsWithin(dialog.then, pricesIncludeTax, bps) : false
        }
        onApproved={(approval) => dialog.name === 'approval' && approved(approval, dialog.then)}
        onClose={close}
      />
      {lineInDialog && (
        <LineDialog
          key={lineInDialog.key}
          line={lineInDialog}
          canOverridePrice={canOverridePrice}
          canDiscount={canDiscount}
          onPrice={(line, price) => {
            setCart(overridePrice(cart, line.key, price));
            close();
          }}
          onDiscount={(line) => setDialog({ name: 'discount', lineKey: line.key })}
          onRemove={(line) => {
            setCart(removeLine(cart, line.key));
            close();
          }}
          onClose={close}
        />
      )}
      <CustomerDialog
        open={dialog.name === 'customer'}
        access={access}
        onCreate={queueCustomer}
        onAttach={(customer) => {
          setCart(attachCustomer(cart, customer));
          close();
        }}
        onClose={close}
      />
      <ParkedDialog sales={dialog.name === 'parked' ? dialog.sales : undefined} onResume={(id) => void resume(id)} onClose={close} />
      <ConfirmDialog
        open={dialog.name === 'clear'}
        onOpenChange={(open) => !open && close()}
        title="Clear this sale?"
        description="Every line comes off; nothing is recorded."
        confirmLabel="Clear sale"
        tone="danger"
        onConfirm={() => {
          setCart(emptyCart());
          close();
        }}
      />
      <ShortcutHelp open={dialog.name === 'help'} onClose={close} />
      {canEditFavourites && (
        <FavouritesDialog
          open={dialog.name === 'favourites'}
          snapshot={snapshot}
          access={access}
          registerId={device.registerId}
          registerName={device.registerName}
          onSaved={() => {
            setCatalogVersion((version) => version + 1);
            setNotice({ text: 'Favourites saved for this till.', error: false });
            close();
          }}
          onClose={close}
        />
      )}
      <CameraScanner
        open={dialog.name === 'camera'}
        onCode={(code) => {
          close();
          void scanCode(code);
        }}
        onClose={close}
      />
    </div>
  );
}

interface Shelf {
  products: SnapshotProduct[];
  stock: ReadonlyMap<string, number>;
  /** The first of the `deps` it was loaded for. */
  loadedFor: unknown;
}

const EMPTY_SHELF: Shelf = { products: [], stock: new Map(), loadedFor: undefined };

/** Products for the grid with their stock hints, loaded from the snapshot when `deps` change (after `delayMs`). */
function useShelf(snapshot: CatalogSnapshot, load: ((signal: AbortSignal) => Promise<SnapshotProduct[]>) | undefined, deps: unknown[], delayMs = 0): Shelf {
  const [shelf, setShelf] = useState<Shelf>(EMPTY_SHELF);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    const run = loader.current;
    if (!run) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      const products = await run(controller.signal);
      const hints = await Promise.all(products.map(async (product) => [product.id, await snapshot.stockOf(product.id)] as const));
      if (controller.signal.aborted) return;
      setShelf({ loadedFor: deps[0], products, stock: new Map(hints.filter((hint): hint is readonly [string, number] => hint[1] !== undefined)) });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `deps` name what the loader reads (the loader itself is a fresh closure on every render).
  }, [snapshot, delayMs, ...deps]);
  return shelf;
}
