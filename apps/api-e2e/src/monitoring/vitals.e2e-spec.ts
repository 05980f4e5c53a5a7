import request from 'supertest';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

interface VitalRow {
  page: string;
  metric: string;
  source: string;
  samples: number;
  p75: number;
  rating: string;
}

describe('Web Vitals from the browsers', () => {
  let api: TestApi;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const report = (token: string, body: object) => http().post('/api/v1/monitoring/client-events').set(bearer(token)).send(body);
  const vital = (metric: string, value: number, route = '/dashboard', source = 'web') => ({ source, metric, value, route });
  const vitalsOf = async (shop: TenantFixture): Promise<VitalRow[]> =>
    expectStatus(await http().get('/api/v1/monitoring/summary').set(bearer(shop.owner.accessToken)), 200).body.vitals;

  beforeAll(async () => {
    api = await startTestApi();
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it("rolls vitals up per page, metric and source with their 75th percentile and rating, for the reporter's shop only", async () => {
    const batch = {
      vitals: [vital('LCP', 1200), vital('LCP', 1800), vital('LCP', 2300), vital('LCP', 5200), vital('CLS', 0.02), vital('TTFB', 950, '/pos', 'pos')],
    };
    expect(expectStatus(await report(a.cashier.accessToken, batch), 202).body).toEqual({ recorded: 6, dropped: 0 });
    // Errors and vitals travel in one batch.
    const mixed = {
      errors: [{ source: 'web', type: 'TypeError', message: 'with a vital', route: '/dashboard' }],
      vitals: [vital('INP', 120, '/products/[id]')],
    };
    expect(expectStatus(await report(a.manager.accessToken, mixed), 202).body).toEqual({ recorded: 2, dropped: 0 });

    expect(await vitalsOf(a)).toEqual([
      { page: '/dashboard', metric: 'CLS', source: 'web', samples: 1, p75: 0.025, rating: 'good' },
      // 1,200 / 1,800 / 2,300 / 5,200 ms: the third of four is the 75th percentile, in the bucket up to 2,500 ms.
      { page: '/dashboard', metric: 'LCP', source: 'web', samples: 4, p75: 2500, rating: 'good' },
      { page: '/pos', metric: 'TTFB', source: 'pos', samples: 1, p75: 1200, rating: 'needs-improvement' },
      { page: '/products/[id]', metric: 'INP', source: 'web', samples: 1, p75: 150, rating: 'good' },
    ]);
    expect(await vitalsOf(b)).toEqual([]);
    const rows = await ownerQuery<{ tenant_id: string; samples: number }>(api, `SELECT tenant_id, samples FROM client_vital_rollup WHERE tenant_id = $1`, [
      b.id,
    ]);
    expect(rows).toEqual([]);

    // The same minute's rows grow: a later batch adds to them rather than replacing them.
    expectStatus(await report(a.owner.accessToken, { vitals: [vital('LCP', 9000), vital('LCP', 9000), vital('LCP', 9000), vital('LCP', 9000)] }), 202);
    expect((await vitalsOf(a)).find((row) => row.metric === 'LCP')).toMatchObject({ samples: 8, p75: 10000, rating: 'poor' });
  });

  it('refuses bad vitals with a 400 naming the field', async () => {
    for (const [body, field] of [
      [{}, 'errors'],
      [{ vitals: [] }, 'vitals'],
      [{ vitals: Array.from({ length: 51 }, () => vital('LCP', 1)) }, 'vitals'],
      [{ vitals: [vital('FID', 10)] }, 'vitals.0.metric'],
      [{ vitals: [vital('LCP', -5)] }, 'vitals.0.value'],
      [{ vitals: [{ ...vital('LCP', 5), value: 'fast' }] }, 'vitals.0.value'],
      [{ vitals: [vital('LCP', 5, '/dashboard', 'api')] }, 'vitals.0.source'],
      [{ vitals: [{ source: 'web', metric: 'LCP', value: 5 }] }, 'vitals.0.route'],
      [{ vitals: [[vital('LCP', 5)]] }, 'vitals'],
    ] as const) {
      const refused = await report(a.owner.accessToken, body);
      expect([JSON.stringify(body).slice(0, 80), refused.status]).toEqual([JSON.stringify(body).slice(0, 80), 400]);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });
});
