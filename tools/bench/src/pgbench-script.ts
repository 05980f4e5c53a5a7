import { isUuid } from '@kassa/contracts';
import type { RecordedStatement } from './statement-watch';

/** A value that changes from one pgbench transaction to the next. */
export interface PerTransaction {
  /** Its pgbench variable (and the set-up query's column). */
  name: string;
  /** SQL giving it, evaluated once per transaction in the set-up query. */
  sql: string;
}

export interface PgbenchScriptOptions {
  /** Meta-commands that open each transaction, e.g. `\set n1 random(1, 333)`. */
  meta: string[];
  /** Recorded values (as text) that stand for per-transaction choices: a product, a register, a receipt number. */
  varying: Map<string, PerTransaction>;
  /** FROM (and WHERE) for the `varying` expressions. */
  from: string;
  /** Recorded uuids that are the same in every transaction: the tenant, the store, the user. */
  fixed: Set<string>;
  /** SQL for a new id, wherever the recording shows one the application generated. */
  newId: string;
}

export interface PgbenchScript {
  text: string;
  /** Constants for `-D name=value`: passed as parameters, as the application passes them. */
  defines: Map<string, string>;
  /** SQL statements per transaction, the set-up query included. */
  statements: number;
}

// pgbench reads `:name` anywhere in a SQL command as a variable, quoted literals included.
const VARIABLE_LIKE = /:[A-Za-z0-9_]/;

function literal(text: string): string {
  return VARIABLE_LIKE.test(text) || text.includes('\\')
    ? `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/:/g, '\\x3a')}'`
    : `'${text.replace(/'/g, "''")}'`;
}

/** As node-postgres turns a JavaScript array into an array parameter. */
function arrayLiteral(values: unknown[]): string {
  const element = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  };
  return `{${values.map(element).join(',')}}`;
}

function uuidsIn(rows: Record<string, unknown>[]): string[] {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' && isUuid(value)) found.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) Object.values(value).forEach(visit);
  };
  rows.forEach(visit);
  return found;
}

/**
 * Rewrites one statement's text for pgbench: `$n` becomes the n-th reference, whitespace outside
 * literals collapses, and literals that pgbench would read variables in are spelled without a colon.
 */
function rewrite(text: string, references: string[]): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === "'" || char === '"') {
      let end = i + 1;
      while (end < text.length && !(text[end] === char && text[end + 1] !== char)) end += text[end] === char ? 2 : 1;
      const body = text.slice(i + 1, end);
      out += char === "'" ? literal(body.replace(/''/g, "'")) : text.slice(i, end + 1);
      i = end + 1;
    } else if (char === '$' && /\d/.test(text[i + 1] ?? '')) {
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0] ?? '';
      out += references[Number(digits) - 1];
      i += 1 + digits.length;
    } else if (/\s/.test(char)) {
      while (i < text.length && /\s/.test(text[i])) i++;
      out += ' ';
    } else if (char === ':' && text[i + 1] === ':') {
      out += '::';
      i += 2;
    } else if (char === ':') {
      throw new Error(`pgbench would read a variable at "${text.slice(i, i + 20)}" in: ${text}`);
    } else {
      out += char;
      i++;
    }
  }
  return out.trim();
}

/**
 * A pgbench script replaying recorded statements, one recorded unit of work per transaction. Each
 * transaction starts with one set-up query that picks its varying values (`\gset`) and new ids for
 * every uuid the application generated; the rest is the recorded statements word for word, with the
 * same parameters, and the constants passed as parameters too. A uuid that first came out of the
 * database and is neither fixed nor varying cannot be replayed faithfully, so it is refused.
 */
export function renderPgbenchScript(recorded: RecordedStatement[], options: PgbenchScriptOptions): PgbenchScript {
  const defines = new Map<string, string>();
  const constantNames = new Map<string, string>();
  const newIds = new Map<string, string>();
  const arrays: string[] = [];
  const fromDatabase = new Set<string>();

  const constant = (text: string) => {
    let name = constantNames.get(text);
    if (!name) {
      name = `c${constantNames.size + 1}`;
      constantNames.set(text, name);
      defines.set(name, text);
    }
    return `:${name}`;
  };
  /** The per-transaction variable a recorded value stands for, if any. */
  const perTransaction = (text: string, statement: string): string | undefined => {
    const varying = options.varying.get(text);
    if (varying) return varying.name;
    if (!isUuid(text) || options.fixed.has(text)) return undefined;
    let name = newIds.get(text);
    if (!name) {
      if (fromDatabase.has(text)) throw new Error(`${text} came from the database and is neither fixed nor varying; used in: ${statement}`);
      name = `u${newIds.size + 1}`;
      newIds.set(text, name);
    }
    return name;
  };
  const parameter = (value: unknown, statement: string): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Buffer.isBuffer(value)) return constant(`\\x${value.toString('hex')}`);
    if (value instanceof Date) return constant(value.toISOString());
    if (Array.isArray(value)) {
      const names = value.map((element) =>
        element === null || element === undefined || typeof element === 'object' ? undefined : perTransaction(String(element), statement),
      );
      if (names.every((name) => name === undefined)) return constant(arrayLiteral(value));
      const elements = value.map((element, index) => {
        if (element === null || element === undefined) return 'NULL';
        if (typeof element === 'object') throw new Error(`cannot vary an array of objects in: ${statement}`);
        return names[index] ? `v.${names[index]}::text` : literal(String(element));
      });
      arrays.push(`ARRAY[${elements.join(', ')}]::text AS a${arrays.length + 1}`);
      return `:a${arrays.length}`;
    }
    if (typeof value === 'object') return constant(JSON.stringify(value));
    const text = String(value);
    const name = perTransaction(text, statement);
    return name ? `:${name}` : constant(text);
  };

  const statements = recorded.map((statement) => {
    const references = statement.values.map((value) => parameter(value, statement.text));
    const sql = rewrite(statement.text, references);
    for (const id of uuidsIn(statement.rows)) {
      if (!newIds.has(id) && !options.varying.has(id) && !options.fixed.has(id)) fromDatabase.add(id);
    }
    return `${sql};`;
  });

  const columns = [
    ...[...options.varying.values()].map((varying) => `${varying.sql} AS ${varying.name}`),
    ...[...newIds.values()].map((name) => `${options.newId} AS ${name}`),
  ];
  const setUp = `SELECT v.*${arrays.map((array) => `, ${array}`).join('')} FROM (SELECT ${columns.join(', ')} FROM ${options.from}) v \\gset`;
  return { text: [...options.meta, setUp, ...statements, ''].join('\n'), defines, statements: statements.length + 1 };
}
