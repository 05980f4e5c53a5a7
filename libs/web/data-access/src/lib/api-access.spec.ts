import type { KassaHttp } from '@kassa/api-client';
import { callApi, type ApiAccess, type ApiResult } from './api-access';
import { ApiError } from './api-error';

const http = {} as KassaHttp;
const problem = (status: number, code: string, extra: object = {}) => ({ type: 'about:blank', title: 'Problem', status, code, ...extra });
const answer = <T>(status: number, body?: T): ApiResult<T> =>
  status < 400 ? { data: body, response: new Response(null, { status }) } : { error: body, response: new Response(null, { status }) };

function accessThat(renews: boolean): ApiAccess & { renewals: number } {
  return {
    http,
    renewals: 0,
    async renewSession() {
      this.renewals++;
      return renews;
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('callApi', () => {
  it('answers the data of a success', async () => {
    expect(await callApi(accessThat(true), async () => answer(200, { id: 'p1' }))).toEqual({ id: 'p1' });
  });

  it('renews the session after a 401 and sends the request once more', async () => {
    const access = accessThat(true);
    const answers = [answer(401, problem(401, 'unauthorized')), answer(200, { ok: true })];
    expect(await callApi(access, async () => answers.shift() as ApiResult<unknown>)).toEqual({ ok: true });
    expect(access.renewals).toBe(1);
  });

  it('gives up as unauthorized when the session cannot be renewed', async () => {
    const access = accessThat(false);
    let sent = 0;
    const failure = await failureOf(callApi(access, async () => (sent++, answer(401, problem(401, 'unauthorized')))));
    expect(failure.kind).toBe('unauthorized');
    expect(sent).toBe(1);
  });

  it.each([
    [403, 'forbidden', 'forbidden'],
    [404, 'not_found', 'not-found'],
    [409, 'sku_taken', 'conflict'],
    [412, 'version_mismatch', 'changed'],
    [400, 'validation_failed', 'invalid'],
    [422, 'reference_not_found', 'invalid'],
    [500, 'internal_error', 'server'],
    [503, 'service_unavailable', 'offline'],
  ])('reads a %i %s as %s', async (status, code, kind) => {
    expect((await failureOf(callApi(accessThat(true), async () => answer(status, problem(status, code))))).kind).toBe(kind);
  });

  it('keeps the field errors of a bad request for the form', async () => {
    const errors = [{ field: 'sku', message: 'sku must be 1-64 letters' }];
    const failure = await failureOf(callApi(accessThat(true), async () => answer(400, problem(400, 'validation_failed', { errors }))));
    expect(failure.fieldErrors).toEqual(errors);
  });

  it('reads a request that got no answer as offline', async () => {
    const failure = await failureOf(
      callApi(accessThat(true), async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(failure.kind).toBe('offline');
  });

  it('lets an abort by the caller through as an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    await expect(
      callApi(
        accessThat(true),
        async () => {
          throw abort;
        },
        controller.signal,
      ),
    ).rejects.toBe(abort);
  });
});
