#!/usr/bin/env node
// First-load JS of prerendered routes, from the built web app (`nx run web:build` first).
// Next 16 no longer prints sizes after `next build`; this reads each route's prerendered HTML,
// takes every module script it loads (not the `nomodule` polyfills, which modern browsers skip),
// and sums their sizes raw and gzipped (level 9, as a CDN would serve them).
//   node tools/bench/first-load-js.mjs [/login /dashboard …]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(import.meta.dirname, '../..');
const nextDir = path.join(root, 'apps/web/.next');
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/login', '/dashboard', '/pos'];
const SCRIPT = /<script\b([^>]*)\bsrc="\/_next\/([^"]+\.js)"([^>]*)>/g;

function scriptsOf(route) {
  const html = path.join(nextDir, 'server/app', `${route === '/' ? 'index' : route.slice(1)}.html`);
  if (!existsSync(html)) throw new Error(`${route}: no prerendered HTML at ${path.relative(root, html)} (build first; dynamic routes are not measured)`);
  const files = new Set();
  for (const [, before, file, after] of readFileSync(html, 'utf8').matchAll(SCRIPT)) {
    if (!/nomodule/i.test(before + after)) files.add(file);
  }
  return [...files];
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** The till's first-load budget (gzipped); the other routes are reported without one. */
const BUDGET_KB = { '/pos': 170 };
const figures = [];
for (const route of routes) {
  let raw = 0;
  let gzip = 0;
  const files = scriptsOf(route);
  for (const file of files) {
    const content = readFileSync(path.join(nextDir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  console.log(`${route.padEnd(14)} ${kb(gzip).padStart(10)} gzipped  ${kb(raw).padStart(10)} raw  (${files.length} scripts)`);
  const value = Number((gzip / 1024).toFixed(1));
  const budget = BUDGET_KB[route];
  figures.push({ name: `${route} first-load JS, gzipped`, value, unit: 'KB', ...(budget ? { target: `≤ ${budget}`, met: value <= budget } : {}) });
}
// For `npm run bench` (tools/bench/run-all.mjs): the figures as its last line.
console.log('BENCH_RESULT ' + JSON.stringify({ bench: 'first-load-js', figures }));
