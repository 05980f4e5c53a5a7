import { randomUUID } from 'node:crypto';

/** One API request as a suite's own client makes it (supertest in-process, fetch against a built server). */
export type ApiCall = (request: {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  authorization: string;
  body?: object;
}) => Promise<{ status: number; body: unknown }>;

export interface TillSession {
  registerId: string;
  accessToken: string;
  refreshToken: string;
}

export const TILL_PIN = '2580';

/**
 * Signs `user` in by PIN on a till, as a POS does: a device paired by `managerToken` to `registerId` (which revokes
 * the register's earlier device and its sessions), or to a new POS register of `storeId`. Only such a session may
 * send offline sales, and only for its register.
 */
export async function signInOnTill(
  call: ApiCall,
  options: { managerToken: string; storeId: string; registerId?: string; user: { id: string; accessToken: string; password: string } },
): Promise<TillSession> {
  const expectStatus = async <T>(request: Parameters<ApiCall>[0], status: number): Promise<T> => {
    const response = await call(request);
    if (response.status !== status)
      throw new Error(`${request.method} ${request.path}: expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as T;
  };
  const manager = `Bearer ${options.managerToken}`;
  const registerId =
    options.registerId ??
    (
      await expectStatus<{ id: string }>(
        { method: 'POST', path: `/api/v1/stores/${options.storeId}/registers`, authorization: manager, body: { name: `Till ${randomUUID().slice(0, 8)}` } },
        201,
      )
    ).id;
  await expectStatus(
    {
      method: 'PUT',
      path: '/api/v1/me/pin',
      authorization: `Bearer ${options.user.accessToken}`,
      body: { pin: TILL_PIN, currentPassword: options.user.password },
    },
    204,
  );
  const { deviceToken } = await expectStatus<{ deviceToken: string }>(
    { method: 'POST', path: `/api/v1/registers/${registerId}/devices`, authorization: manager, body: { name: 'Test till' } },
    201,
  );
  const tokens = await expectStatus<{ accessToken: string; refreshToken: string }>(
    { method: 'POST', path: '/api/v1/auth/pin', authorization: `Device ${deviceToken}`, body: { userId: options.user.id, pin: TILL_PIN } },
    200,
  );
  return { registerId, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}
