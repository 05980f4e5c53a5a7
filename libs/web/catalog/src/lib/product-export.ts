import { callApi, type ApiAccess } from '@kassa/web/data-access';

/** Every product as CSV, through the API's export (which the spreadsheet work extends), saved by the browser. */
export async function downloadProductExport(access: ApiAccess): Promise<void> {
  const csv = await callApi(access, (http) => http.GET('/api/v1/products/export', { params: { query: { format: 'csv', bom: true } }, parseAs: 'blob' }));
  const url = URL.createObjectURL(csv as Blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: 'products.csv' });
  link.click();
  URL.revokeObjectURL(url);
}
