import { callApi, type ApiAccess } from '@kassa/web/data-access';
import type { SalesListQuery } from './sales-list-query';

/** The sales the list shows now (same filters), as an xlsx from the API's export, saved by the browser. */
export async function downloadSalesExport(access: ApiAccess, query: SalesListQuery): Promise<void> {
  const xlsx = await callApi(access, (http) => http.GET('/api/v1/sales/export', { params: { query: { ...query, format: 'xlsx' } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(xlsx as Blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: 'sales.xlsx' });
  link.click();
  URL.revokeObjectURL(url);
}
