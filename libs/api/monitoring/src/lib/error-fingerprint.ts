import { createHash } from 'node:crypto';

/** Where an error happened: the API itself, or a browser of the back office or the till. */
export type ErrorSource = 'api' | 'web' | 'pos';
export type ErrorSeverity = 'fatal' | 'error' | 'warning';

const FRAME_COUNT = 5;

/**
 * The top stack frames without what changes between builds and runs: line and column numbers,
 * absolute paths (only the file name stays), query strings and hashes of bundled chunks.
 */
export function normalizedFrames(stack: string | undefined): string[] {
  if (!stack) return [];
  return stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at ') || /@\S+:\d+:\d+$/.test(line))
    .slice(0, FRAME_COUNT)
    .map((line) =>
      line
        .replace(/:\d+:\d+\)?$/, '')
        .replace(/\?[^\s)]*/g, '')
        .replace(/[^\s(@]*\/([^/\s)]+)$/, '$1')
        .replace(/[.-][0-9a-f]{8,}(?=\.js)/gi, ''),
    );
}

/** Groups occurrences of one error: its type, where in the code, and which route (issue 28). */
export function errorFingerprint(source: ErrorSource, type: string, stack: string | undefined, route: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([source, type, normalizedFrames(stack), route ?? '']))
    .digest('hex')
    .slice(0, 32);
}

const SECRETS: [RegExp, string][] = [
  [/\b(Bearer|Device|Basic)\s+[\w.~+/=-]+/gi, '$1 [redacted]'],
  [/\b(kas|whsec)_[\w+/=-]+/g, '$1_[redacted]'],
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted jwt]'],
  [/((?:password|passwd|secret|token|api[_-]?key|pin)["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, '$1[redacted]'],
];

/** Takes credentials out of a message or stack before it is stored or forwarded. */
export function scrubSecrets(text: string): string {
  return SECRETS.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}
