import type { Schemas } from '@kassa/api-client';
import { callApi, type ApiAccess } from '@kassa/web/data-access';

export type Shift = Schemas['ShiftDto'];
export type ShiftSettings = Schemas['ShiftSettingsDto'];
export type ShiftReport = Schemas['ShiftReportDto'];
export type CashMovementType = Schemas['CreateCashMovementDto']['type'];
export interface DenominationCount {
  valueMinor: number;
  count: number;
}

/** The register's open shift, or null. */
export async function fetchCurrentShift(access: ApiAccess, registerId: string): Promise<Shift | null> {
  const current = await callApi(access, (http, signal) => http.GET('/api/v1/registers/{id}/shifts/current', { params: { path: { id: registerId } }, signal }));
  return current.shift;
}

export const fetchShiftSettings = (access: ApiAccess) => callApi(access, (http, signal) => http.GET('/api/v1/shift-settings', { signal }));

/** Opens the register's shift under the till's own id: a resend after a lost answer replays it. */
export const openShift = (access: ApiAccess, registerId: string, id: string, openingFloatMinor: number) =>
  callApi(access, (http) => http.POST('/api/v1/registers/{id}/shifts', { params: { path: { id: registerId } }, body: { id, openingFloatMinor } }));

export const recordCashMovement = (access: ApiAccess, shiftId: string, id: string, type: CashMovementType, amountMinor: number, reason: string) =>
  callApi(access, (http) => http.POST('/api/v1/shifts/{id}/cash-movements', { params: { path: { id: shiftId } }, body: { id, type, amountMinor, reason } }));

/** Closes with the count; `key` (one per close attempt) makes a resend replay the first answer instead of a 409. */
export const closeShift = (access: ApiAccess, shiftId: string, key: string, countedCashMinor: number, denominations?: DenominationCount[]) =>
  callApi(access, (http) =>
    http.POST('/api/v1/shifts/{id}/close', {
      params: { path: { id: shiftId }, header: { 'Idempotency-Key': key } },
      body: denominations ? { countedCashMinor, denominations } : { countedCashMinor },
    }),
  );

export const fetchShiftReport = (access: ApiAccess, shiftId: string) =>
  callApi(access, (http, signal) =>
    http.GET('/api/v1/shifts/{id}/report', { params: { path: { id: shiftId }, query: { format: 'json' } }, signal }),
  ) as Promise<ShiftReport>;

/** The printable report: 42-column text for the screen, HTML for the printer. */
export async function fetchShiftReportAs(access: ApiAccess, shiftId: string, format: 'text' | 'html'): Promise<string> {
  const body = await callApi(access, (http, signal) =>
    http.GET('/api/v1/shifts/{id}/report', { params: { path: { id: shiftId }, query: { format } }, parseAs: 'text', signal }),
  );
  return String(body);
}
