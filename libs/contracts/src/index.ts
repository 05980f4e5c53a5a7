export * from './lib/error-code';
export * from './lib/problem';
export * from './lib/health';
export * from './lib/uuidv7';
export * from './lib/permissions';
export * from './lib/identity';
export * from './lib/events';
export * from './lib/catalog';
