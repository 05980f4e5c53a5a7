import { callApi, type ApiAccess } from './api-access';

/** `POST /api/v1/sales/{id}/receipt/email` `{ to }` → 202 `{ queued: true }`: the API mails the sale's receipt. */
export function emailReceipt(access: ApiAccess, saleId: string, to: string): Promise<{ queued: boolean }> {
  return callApi(access, (http) => http.POST('/api/v1/sales/{id}/receipt/email', { params: { path: { id: saleId } }, body: { to } }));
}
