import request from 'supertest';
import { freePort } from '@kassa/testing';
import { startTestApi, TestApi } from '../support/test-api';

describe('health', () => {
  describe('with PostgreSQL and Redis up', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(() => api.close());

    it('is live', async () => {
      const response = await request(api.app.getHttpServer()).get('/health/live');
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('ok');
    });

    it('is ready, having checked the database and Redis', async () => {
      const response = await request(api.app.getHttpServer()).get('/health/ready');
      expect(response.status).toBe(200);
      expect(response.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
    });

    it('reports the runtime it was configured with', async () => {
      const response = await request(api.app.getHttpServer()).get('/api/v1/system');
      expect(response.status).toBe(200);
      expect(response.body.runtime).toEqual({ database: 'postgres', redis: 'redis' });
    });
  });

  describe('with Redis unreachable', () => {
    let api: TestApi;

    beforeAll(async () => {
      const nothingListens = await freePort();
      api = await startTestApi({ env: { REDIS_URL: `redis://127.0.0.1:${nothingListens}` } });
    });
    afterAll(() => api.close());

    it('is still live but not ready, and says Redis is the part that is down', async () => {
      expect((await request(api.app.getHttpServer()).get('/health/live')).status).toBe(200);
      const response = await request(api.app.getHttpServer()).get('/health/ready');
      expect(response.status).toBe(503);
      expect(response.body.details.database).toEqual({ status: 'up' });
      expect(response.body.details.redis.status).toBe('down');
    });
  });
});
