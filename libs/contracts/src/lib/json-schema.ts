/**
 * JSON Schema 2020-12 (the dialect of OpenAPI 3.1) written once, with its TypeScript type derived from it: the event
 * payloads are described here and nowhere else, and producers are typed by what the schema says.
 */
declare const STATIC: unique symbol;

/** A plain JSON Schema object; `Schema<T>` remembers, for the compiler only, the type of the values it accepts. */
export type JsonSchema = { readonly [keyword: string]: unknown };
export type Schema<T> = JsonSchema & { readonly [STATIC]?: T };
export type Static<S> = S extends Schema<infer T> ? T : never;

type Annotations = { description?: string; example?: unknown };

export const string = (annotations: Annotations & { minLength?: number; maxLength?: number; pattern?: string } = {}): Schema<string> => ({
  type: 'string',
  ...annotations,
});
export const uuid = (annotations: Annotations = {}): Schema<string> => ({ type: 'string', format: 'uuid', ...annotations });
export const dateTime = (annotations: Annotations = {}): Schema<string> => ({ type: 'string', format: 'date-time', ...annotations });
export const date = (annotations: Annotations = {}): Schema<string> => ({ type: 'string', format: 'date', ...annotations });
export const boolean = (annotations: Annotations = {}): Schema<boolean> => ({ type: 'boolean', ...annotations });
export const integer = (annotations: Annotations & { minimum?: number; maximum?: number } = {}): Schema<number> => ({
  type: 'integer',
  ...annotations,
});
/** An amount in minor units of the shop's currency (DESIGN.md §2). */
export const minor = (annotations: Annotations & { minimum?: number } = {}): Schema<number> => ({ type: 'integer', format: 'int64', ...annotations });

export const literal = <const V extends string>(value: V, annotations: Annotations = {}): Schema<V> => ({ type: 'string', const: value, ...annotations });
export const oneOf = <const V extends string>(values: readonly V[], annotations: Annotations = {}): Schema<V> => ({
  type: 'string',
  enum: [...values],
  ...annotations,
});

export const array = <T>(items: Schema<T>, annotations: Annotations = {}): Schema<T[]> => ({ type: 'array', items, ...annotations });

/** The value or `null`: `null` among the types of a scalar, else `anyOf` (a titled object stays one named schema). */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  const { type, description, ...rest } = schema as { type?: unknown; description?: unknown; enum?: unknown[] };
  if (typeof type === 'string' && type !== 'object' && type !== 'array') {
    const withNull = { ...rest, type: [type, 'null'], ...(description === undefined ? {} : { description }) };
    return Array.isArray(rest.enum) ? { ...withNull, enum: [...rest.enum, null] } : withNull;
  }
  return { anyOf: [schema, { type: 'null' }], ...(description === undefined ? {} : { description }) };
}

export type Properties = Record<string, Schema<unknown>>;
export type ObjectOf<P extends Properties> = { -readonly [K in keyof P]: Static<P[K]> };
export type ObjectSchema<P extends Properties> = Schema<ObjectOf<P>> & { readonly properties: P };

/**
 * An object with exactly these properties, all required: a field a producer adds without adding it here fails the
 * payload checks (`additionalProperties: false`). A `title` makes it a named schema of the OpenAPI document.
 */
export const object = <P extends Properties>(properties: P, annotations: Annotations & { title?: string } = {}): ObjectSchema<P> =>
  ({
    type: 'object',
    ...annotations,
    required: Object.keys(properties),
    properties,
    additionalProperties: false,
  }) as unknown as ObjectSchema<P>;

/** The base object's properties and some more, as a new object (JSON Schema's `allOf` cannot extend a closed object). */
export const extend = <B extends Properties, P extends Properties>(
  base: ObjectSchema<B>,
  properties: P,
  annotations: Annotations & { title?: string } = {},
): ObjectSchema<Omit<B, keyof P> & P> => object({ ...base.properties, ...properties } as Omit<B, keyof P> & P, annotations);

/** Exactly one of these shapes (closed objects never overlap, so `oneOf` holds). */
export const union = <S extends Schema<unknown>[]>(schemas: S, annotations: Annotations = {}): Schema<Static<S[number]>> => ({
  oneOf: schemas,
  ...annotations,
});
