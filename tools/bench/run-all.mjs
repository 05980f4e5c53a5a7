#!/usr/bin/env node
// `npm run bench`: runs every benchmark below, one after another, each on a fresh database with fixed seeds, and
// rewrites the summary in docs/benchmarks.md (between the bench:start/bench:end markers) with each figure, the
// baseline measured in the same run, their ratio, the target, the machine and the date.
//   npm run bench [-- --profile small] [-- --only catalog,spreadsheets]
// A benchmark plugs in with one line in BENCHES (its npm script); it reports by printing, as its last
// `BENCH_RESULT ` line, the JSON of tools/bench/src/bench-result.ts. One without that line is listed as not reporting.
// `--profile small` sets BENCH_PROFILE=small, which the reporting benchmarks read to scale down (a smoke run).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import path from 'node:path';

// Issue 32's benchmarks first; the rest still print text only (listed as "reports no figures" until they print a result).
const BENCHES = [
  'bench:catalog',
  'bench:spreadsheets',
  'bench:first-load-js',
  'bench:lighthouse',
  'bench:webhooks',
  'bench:outbox',
  'bench:spreadsheet-files',
  'bench:analytics',
  'bench:cache',
  'bench:checkout',
  'bench:realtime',
  'bench:till-scan',
  'bench:products-screen',
];

/** Benchmarks of the built apps: the API and web app are built first (Nx answers from its cache when nothing changed). */
const NEEDS_BUILD = new Set(['bench:first-load-js', 'bench:lighthouse']);

const root = path.resolve(import.meta.dirname, '../..');
const doc = path.join(root, 'docs/benchmarks.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const PREFIX = 'BENCH_RESULT ';

const option = (name) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};
const profile = option('profile') ?? 'full';
const only = option('only')?.split(',');
const selected = BENCHES.filter((script) => !only || only.includes(script.replace(/^bench:/, '')));

/** Runs a command, passing its output through, and answers its exit code and every stdout line. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, BENCH_PROFILE: profile }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code, lines: out.split('\n') }));
  });
}

const started = new Date();
const loadBefore = loadavg();
const results = [];
if (selected.some((script) => NEEDS_BUILD.has(script))) {
  const { code } = await run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static']);
  if (code !== 0) throw new Error('building the API and web app failed');
}
for (const script of selected) {
  const began = performance.now();
  const { code, lines } = await run('npm', ['run', '-s', script]);
  const line = lines.filter((text) => text.startsWith(PREFIX)).pop();
  results.push({ script, code, seconds: (performance.now() - began) / 1000, result: line ? JSON.parse(line.slice(PREFIX.length)) : null });
}
const loadAfter = loadavg();

const number = (value) => (Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(Number(value.toFixed(2))));
const rows = [];
const misses = [];
for (const { script, code, seconds, result } of results) {
  if (!result) {
    rows.push(`| \`${script}\` | ${code === 0 ? 'ran, reports no figures' : `failed (exit ${code})`} | | | | | |`);
    continue;
  }
  for (const figure of result.figures) {
    const baseline = figure.baseline ? `${number(figure.baseline.value)} ${figure.unit} (${figure.baseline.label})` : '—';
    const ratio = figure.baseline && figure.baseline.value ? `${(figure.value / figure.baseline.value).toFixed(2)}×` : '—';
    const met = figure.met === undefined ? '' : figure.met ? 'yes' : '**no**';
    rows.push(
      `| \`${script}\` | ${figure.name} | ${number(figure.value)} ${figure.unit} | ${baseline} | ${ratio} | ${figure.target ? `${figure.target} ${figure.unit}` : '—'} | ${met} |`,
    );
    if (figure.met === false)
      misses.push(
        `- \`${script}\` ${figure.name}: ${number(figure.value)} ${figure.unit}, target ${figure.target} ${figure.unit}${figure.note ? ` (${figure.note})` : ''}`,
      );
  }
  if (code !== 0) rows.push(`| \`${script}\` | failed (exit ${code}) after reporting | | | | | |`);
  rows.push(`| \`${script}\` | ${seconds.toFixed(0)} s to run | | | | | |`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const gb = (bytes) => `${(bytes / 1024 ** 3).toFixed(0)} GB`;
const summary = [
  `Run ${started.toISOString().replace(/\.\d+Z$/, 'Z')} by \`npm run bench${profile === 'full' ? '' : ` -- --profile ${profile}`}\`, profile **${profile}**` +
    `${only ? ` (only ${only.join(', ')})` : ''}; ${cpus().length} × ${cpu}, ${gb(totalmem())} RAM (${gb(freemem())} free at the end), Node ${process.versions.node}.`,
  `Load average ${loadBefore.map((value) => value.toFixed(1)).join(' / ')} at the start and ${loadAfter.map((value) => value.toFixed(1)).join(' / ')} at the end` +
    ` (1 / 5 / 15 min): ${loadBefore[0] > cpus().length || loadAfter[0] > cpus().length ? '**a loaded machine** — other work shared the CPUs, so times are inflated' : 'a quiet machine'}.`,
  '',
  '| Benchmark | Figure | Value | Baseline (same run) | Ratio | Target | Met |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  misses.length ? `Targets not met in this run:\n${misses.join('\n')}` : 'Every target with a figure in this run was met.',
].join('\n');

const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n';
const body = text.includes(START)
  ? text.slice(0, text.indexOf(START)) + START + '\n' + summary + '\n' + text.slice(text.indexOf(END))
  : `${text}\n${START}\n${summary}\n${END}\n`;
writeFileSync(doc, body);
console.log(`\n${summary}`);
process.exit(results.some((entry) => entry.code !== 0) ? 1 : 0);
