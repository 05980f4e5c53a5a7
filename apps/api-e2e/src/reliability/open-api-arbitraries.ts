import fc from 'fast-check';
import { allowsNull, InputField, OpenApiDocument, resolveSchema, SchemaObject } from '../support/open-api-document';

/** A JSON fragment sent as it is: what JSON.stringify cannot write (2^63 exactly, 1e400, 4,000-deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a generated value, with its RawJson fragments spliced in verbatim. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => toJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Known real values by field or parameter name (a store of the shop, its product): valid input reaches the service. */
export type KnownValues = Record<string, unknown[]>;

/** Text PostgreSQL cannot store or that breaks URI and Unicode handling: NUL characters and lone surrogates. */
const UNSTORABLE_STRINGS = ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00y', 'ok\uDBFF'];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u202Eevil',
  '\uFEFF',
  'Ǆß\u0301İ',
  '2024-02-30',
  '2024-02-30T10:00:00Z',
  '2024-13-45T25:61:61Z',
  '0000-00-00',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.test")',
  'null',
  'kas_00000000',
];

const RAW_NUMBERS = ['-1', '-0', '0.5', '-2147483649', '9007199254740993', '9223372036854775808', '-9223372036854775809', '1e300', '1e400', '-1e400', '5e-324'];

/** Arrays or objects nested `depth` deep, as raw JSON (no stack is spent building them). */
const deepNesting = fc
  .tuple(fc.integer({ min: 20, max: 4000 }), fc.boolean())
  .map(([depth, asArrays]) => new RawJson(asArrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

const hugeString = fc
  .tuple(fc.constantFrom(256, 1_001, 10_001, 100_001, 400_001), fc.constantFrom('x', 'é', '😀', '\u0000'))
  .map(([length, unit]) => unit.repeat(length / unit.length));

/** Text no string field should turn into a 5xx: NUL, lone surrogates, impossible dates, huge and odd Unicode. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...UNSTORABLE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);

const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...RAW_NUMBERS).map((text) => new RawJson(text)),
  fc.integer(),
  fc.double(),
);

/** A value no field should turn into a 5xx: wrong types, hostile text, extreme numbers, nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...RAW_NUMBERS).map((text) => new RawJson(text)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  deepNesting,
  fc.constantFrom([], {}, [null], { '': '' }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  fc.constantFrom('__proto__', 'constructor').map((key) => new RawJson(`{"${key}":{"polluted":true}}`)),
);

/** Hostile query and path text, percent-encoded as it travels (with bytes no encoder would write). */
export const hostileEncoded: fc.Arbitrary<string> = fc.oneof(
  fc
    .oneof(fc.constantFrom(...UNSTORABLE_STRINGS, ...HOSTILE_STRINGS, ...RAW_NUMBERS), fc.string({ unit: 'binary', maxLength: 40 }), hugeString)
    .map(percentEncode),
  fc.constantFrom('%ED%A0%80', '%E0%A4%A', '%FF%FE', '%', '%%', '%C0%AF', '..%2F..%2F'),
);

/** Every byte of the text's UTF-8 form outside the unreserved set, percent-encoded (lone surrogates become U+FFFD). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

const MAX_DEPTH = 4;

/** Values the schema accepts (as far as the schema says), with the shop's real values for fields it knows by name. */
export function validValue(document: OpenApiDocument, declared: SchemaObject, name: string, known: KnownValues, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(document, declared);
  const real = known[name];
  const nullable = allowsNull(declared) || schema.nullable === true;
  const value = real?.length ? fc.constantFrom(...real) : byType(document, schema, known, depth);
  return nullable ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
}

function byType(document: OpenApiDocument, schema: SchemaObject, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => validValue(document, variant, '', known, depth)));
  switch (schema.type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth >= MAX_DEPTH) return fc.constant([]);
      return fc.array(validValue(document, schema.items ?? {}, '', known, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    default: {
      if (depth >= MAX_DEPTH) return fc.constant({});
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxKeys: 3 });
      const fields = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, validValue(document, property, key, known, depth + 1)]));
      return fc.record(fields, { requiredKeys: (schema.required ?? []).filter((key) => key in fields) });
    }
  }
}

function stringOf(schema: SchemaObject): fc.Arbitrary<string> {
  const dates = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return dates.map((date) => date.toISOString());
    case 'date':
      return dates.map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
    case 'url':
      return fc.constant('https://93.184.215.14/fuzz');
  }
  const examples = schema.example !== undefined ? [fc.constant(String(schema.example))] : [];
  const text = fc.string({
    unit: 'grapheme',
    minLength: schema.minLength ?? 0,
    maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 40, 40)),
  });
  return examples.length ? fc.oneof(text, ...examples) : text;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !(value instanceof RawJson);

/** `value` with `path` set to `replacement`, creating the objects and arrays on the way. */
export function setAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) || (!isObject(value) && head === '0')) {
    const copy = Array.isArray(value) ? [...value] : [];
    copy[Number(head)] = setAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const base = isObject(value) ? value : {};
  return { ...base, [head]: setAt(base[head], rest, replacement) };
}

/** `value` without the last key of `path` (a required field left out). */
export function dropAt(value: unknown, path: string[]): unknown {
  if (!isObject(value)) return value;
  const [head, ...rest] = path;
  if (Array.isArray(value))
    return value.map((item, index) => (String(index) === head ? (rest.length ? dropAt(item, rest) : undefined) : item)).filter((item) => item !== undefined);
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = dropAt(copy[head], rest);
  return copy;
}

/** Hostile values for one field: of its own type half the time (what gets past type checks), of any type otherwise. */
export function hostileFor(field: InputField): fc.Arbitrary<unknown> {
  if (field.schema.type === 'string') return fc.oneof(hostileString, hostileValue);
  if (field.schema.type === 'integer' || field.schema.type === 'number') return fc.oneof(hostileNumber, hostileValue);
  return hostileValue;
}

/**
 * Valid bodies, and valid bodies with one mutation: a hostile value in one of `fields` (the likeliest),
 * a field left out, an extra field, or the whole body replaced.
 */
export function bodyArbitrary(valid: fc.Arbitrary<unknown>, fields: InputField[]): fc.Arbitrary<unknown> {
  type Mutation = (body: unknown) => unknown;
  // Unknown fields and whole-body swaps are refused before any service runs: tried, but less often.
  const mutations: fc.WeightedArbitrary<Mutation>[] = [
    {
      weight: 1,
      arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), hostileValue).map(
        ([key, extra]) =>
          (body: unknown) =>
            isObject(body) && !Array.isArray(body) ? { ...body, [key || 'extra']: extra } : body,
      ),
    },
    { weight: 1, arbitrary: hostileValue.map((replacement) => () => replacement) },
  ];
  if (fields.length > 0) {
    const replacements = fields.map((field) => hostileFor(field).map((replacement) => (body: unknown) => setAt(body, field.path, replacement)));
    mutations.push({ weight: 6, arbitrary: fc.oneof(...replacements) });
    mutations.push({ weight: 1, arbitrary: fc.constantFrom(...fields).map((field) => (body: unknown) => dropAt(body, field.path)) });
  }
  return fc.oneof({ weight: 1, arbitrary: valid }, { weight: 3, arbitrary: fc.tuple(valid, fc.oneof(...mutations)).map(([body, mutate]) => mutate(body)) });
}
