import { ClientError, ClientErrorReporter, describeError, routeTemplate } from './client-error-reporter';

function reporter() {
  const batches: ClientError[][] = [];
  const timers: (() => void)[] = [];
  const sut = new ClientErrorReporter({
    source: 'web',
    route: () => '/products/0192f0c4-0000-7000-8000-000000000000',
    appVersion: 'b1',
    send: async (errors) => batches.push(errors),
    schedule: (run) => timers.push(run),
  });
  return { sut, batches, timers };
}

describe('ClientErrorReporter', () => {
  it('sends what gathered as one batch once its delay is over, with the page as a template', async () => {
    const { sut, batches, timers } = reporter();
    sut.capture(new TypeError('x is undefined'));
    sut.capture('plain rejection');
    expect(batches).toEqual([]);
    expect(timers).toHaveLength(1);
    timers[0]();
    await sut.flush();
    expect(batches).toEqual([
      [
        expect.objectContaining({ source: 'web', type: 'TypeError', message: 'x is undefined', route: '/products/[id]', appVersion: 'b1' }),
        { source: 'web', type: 'UnhandledRejection', message: 'plain rejection', route: '/products/[id]', appVersion: 'b1' },
      ],
    ]);
  });

  it('sends at once when 50 have gathered, and stops at 200 for the page', async () => {
    const { sut, batches } = reporter();
    for (let index = 0; index < 250; index += 1) sut.capture(new Error(`e${index}`));
    await sut.flush();
    expect(batches.map((batch) => batch.length)).toEqual([50, 50, 50, 50]);
  });
});

describe('routeTemplate and describeError', () => {
  it('replaces ids in paths and describes non-errors', () => {
    expect(routeTemplate('/sales/0192f0c4-0000-7000-8000-000000000000/refunds')).toBe('/sales/[id]/refunds');
    expect(describeError({ code: 42 })).toEqual({ type: 'UnhandledRejection', message: '{"code":42}' });
  });
});
