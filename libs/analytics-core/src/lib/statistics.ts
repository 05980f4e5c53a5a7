import type * as SimpleStatistics from 'simple-statistics' with { 'resolution-mode': 'import' };

// simple-statistics types itself as an ES module, which TypeScript's node16 mode refuses to `import`
// from our CommonJS output even though the package ships a CommonJS build under its "require"
// condition. Typing a plain require keeps the types and loads that build.
const statistics: typeof SimpleStatistics = require('simple-statistics');

export const { mean, median, sum, linearRegression, medianAbsoluteDeviation, probit, sampleStandardDeviation, variance } = statistics;
