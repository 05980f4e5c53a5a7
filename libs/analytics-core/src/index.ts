export * from './lib/trend';
export * from './lib/forecast/forecast';
export * from './lib/forecast/forecast-point';
export * from './lib/forecast/backtest';
export * from './lib/forecast/holt-winters';
