import type { SheetColumn } from '@kassa/api/spreadsheets';

/** One sale as a row of the sales export: one row per sale, voided ones with their status. */
export interface SaleExportRow {
  id: string;
  receiptNumber: number;
  occurredAt: string;
  status: string;
  storeCode: string;
  registerName: string;
  customerName: string | null;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  refundedMinor: number;
  tenders: string;
  offline: boolean;
  flagged: boolean;
}

export const SALE_EXPORT_COLUMNS: SheetColumn<SaleExportRow>[] = [
  { header: 'Time', type: 'date', value: (row) => row.occurredAt },
  { header: 'Receipt', type: 'integer', value: (row) => row.receiptNumber },
  { header: 'Status', type: 'text', value: (row) => row.status },
  { header: 'Store', type: 'text', value: (row) => row.storeCode },
  { header: 'Register', type: 'text', value: (row) => row.registerName },
  { header: 'Customer', type: 'text', value: (row) => row.customerName },
  { header: 'Subtotal', type: 'money', value: (row) => row.subtotalMinor },
  { header: 'Discount', type: 'money', value: (row) => row.discountMinor },
  { header: 'Tax', type: 'money', value: (row) => row.taxMinor },
  { header: 'Total', type: 'money', value: (row) => row.totalMinor },
  { header: 'Refunded', type: 'money', value: (row) => row.refundedMinor },
  { header: 'Tenders', type: 'text', value: (row) => row.tenders },
  { header: 'Offline', type: 'text', value: (row) => (row.offline ? 'yes' : 'no') },
  { header: 'Flagged', type: 'text', value: (row) => (row.flagged ? 'yes' : 'no') },
  { header: 'Sale id', type: 'text', value: (row) => row.id },
];

export const SALE_CSV_HEADER = [
  'occurredAt',
  'receiptNumber',
  'status',
  'storeCode',
  'registerName',
  'customerName',
  'subtotalMinor',
  'discountMinor',
  'taxMinor',
  'totalMinor',
  'refundedMinor',
  'tenders',
  'offline',
  'flagged',
  'id',
] as const satisfies readonly (keyof SaleExportRow)[];
