import type { FieldError } from '@kassa/contracts';
import type { FastifyInstance } from 'fastify';
import { invalidFields } from './http.exception';

/** Deeper than any DTO goes; class-transformer recurses once per level and overflows the stack near 3,000. */
export const MAX_INPUT_DEPTH = 64;
const MAX_REPORTED = 20;
// A UTF-16 surrogate without its partner (String.prototype.isWellFormed, which the es2023 lib does not type yet).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  // PostgreSQL cannot store a lone surrogate, and encodeURI (inside validators) throws on one.
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode text';
  return undefined;
}

function numberProblem(value: number): string | undefined {
  return Math.abs(value) > Number.MAX_SAFE_INTEGER ? `must be between ${-Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` : undefined;
}

/** Parsed JSON, query strings (objects without a prototype) and path parameters; a Buffer (a binary body) is left alone. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/**
 * Values no field of the API accepts, wherever they are in a parsed body, query or path: NUL
 * characters, lone surrogates (in values and in keys), numbers past 2^53 (JSON parsing has already
 * rounded them) and nesting deeper than MAX_INPUT_DEPTH, reported at the top-level field that holds it.
 * Iterative, so no input can exhaust the stack.
 */
export function unacceptableInput(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  // Each value knows its key and its container's entry; a path is spelled out only for a value reported.
  interface Entry {
    value: unknown;
    key?: string | number;
    parent?: Entry;
    depth: number;
  }
  const pathOf = (entry: Entry): string[] => (entry.parent ? [...pathOf(entry.parent), String(entry.key)] : []);
  const pending: Entry[] = [{ value: input, depth: 0 }];
  for (let next = pending.pop(); next && errors.length < MAX_REPORTED; next = pending.pop()) {
    const { value } = next;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) {
        const field = pathOf(next).join('.') || 'body';
        errors.push({ field, message: `${field} ${problem}` });
      }
    } else if (typeof value === 'number') {
      const problem = numberProblem(value);
      if (problem) {
        const field = pathOf(next).join('.') || 'body';
        errors.push({ field, message: `${field} ${problem}` });
      }
    } else if (isContainer(value)) {
      if (next.depth >= MAX_INPUT_DEPTH) {
        const top = pathOf(next)[0];
        errors.push({ field: top, message: `${top} is nested deeper than ${MAX_INPUT_DEPTH} levels` });
        continue;
      }
      const depth = next.depth + 1;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], key: i, parent: next, depth });
        continue;
      }
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const keyProblem = stringProblem(key);
        if (keyProblem) errors.push({ field: [...pathOf(next), key].join('.'), message: `a field name ${keyProblem}` });
        else pending.push({ value: value[key], key, parent: next, depth });
      }
    }
  }
  return errors;
}

/** Refuses unacceptable values in the body, query string and path of every request before any handler sees them. */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const errors = [request.params, request.query, request.body].flatMap((input) => unacceptableInput(input));
    done(errors.length > 0 ? invalidFields(errors) : undefined);
  });
}
