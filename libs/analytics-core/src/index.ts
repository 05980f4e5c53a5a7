export * from './lib/trend';
