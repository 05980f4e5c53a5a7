import { callApi, type ApiAccess, type ApiResult } from './api-access';

export interface ReceiptEmailQueued {
  queued: boolean;
}

// The mail route is built on a parallel branch and is not in the generated client yet: its path is typed here by hand.
interface ReceiptEmailRoute {
  POST(path: '/api/v1/sales/{id}/receipt/email', init: { params: { path: { id: string } }; body: { to: string } }): Promise<ApiResult<ReceiptEmailQueued>>;
}

/** `POST /api/v1/sales/{id}/receipt/email` `{ to }` → 202 `{ queued: true }`: the API mails the sale's receipt. */
export function emailReceipt(access: ApiAccess, saleId: string, to: string): Promise<ReceiptEmailQueued> {
  return callApi(access, (http) =>
    (http as unknown as ReceiptEmailRoute).POST('/api/v1/sales/{id}/receipt/email', { params: { path: { id: saleId } }, body: { to } }),
  );
}
