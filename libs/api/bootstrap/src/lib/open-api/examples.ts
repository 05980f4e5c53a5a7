import type { EventData, EventType, TypedEvent } from '@kassa/contracts';
import { Document, JsonObject, operationsOf } from './document';

/*
 * One shop's story, told by the main flows' examples: sign up, create a product, sell two of it, refund one, read the
 * events, receive them as webhooks. The ids agree across examples, and each event's `data` is typed by its schema.
 */
const TENANT = '019b7a10-2c3e-7a11-8f00-0a1b2c3d4e01';
const OWNER = '019b7a10-2c3e-7a11-8f00-0a1b2c3d4e02';
const STORE = '019b7a10-2c3e-7a11-8f00-0a1b2c3d4e03';
const REGISTER = '019b7a10-2c3e-7a11-8f00-0a1b2c3d4e04';
const API_KEY = '019b7a10-2c3e-7a11-8f00-0a1b2c3d4e05';
const PRODUCT = '019b7a12-0d4f-7b22-9a10-1b2c3d4e5f01';
const SALE = '019b7a14-5e60-7c33-8b20-2c3d4e5f6a01';
const SALE_LINE = '019b7a14-5e60-7c33-8b20-2c3d4e5f6a02';
const TENDER = '019b7a14-5e60-7c33-8b20-2c3d4e5f6a03';
const REFUND = '019b7a16-6f71-7d44-9c30-3d4e5f6a7b01';
const REFUND_LINE = '019b7a16-6f71-7d44-9c30-3d4e5f6a7b02';
const LEDGER_ENTRY = '019b7a14-5e60-7c33-8b20-2c3d4e5f6a04';
const STOCK_LEVEL = '019b7a13-1a2b-7e55-8d40-4e5f6a7b8c01';

const product: EventData<'product.created'> = {
  id: PRODUCT,
  sku: 'TEA-GREEN-100',
  name: 'Green tea, 100 g',
  description: null,
  categoryId: null,
  unit: 'piece',
  priceMinor: 450,
  costMinor: 210,
  taxRateBps: 700,
  barcodes: ['4006381333931'],
  active: true,
  trackStock: true,
  reorderPoint: 5,
  reorderQuantity: 24,
  imageUrl: null,
  version: 1,
  createdAt: '2026-01-05T09:12:03.120Z',
  updatedAt: '2026-01-05T09:12:03.120Z',
};

const sale: EventData<'sale.created'> = {
  id: SALE,
  storeId: STORE,
  registerId: REGISTER,
  receiptNumber: 1,
  customerId: null,
  customerName: null,
  status: 'completed',
  offline: false,
  flags: [],
  currency: 'EUR',
  pricesIncludeTax: true,
  discount: null,
  subtotalMinor: 900,
  discountMinor: 0,
  discountApprovedBy: null,
  taxMinor: 59,
  totalMinor: 900,
  tenderedMinor: 1000,
  changeDueMinor: 100,
  note: null,
  actorType: 'api_key',
  actorId: API_KEY,
  occurredAt: '2026-01-05T10:30:00.000Z',
  createdAt: '2026-01-05T10:30:00.412Z',
  lines: [
    {
      id: SALE_LINE,
      productId: PRODUCT,
      sku: 'TEA-GREEN-100',
      name: 'Green tea, 100 g',
      quantity: 2,
      unitPriceMinor: 450,
      listPriceMinor: 450,
      taxRateBps: 700,
      discount: null,
      grossMinor: 900,
      lineDiscountMinor: 0,
      saleDiscountMinor: 0,
      taxMinor: 59,
      totalMinor: 900,
      flags: [],
      refundedQuantity: 0,
    },
  ],
  tenders: [{ id: TENDER, type: 'cash', amountMinor: 1000, offline: false }],
  negativeStockLines: [],
  reviewedAt: null,
  voidedAt: null,
  voidReason: null,
  shiftId: null,
  voidRegisterId: null,
  voidShiftId: null,
};

