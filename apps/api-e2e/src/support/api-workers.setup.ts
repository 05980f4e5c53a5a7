// Jest setup of the api-e2e-workers project: the API under test runs as 2 processes (see support/test-api.ts).
process.env['TEST_API_WORKERS'] = '2';
