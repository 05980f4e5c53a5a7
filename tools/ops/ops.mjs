#!/usr/bin/env node
// Operators' view across tenants (issue 28): `node tools/ops/ops.mjs errors|tenants|summary [hours=24]`.
// Connects with DATABASE_URL as the schema owner, whose owner_select policies on error_log and
// request_rollup read every tenant (docs/decisions/0018). The API's own role cannot do this.
import pg from 'pg';

const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];
const [command, hoursArgument] = process.argv.slice(2);
const hours = Number(hoursArgument ?? 24);

/** The upper bound (ms) of the bucket holding the q-quantile: an upper estimate, enough for an operator's table. */
function quantileBound(counts, q) {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return '';
  let seen = 0;
  for (let index = 0; index < counts.length; index += 1) {
    seen += counts[index];
    if (seen >= q * total) return index < BUCKETS_MS.length ? `≤${BUCKETS_MS[index]}` : `>${BUCKETS_MS.at(-1)}`;
  }
  return '';
}

const BUCKET_SUMS = Array.from({ length: BUCKETS_MS.length + 1 }, (_, index) => `sum(r.latency_buckets[${index + 1}])::int`).join(', ');
const tenantOf = (column) => `coalesce((SELECT d.slug FROM tenant_directory d WHERE d.tenant_id = ${column} LIMIT 1), ${column}::text)`;

const QUERIES = {
  errors: [
    `SELECT ${tenantOf('x.tenant_id')} AS tenant, x.source, x.status, x.count, x.type, left(x.message, 80) AS message, x.route,
            to_char(x.last_seen_at, 'YYYY-MM-DD HH24:MI') AS "last seen"
       FROM error_log x WHERE x.last_seen_at >= now() - make_interval(hours => $1)
      ORDER BY x.status, x.count DESC LIMIT 50`,
    (row) => row,
  ],
  tenants: [
    `SELECT ${tenantOf('r.tenant_id')} AS tenant, sum(r.requests)::int AS requests, sum(r.errors)::int AS errors,
            sum(r.cache_hits)::int AS "cache hits", sum(r.cache_misses)::int AS "cache misses", ARRAY[${BUCKET_SUMS}] AS buckets
       FROM request_rollup r
      WHERE r.minute >= now() - make_interval(hours => $1) GROUP BY r.tenant_id ORDER BY requests DESC LIMIT 50`,
    ({ buckets, ...row }) => ({ ...row, 'p95 ms': quantileBound(buckets, 0.95), 'p99 ms': quantileBound(buckets, 0.99) }),
  ],
  summary: [
    `SELECT r.route, sum(r.requests)::int AS requests, sum(r.errors)::int AS errors, count(DISTINCT r.tenant_id)::int AS tenants,
            ARRAY[${BUCKET_SUMS}] AS buckets
       FROM request_rollup r WHERE r.minute >= now() - make_interval(hours => $1) GROUP BY r.route ORDER BY requests DESC LIMIT 50`,
    ({ buckets, ...row }) => ({
      ...row,
      'p50 ms': quantileBound(buckets, 0.5),
      'p95 ms': quantileBound(buckets, 0.95),
      'p99 ms': quantileBound(buckets, 0.99),
    }),
  ],
};

async function main() {
  const query = QUERIES[command];
  if (!query || !Number.isFinite(hours) || hours <= 0) {
    console.error('usage: ops errors|tenants|summary [hours=24]   (DATABASE_URL: the schema owner)');
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL must point at the database as its schema owner');
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(query[0], [hours]);
    console.table(rows.map(query[1]));
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
