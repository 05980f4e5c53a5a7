/** The parts of the app's OpenAPI 3.1 document that suites read to learn each operation's inputs. */
export interface SchemaObject {
  $ref?: string;
  allOf?: SchemaObject[];
  /** OpenAPI 3.1 says a nullable field by listing `'null'` among its types; resolveSchema reads it back as `nullable`. */
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  /** Not in the document (3.1 has no `nullable`): set by resolveSchema when the schema allows null. */
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
}

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema?: SchemaObject;
}

export interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { content?: Record<string, { schema?: SchemaObject }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, SchemaObject> };
}

/** One input of an operation: a body field (path into the body) or a query parameter. */
export interface InputField {
  path: string[];
  schema: SchemaObject;
  /** The document says `null` is a value the field takes. */
  nullable: boolean;
}

export interface OperationInputs {
  body?: SchemaObject;
  query: InputField[];
}

const isNullType = (schema: SchemaObject) => schema.type === 'null';

/** The schema allows `null`: `type: [..., 'null']`, or `anyOf: [..., { type: 'null' }]`. */
export function allowsNull(schema: SchemaObject): boolean {
  return (Array.isArray(schema.type) && schema.type.includes('null')) || (schema.anyOf ?? []).some(isNullType) || schema.nullable === true;
}

/**
 * Follows `$ref`, the `allOf: [{ $ref }]` wrapper Nest writes for nested DTOs and the `anyOf: [X, { type: 'null' }]` of
 * a nullable one, and reads a type list (`['string', 'null']`) as its one type with `nullable`.
 */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref) return resolveSchema(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolveSchema(document, schema.allOf[0]), nullable: allowsNull(schema) || undefined };
  const variants = schema.anyOf?.filter((variant) => !isNullType(variant));
  if (variants?.length === 1 && variants.length < (schema.anyOf?.length ?? 0)) return { ...resolveSchema(document, variants[0]), nullable: true };
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== 'null');
    return { ...schema, type: types.length === 1 ? types[0] : types, nullable: schema.type.includes('null') || undefined };
  }
  return schema;
}

/** A Nest route (`/api/v1/sales/:id`) as the document spells it (`/api/v1/sales/{id}`). */
export function documentPathOf(routePath: string): string {
  return routePath.replace(/:(\w+)/g, '{$1}');
}

export function operationInputs(document: OpenApiDocument, method: string, routePath: string): OperationInputs {
  const operation = document.paths[documentPathOf(routePath)]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${routePath} is not in the OpenAPI document`);
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  return {
    body: bodySchema ? resolveSchema(document, bodySchema) : undefined,
    query: (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => ({ path: [parameter.name], schema: resolveSchema(document, parameter.schema ?? {}), nullable: false })),
  };
}

/**
 * Every field of a body schema down to `depth` levels of nesting; an array's first item counts as
 * a field of its own (`storeIds.0`), and the path into an array of objects goes through it (`lines.0.discount`).
 */
export function bodyFields(document: OpenApiDocument, schema: SchemaObject, depth = 3, prefix: string[] = []): InputField[] {
  if (depth === 0) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, declared]) => {
    const resolved = resolveSchema(document, declared);
    const field: InputField = { path: [...prefix, name], schema: resolved, nullable: allowsNull(declared) || resolved.nullable === true };
    if (resolved.type !== 'array' || !resolved.items) return [field, ...bodyFields(document, resolved, depth - 1, field.path)];
    const items = resolveSchema(document, resolved.items);
    const item: InputField = { path: [...field.path, '0'], schema: items, nullable: false };
    return [field, item, ...bodyFields(document, items, depth - 1, item.path)];
  });
}
