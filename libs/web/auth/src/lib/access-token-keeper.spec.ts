import { AccessTokenKeeper, REFRESH_LOCK, type LockManagerLike } from './access-token-keeper';

const NOW = Date.UTC(2026, 0, 1, 12);

function accessToken(expiresInSeconds: number, userId = 'user-1'): string {
  const payload = { sub: userId, tid: 'tenant-1', exp: NOW / 1000 + expiresInSeconds };
  return `header.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;
}

/** A lock manager that runs callbacks strictly one after another, and records the lock names. */
function serialLocks(): LockManagerLike & { names: string[] } {
  let tail: Promise<unknown> = Promise.resolve();
  const names: string[] = [];
  return {
    names,
    request<T>(name: string, callback: () => Promise<T>) {
      names.push(name);
      const run = tail.then(callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

describe('AccessTokenKeeper', () => {
  it('uses the token it holds while it is fresh, without refreshing', async () => {
    const refresh = jest.fn();
    const sut = new AccessTokenKeeper(refresh, undefined, () => NOW);
    const token = accessToken(900);
    sut.accept(token);
    expect(await sut.token()).toBe(token);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refreshes once, under the cross-tab lock, for concurrent callers when the token is about to expire', async () => {
    const fresh = accessToken(900, 'user-1');
    const refresh = jest.fn(async () => Response.json({ accessToken: fresh, expiresIn: 900 }));
    const locks = serialLocks();
    const sut = new AccessTokenKeeper(refresh, locks, () => NOW);
    sut.accept(accessToken(10));
    const tokens = await Promise.all([sut.token(), sut.token(), sut.token()]);
    expect(tokens).toEqual([fresh, fresh, fresh]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(locks.names).toEqual([REFRESH_LOCK]);
  });

  it('reports signed out and forgets the token when the refresh is refused', async () => {
    const sut = new AccessTokenKeeper(
      async () => new Response(null, { status: 401 }),
      undefined,
      () => NOW,
    );
    sut.accept(accessToken(-60));
    expect(await sut.refresh()).toEqual({ kind: 'signed-out' });
    expect(await sut.token()).toBeUndefined();
  });

  it('reports signed out without asking the API when the device has no session cookie', async () => {
    const sut = new AccessTokenKeeper(
      async () => new Response(null, { status: 204 }),
      undefined,
      () => NOW,
    );
    expect(await sut.refresh()).toEqual({ kind: 'signed-out' });
  });

  it('reports unreachable when the network fails, so the app can work from its offline copy', async () => {
    const sut = new AccessTokenKeeper(
      () => Promise.reject(new TypeError('Failed to fetch')),
      undefined,
      () => NOW,
    );
    expect(await sut.refresh()).toEqual({ kind: 'unreachable' });
  });

  it('reads the tenant and user from a refreshed token', async () => {
    const sut = new AccessTokenKeeper(
      async () => Response.json({ accessToken: accessToken(900, 'user-9') }),
      undefined,
      () => NOW,
    );
    expect(await sut.refresh()).toMatchObject({ kind: 'refreshed', claims: { tenantId: 'tenant-1', userId: 'user-9', expiresAt: NOW + 900_000 } });
  });

  it('takes the answer of the refresh the page sent before it existed, and asks through the cookie only after that', async () => {
    const early = accessToken(900, 'user-early');
    const later = accessToken(900, 'user-later');
    const refresh = jest.fn(async () => Response.json({ accessToken: later }));
    const locks = serialLocks();
    const sut = new AccessTokenKeeper(refresh, locks, () => NOW, Promise.resolve(Response.json({ accessToken: early })));
    const [first, again] = await Promise.all([sut.refresh(), sut.token()]);
    expect(first).toMatchObject({ kind: 'refreshed', token: early });
    expect(again).toBe(early);
    expect(refresh).not.toHaveBeenCalled();
    expect(locks.names).toEqual([]);
    expect(await sut.refresh()).toMatchObject({ kind: 'refreshed', token: later });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(locks.names).toEqual([REFRESH_LOCK]);
  });

  it('reports signed out when the early refresh found no session cookie', async () => {
    const refresh = jest.fn();
    const sut = new AccessTokenKeeper(refresh, undefined, () => NOW, Promise.resolve(new Response(null, { status: 204 })));
    expect(await sut.refresh()).toEqual({ kind: 'signed-out' });
    expect(refresh).not.toHaveBeenCalled();
  });
});
