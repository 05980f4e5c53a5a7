import { EventEnvelope, EventType } from './events';
import { STOCK_REASONS } from './inventory';
import { array, boolean, date, dateTime, extend, integer, minor, nullable, object, oneOf, Schema, Static, string, union, uuid } from './json-schema';
import { MAIL_PURPOSES } from './mail';
import { PURCHASE_ORDER_STATUSES } from './purchasing';
import { REFUND_FLAGS, SALE_FLAGS, TENDER_TYPES } from './sales';

/*
 * The `data` of every event type (DESIGN.md §3): the one source of the outbox's producers (typed by it), the webhook
 * deliveries, the realtime pushes, the events API and the OpenAPI document, where each titled schema is a named one.
 */

const currency = () => string({ pattern: '^[A-Z]{3}$', description: "The shop's ISO 4217 currency.", example: 'EUR' });
const actorType = () => oneOf(['user', 'api_key'] as const);
const taxRateBps = () => integer({ minimum: 0, maximum: 10_000, description: 'Tax rate in basis points (1900 = 19 %).' });

export const ProductData = object(
  {
    id: uuid(),
    sku: string(),
    name: string(),
    description: nullable(string()),
    categoryId: nullable(uuid()),
    unit: string({ example: 'piece' }),
    priceMinor: minor({ description: "Price in minor units of the shop's currency." }),
    costMinor: nullable(minor()),
    taxRateBps: taxRateBps(),
    barcodes: array(string()),
    active: boolean(),
    trackStock: boolean(),
    reorderPoint: nullable(integer()),
    reorderQuantity: nullable(integer()),
    imageUrl: nullable(string()),
    version: integer({ minimum: 1 }),
    createdAt: dateTime(),
    updatedAt: dateTime(),
  },
  { title: 'ProductData', description: 'The product as `GET /products/{id}` answers it, after the change.' },
);

const discount = () =>
  nullable(
    union([object({ percentBps: integer({ minimum: 0, maximum: 10_000 }) }), object({ amountMinor: minor({ minimum: 0 }) })], {
      description: 'A percentage in basis points (1000 = 10 %) or an amount off.',
    }),
  );

export const SaleData = object(
  {
    id: uuid(),
    storeId: uuid(),
    registerId: uuid(),
    receiptNumber: integer({ minimum: 1 }),
    customerId: nullable(uuid()),
    customerName: nullable(string()),
    status: oneOf(['completed', 'voided'] as const),
    offline: boolean(),
    flags: array(oneOf(SALE_FLAGS)),
    currency: currency(),
    pricesIncludeTax: boolean(),
    discount: discount(),
    subtotalMinor: minor(),
    discountMinor: minor(),
    discountApprovedBy: nullable(uuid()),
    taxMinor: minor(),
    totalMinor: minor(),
    tenderedMinor: minor(),
    changeDueMinor: minor(),
    note: nullable(string()),
    actorType: actorType(),
    actorId: uuid({ description: 'The cashier (user) or API key that recorded it.' }),
    occurredAt: dateTime(),
    createdAt: dateTime(),
    lines: array(
      object({
        id: uuid(),
        productId: uuid(),
        sku: string(),
        name: string(),
        quantity: integer(),
        unitPriceMinor: minor(),
        listPriceMinor: minor({ description: 'The catalog price when the sale was recorded.' }),
        taxRateBps: taxRateBps(),
        discount: discount(),
        grossMinor: minor(),
        lineDiscountMinor: minor(),
        saleDiscountMinor: minor(),
        taxMinor: minor(),
        totalMinor: minor(),
        flags: array(oneOf(SALE_FLAGS)),
        refundedQuantity: integer({ minimum: 0 }),
      }),
    ),
    tenders: array(object({ id: uuid(), type: oneOf(TENDER_TYPES), amountMinor: minor(), offline: boolean() })),
    negativeStockLines: array(object({ lineId: uuid(), productId: uuid(), onHand: integer() }), { description: 'Lines that left the store below zero.' }),
    reviewedAt: nullable(dateTime()),
    voidedAt: nullable(dateTime()),
    voidReason: nullable(string()),
    shiftId: nullable(uuid()),
    voidRegisterId: nullable(uuid()),
    voidShiftId: nullable(uuid()),
  },
  { title: 'SaleData', description: 'The sale as `GET /sales/{id}` answers it.' },
);

/** Where a sale was rung up, repeated in the events about it so a receiver needs no lookup. */
const saleWhere = {
  saleId: uuid(),
  storeId: uuid(),
  registerId: uuid(),
  receiptNumber: integer({ minimum: 1 }),
  currency: currency(),
};

const PaymentReceivedData = object(
  { ...saleWhere, tenderId: uuid(), type: oneOf(TENDER_TYPES), amountMinor: minor() },
  { title: 'PaymentReceivedData', description: 'One tender of a new sale.' },
);