const refund = {
  id: REFUND,
  saleId: SALE,
  reason: 'Damaged packaging',
  totalMinor: 450,
  taxMinor: 29,
  registerId: REGISTER,
  shiftId: null,
  actorType: 'api_key' as const,
  actorId: API_KEY,
  createdAt: '2026-01-05T15:02:41.007Z',
  occurredAt: '2026-01-05T15:02:41.007Z',
  offline: false,
  approvedBy: null,
  flags: [],
  reviewedAt: null,
  lines: [{ id: REFUND_LINE, saleLineId: SALE_LINE, productId: PRODUCT, quantity: 1, restock: false, taxRateBps: 700, amountMinor: 450, taxMinor: 29 }],
  tenders: [{ type: 'cash' as const, amountMinor: 450 }],
};

const envelope = { tenantId: TENANT, occurredAt: '2026-01-05T10:30:00.412Z' };

const productCreated: TypedEvent<'product.created'> = {
  ...envelope,
  id: '019b7a12-0d4f-7b22-9a10-1b2c3d4e5f02',
  type: 'product.created',
  sequence: 1,
  aggregateType: 'product',
  aggregateId: PRODUCT,
  aggregateVersion: 1,
  occurredAt: product.createdAt,
  data: product,
};

const saleCreated: TypedEvent<'sale.created'> = {
  ...envelope,
  id: '019b7a14-5e60-7c33-8b20-2c3d4e5f6a05',
  type: 'sale.created',
  sequence: 2,
  aggregateType: 'sale',
  aggregateId: SALE,
  aggregateVersion: 1,
  data: sale,
};

const paymentReceived: TypedEvent<'payment.received'> = {
  ...envelope,
  id: '019b7a14-5e60-7c33-8b20-2c3d4e5f6a06',
  type: 'payment.received',
  sequence: 3,
  aggregateType: 'sale',
  aggregateId: SALE,
  aggregateVersion: 1,
  data: { saleId: SALE, storeId: STORE, registerId: REGISTER, receiptNumber: 1, currency: 'EUR', tenderId: TENDER, type: 'cash', amountMinor: 1000 },
};

const stockAdjusted: TypedEvent<'stock.adjusted'> = {
  ...envelope,
  id: '019b7a14-5e60-7c33-8b20-2c3d4e5f6a07',
  type: 'stock.adjusted',
  sequence: 4,
  aggregateType: 'stock_level',
  aggregateId: STOCK_LEVEL,
  aggregateVersion: 3,
  data: { storeId: STORE, productId: PRODUCT, delta: -2, reason: 'sale', onHand: 22, ledgerEntryId: LEDGER_ENTRY },
};

const saleRefunded: TypedEvent<'sale.refunded'> = {
  ...envelope,
  id: '019b7a16-6f71-7d44-9c30-3d4e5f6a7b03',
  type: 'sale.refunded',
  sequence: 5,
  aggregateType: 'sale',
  aggregateId: SALE,
  aggregateVersion: 2,
  occurredAt: refund.createdAt,
  data: { ...refund, storeId: STORE, saleRegisterId: REGISTER, receiptNumber: 1, currency: 'EUR' },
};

const productUpdated: TypedEvent<'product.updated'> = {
  ...envelope,
  id: '019b7a18-7a82-7e55-8d40-4e5f6a7b8c02',
  type: 'product.updated',
  sequence: 6,
  aggregateType: 'product',
  aggregateId: PRODUCT,
  aggregateVersion: 2,
  occurredAt: '2026-01-06T08:00:00.000Z',
  data: { ...product, priceMinor: 490, version: 2, updatedAt: '2026-01-06T08:00:00.000Z' },
};

interface Example {
  summary: string;
  value: unknown;
}

