import { ClientErrorReporter, ClientEventBatch, describeError, routeTemplate } from './client-error-reporter';

function reporter() {
  const sent: ClientEventBatch[] = [];
  const batches = {
    get errors() {
      return sent.filter((batch) => batch.errors).map((batch) => batch.errors);
    },
  };
  const timers: (() => void)[] = [];
  const sut = new ClientErrorReporter({
    source: 'web',
    route: () => '/products/0192f0c4-0000-7000-8000-000000000000',
    appVersion: 'b1',
    send: async (batch) => sent.push(batch),
    schedule: (run) => timers.push(run),
  });
  return { sut, batches, sent, timers };
}

describe('ClientErrorReporter', () => {
  it('sends what gathered as one batch once its delay is over, with the page as a template', async () => {
    const { sut, batches, timers } = reporter();
    sut.capture(new TypeError('x is undefined'));
    sut.capture('plain rejection');
    expect(batches.errors).toEqual([]);
    expect(timers).toHaveLength(1);
    timers[0]();
    await sut.flush();
    expect(batches.errors).toEqual([
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
    expect(batches.errors.map((batch) => batch?.length)).toEqual([50, 50, 50, 50]);
  });

  it('sends Web Vitals with the page as a template, beside errors in the same batch, and ignores values that are no measure', async () => {
    const { sut, sent, timers } = reporter();
    sut.captureVital('LCP', 1234.5);
    sut.captureVital('CLS', 0.02);
    sut.captureVital('INP', Number.NaN);
    sut.captureVital('TTFB', -1);
    sut.capture(new Error('boom'));
    expect(timers).toHaveLength(1);
    await sut.flush();
    expect(sent).toEqual([
      {
        errors: [expect.objectContaining({ message: 'boom' })],
        vitals: [
          { source: 'web', metric: 'LCP', value: 1234.5, route: '/products/[id]' },
          { source: 'web', metric: 'CLS', value: 0.02, route: '/products/[id]' },
        ],
      },
    ]);
    for (let index = 0; index < 250; index += 1) sut.captureVital('INP', index);
    await sut.flush();
    expect(sent.slice(1).map((batch) => [batch.errors, batch.vitals?.length])).toEqual([
      [undefined, 50],
      [undefined, 50],
      [undefined, 50],
      [undefined, 48],
    ]);
  });
});

describe('routeTemplate and describeError', () => {
  it('replaces ids in paths and describes non-errors', () => {
    expect(routeTemplate('/sales/0192f0c4-0000-7000-8000-000000000000/refunds')).toBe('/sales/[id]/refunds');
    expect(describeError({ code: 42 })).toEqual({ type: 'UnhandledRejection', message: '{"code":42}' });
  });
});