const SaleVoidedData = object(
  {
    saleId: uuid(),
    storeId: uuid(),
    registerId: uuid(),
    receiptNumber: integer({ minimum: 1 }),
    totalMinor: minor(),
    reason: string(),
    voidRegisterId: uuid({ description: 'The register whose drawer paid the sale back.' }),
    voidShiftId: nullable(uuid()),
  },
  { title: 'SaleVoidedData' },
);

const SaleRefundedData = object(
  {
    id: uuid({ description: 'The refund.' }),
    saleId: uuid(),
    reason: string(),
    totalMinor: minor(),
    taxMinor: minor(),
    registerId: uuid({ description: 'The register whose drawer paid the refund out.' }),
    shiftId: nullable(uuid()),
    actorType: actorType(),
    actorId: uuid(),
    createdAt: dateTime(),
    occurredAt: dateTime(),
    offline: boolean(),
    approvedBy: nullable(uuid()),
    flags: array(oneOf(REFUND_FLAGS)),
    reviewedAt: nullable(dateTime()),
    lines: array(
      object({
        id: uuid(),
        saleLineId: uuid(),
        productId: uuid(),
        quantity: integer({ minimum: 1 }),
        restock: boolean(),
        taxRateBps: taxRateBps(),
        amountMinor: minor(),
        taxMinor: minor(),
      }),
    ),
    tenders: array(object({ type: oneOf(TENDER_TYPES), amountMinor: minor() })),
    storeId: uuid(),
    saleRegisterId: uuid({ description: 'The register the sale was rung up at.' }),
    receiptNumber: integer({ minimum: 1 }),
    currency: currency(),
  },
  { title: 'SaleRefundedData', description: 'The refund as `POST /sales/{id}/refunds` answered it, and where its sale was rung up.' },
);

const ProductDeletedData = object({ id: uuid(), sku: string() }, { title: 'ProductDeletedData' });

const StockAdjustedData = object(
  {
    storeId: uuid(),
    productId: uuid(),
    delta: integer({ description: 'Units added (positive) or taken (negative).' }),
    reason: oneOf(STOCK_REASONS),
    onHand: integer({ description: 'On hand in the store after the move.' }),
    ledgerEntryId: uuid(),
  },
  { title: 'StockAdjustedData', description: 'Any stock move: a sale, refund, void, adjustment, count, receipt or transfer.' },
);

const StockLowData = object(
  { storeId: uuid(), productId: uuid(), onHand: integer(), reorderPoint: integer() },
  { title: 'StockLowData', description: 'On hand fell to the reorder point or below (once per crossing).' },
);

export const CustomerData = object(
  {
    id: uuid(),
    name: string(),
    email: nullable(string()),
    phone: nullable(string()),
    notes: nullable(string()),
    tags: array(string()),
    marketingConsent: boolean(),
    erased: boolean(),
    version: integer({ minimum: 1 }),
    createdAt: dateTime(),
  },
  { title: 'CustomerData' },
);

export const SupplierData = object(
  {
    id: uuid(),
    name: string(),
    contactName: nullable(string()),
    email: nullable(string()),
    phone: nullable(string()),
    address: nullable(string()),
    paymentTermsDays: integer({ minimum: 0 }),
    leadTimeDays: integer({ minimum: 0 }),
    currency: currency(),
    version: integer({ minimum: 1 }),
    createdAt: dateTime(),
  },
  { title: 'SupplierData' },
);

export const PurchaseOrderData = object(
  {
    id: uuid(),
    number: string({ example: 'PO-000123' }),
    supplierId: uuid(),
    supplierName: string(),
    storeId: uuid(),
    status: oneOf(PURCHASE_ORDER_STATUSES),
    currency: currency(),
    note: nullable(string()),
    rejectionReason: nullable(string()),
    totalMinor: minor(),
    lines: array(
      object({
        id: uuid(),
        productId: uuid(),
        sku: string(),
        name: string(),
        quantity: integer({ minimum: 1 }),
        receivedQuantity: integer({ minimum: 0 }),
        outstandingQuantity: integer({ minimum: 0 }),
        unitCostMinor: minor(),
        totalMinor: minor(),
        packSize: nullable(integer({ minimum: 1 })),
        expectedDate: nullable(date()),
      }),
    ),
    approvedBy: nullable(uuid()),
    submittedAt: nullable(dateTime()),
    approvedAt: nullable(dateTime()),
    orderedAt: nullable(dateTime()),
    closedAt: nullable(dateTime()),
    version: integer({ minimum: 1 }),
    createdAt: dateTime(),
  },
  { title: 'PurchaseOrderData', description: 'The purchase order as `GET /purchase-orders/{id}` answers it, after the change.' },
);