/** Request and response examples of the main flows, by operationId. */
const OPERATION_EXAMPLES: Record<string, { request?: Example; response?: Example & { status: string } }> = {
  signUp: {
    request: {
      summary: 'A shop with its first store',
      value: {
        tenantName: 'Corner Tea Shop',
        slug: 'corner-tea',
        ownerName: 'Ada Weber',
        email: 'ada@corner-tea.example',
        password: 'correct horse battery',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        pricesIncludeTax: true,
        store: { name: 'Corner Tea, Kreuzberg', code: 'BER-1' },
      },
    },
    response: {
      status: '201',
      summary: 'The owner signed in, the shop and its store',
      value: {
        accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTliN2ExMCJ9.c2lnbmF0dXJl',
        refreshToken: '019b7a10-2c3e-7a11-8f00-0a1b2c3d4e06.p8Yc2Vw0bS1yZWZyZXNo',
        expiresIn: 900,
        tenant: {
          id: TENANT,
          name: 'Corner Tea Shop',
          slug: 'corner-tea',
          currency: 'EUR',
          timeZone: 'Europe/Berlin',
          locale: 'de-DE',
          pricesIncludeTax: true,
          allowNegativeStock: false,
          discountLimitBps: { manager: 2000, cashier: 1000 },
          tillIdleLockSeconds: 120,
          offlineCardAllowed: true,
          offlineMaxSaleMinor: null,
          offlineMaxHours: 24,
          version: 1,
          createdAt: '2026-01-05T09:00:00.000Z',
        },
        user: {
          id: OWNER,
          name: 'Ada Weber',
          email: 'ada@corner-tea.example',
          role: 'owner',
          active: true,
          storeIds: [],
          version: 1,
          createdAt: '2026-01-05T09:00:00.000Z',
        },
        store: { id: STORE, name: 'Corner Tea, Kreuzberg', code: 'BER-1', version: 1, createdAt: '2026-01-05T09:00:00.000Z' },
      },
    },
  },
  createProduct: {
    request: {
      summary: 'A product with a barcode and a reorder point',
      value: {
        sku: 'TEA-GREEN-100',
        name: 'Green tea, 100 g',
        unit: 'piece',
        priceMinor: 450,
        costMinor: 210,
        taxRateBps: 700,
        barcodes: ['4006381333931'],
        reorderPoint: 5,
        reorderQuantity: 24,
      },
    },
    response: { status: '201', summary: 'The product, version 1', value: product },
  },
  createSale: {
    request: {
      summary: 'Two of a product, paid in cash',
      value: { storeId: STORE, lines: [{ productId: PRODUCT, quantity: 2 }], tenders: [{ type: 'cash', amountMinor: 1000 }] },
    },
    response: { status: '201', summary: 'The sale, numbered on the store’s api register, with change due', value: sale },
  },
  refundSale: {
    request: {
      summary: 'One unit back in cash, not restocked',
      value: { lines: [{ saleLineId: SALE_LINE, quantity: 1, restock: false }], tenders: [{ type: 'cash', amountMinor: 450 }], reason: 'Damaged packaging' },
    },
    response: { status: '201', summary: 'The refund', value: refund },
  },
  listEvents: {
    response: {
      status: '200',
      summary: 'The story so far; ask again with `after=6`',
      value: { items: [productCreated, saleCreated, paymentReceived, stockAdjusted, saleRefunded, productUpdated], nextCursor: '6' },
    },
  },
};

/** The webhook deliveries' examples, by event type (the events above as they are POSTed). */
export const WEBHOOK_EXAMPLES: Partial<Record<EventType, JsonObject>> = Object.fromEntries(
  [productCreated, saleCreated, paymentReceived, stockAdjusted, saleRefunded, productUpdated].map((event) => [
    event.type,
    { [event.type.replace('.', '-')]: { summary: `A ${event.type} delivery`, value: event } },
  ]),
);

const examplesOf = ({ summary, value }: Example) => ({
  [summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')]: { summary, value },
});

/** Puts the examples on their operations; an example naming an operation that is gone fails the document. */
export function documentExamples(document: Document): void {
  const operations = new Map(operationsOf(document).map(({ operation }) => [operation.operationId, operation]));
  for (const [operationId, { request, response }] of Object.entries(OPERATION_EXAMPLES)) {
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`examples for ${operationId}, which the document lacks`);
    const requestMedia = operation.requestBody?.content?.['application/json'] as JsonObject | undefined;
    if (request && !requestMedia) throw new Error(`${operationId} takes no JSON body`);
    if (request && requestMedia) requestMedia.examples = examplesOf(request);
    const responseMedia =
      response && ((operation.responses[response.status]?.content as Record<string, JsonObject> | undefined)?.['application/json'] as JsonObject);
    if (response && !responseMedia) throw new Error(`${operationId} answers no JSON ${response.status}`);
    if (response && responseMedia) responseMedia.examples = examplesOf(response);
  }
}
