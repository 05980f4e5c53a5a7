export { TillApp } from './lib/till-app';