const PurchaseOrderSubmittedData = extend(
  PurchaseOrderData,
  {
    submittedBy: nullable(uuid()),
    ownerApprovalRequired: boolean({ description: "Above the shop's threshold: only owners may approve it." }),
  },
  { title: 'PurchaseOrderSubmittedData' },
);

const PurchaseOrderReceivedData = object(
  {
    id: uuid({ description: 'The receipt.' }),
    purchaseOrderId: uuid(),
    note: nullable(string()),
    createdAt: dateTime(),
    lines: array(object({ lineId: uuid(), productId: uuid(), quantity: integer({ minimum: 1 }), unitCostMinor: minor(), ledgerEntryId: uuid() })),
    number: string({ example: 'PO-000123' }),
    storeId: uuid(),
    status: oneOf(PURCHASE_ORDER_STATUSES, { description: "The order's status after the receipt." }),
  },
  { title: 'PurchaseOrderReceivedData', description: 'One delivery taken in against the order.' },
);

const WebhookDisabledData = object(
  {
    webhookId: uuid(),
    url: string(),
    reason: string({ example: 'the receiver answered 410 Gone' }),
    notify: oneOf(['owners'] as const),
  },
  { title: 'WebhookDisabledData' },
);

const MailQueuedData = object({ mailId: uuid(), purpose: oneOf(MAIL_PURPOSES) }, { title: 'MailQueuedData' });

const shiftWhere = { shiftId: uuid(), storeId: uuid(), registerId: uuid() };

const ShiftOpenedData = object(
  { ...shiftWhere, openingFloatMinor: minor({ minimum: 0 }), currency: currency(), openedAt: dateTime() },
  { title: 'ShiftOpenedData' },
);

const ShiftClosedData = object(
  {
    ...shiftWhere,
    zNumber: integer({ minimum: 1, description: 'The Z-report number, gapless per register.' }),
    currency: currency(),
    closedAt: dateTime(),
    countedCashMinor: minor(),
    expectedCashMinor: minor(),
    overShortMinor: minor({ description: 'Counted less expected: negative when short.' }),
  },
  { title: 'ShiftClosedData' },
);

const CashDiscrepancyData = object(
  {
    ...shiftWhere,
    zNumber: integer({ minimum: 1 }),
    currency: currency(),
    overShortMinor: minor(),
    thresholdMinor: minor({ minimum: 0, description: "The shop's discrepancy threshold it went beyond." }),
  },
  { title: 'CashDiscrepancyData' },
);

/** Each event type's `data`; the map is total, so a new event type does not compile without its schema. */
export const EVENT_DATA_SCHEMAS = {
  'sale.created': SaleData,
  // Reserved: nothing emits it yet; when something does, it carries the sale after the change.
  'sale.updated': SaleData,
  'sale.voided': SaleVoidedData,
  'sale.refunded': SaleRefundedData,
  'product.created': ProductData,
  'product.updated': ProductData,
  'product.deleted': ProductDeletedData,
  'stock.low': StockLowData,
  'stock.adjusted': StockAdjustedData,
  'customer.created': CustomerData,
  'supplier.created': SupplierData,
  'purchase_order.created': PurchaseOrderData,
  'purchase_order.submitted': PurchaseOrderSubmittedData,
  'purchase_order.approved': PurchaseOrderData,
  'purchase_order.received': PurchaseOrderReceivedData,
  'purchase_order.closed': PurchaseOrderData,
  'payment.received': PaymentReceivedData,
  'webhook.disabled': WebhookDisabledData,
  'mail.queued': MailQueuedData,
  'shift.opened': ShiftOpenedData,
  'shift.closed': ShiftClosedData,
  'cash.discrepancy': CashDiscrepancyData,
} as const satisfies Record<EventType, Schema<unknown>>;

export type EventData<T extends EventType> = Static<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** An event whose `data` is typed by its `type`: narrow a `KassaEvent` with `event.type === 'sale.created'`. */
export type TypedEvent<T extends EventType> = EventEnvelope<EventData<T>> & { type: T };
export type KassaEvent = { [T in EventType]: TypedEvent<T> }[EventType];

/** The envelope's own schema (DESIGN.md §3), without `type` and `data`, which each event type fixes. */
export const EVENT_ENVELOPE_PROPERTIES = {
  id: uuid({ description: 'The event id: the `webhook-id` of its deliveries, the same on every retry.' }),
  tenantId: uuid(),
  sequence: integer({ minimum: 1, description: "Position in the shop's feed: gapless, in the order events became visible." }),
  aggregateType: string({ example: 'sale' }),
  aggregateId: uuid(),
  aggregateVersion: integer({ minimum: 1, description: 'The version of the aggregate after this change: per aggregate, not per event type.' }),
  occurredAt: dateTime(),
};
