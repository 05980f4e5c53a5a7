export default {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  // One Chromium for every browser suite (the brief: share one Chromium).
  globalSetup: '<rootDir>/src/support/chromium-server.ts',
  globalTeardown: '<rootDir>/src/support/chromium-server-stop.ts',
};
