import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ApiCall, signInOnTill, TillSession } from '@kassa/testing';
import { PASSWORD, SignedInUser, TenantFixture } from './identity';

/** The in-process app as an `ApiCall`. */
export const apiCallOf =
  (app: NestFastifyApplication): ApiCall =>
  async ({ method, path, authorization, body }) => {
    const http = request(app.getHttpServer());
    const pending = method === 'GET' ? http.get(path) : method === 'POST' ? http.post(path) : method === 'PUT' ? http.put(path) : http.delete(path);
    const response = await pending.set({ authorization }).send(body);
    return { status: response.status, body: response.body };
  };

/**
 * `user` (the owner by default) signed in by PIN on a till of the shop's store (`stores[0]` by default), on a new
 * POS register or on `registerId`: the only kind of caller whose offline sales are accepted.
 */
export function tillSession(
  app: NestFastifyApplication,
  shop: TenantFixture,
  options: { user?: SignedInUser; storeId?: string; registerId?: string } = {},
): Promise<TillSession> {
  const user = options.user ?? shop.owner;
  return signInOnTill(apiCallOf(app), {
    managerToken: shop.owner.accessToken,
    storeId: options.storeId ?? shop.stores[0].id,
    registerId: options.registerId,
    user: { id: user.id, accessToken: user.accessToken, password: PASSWORD },
  });
}
