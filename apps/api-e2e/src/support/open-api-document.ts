/** The parts of the app's OpenAPI 3 document that suites read to learn each operation's inputs. */
export interface SchemaObject {
  $ref?: string;
  allOf?: SchemaObject[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
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

/** Follows `$ref` and the `allOf: [{ $ref }]` wrapper Nest writes for optional nested DTOs. */
export function resolveSchema(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref) return resolveSchema(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolveSchema(document, schema.allOf[0]), nullable: schema.nullable };
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
      .map((parameter) => ({ path: [parameter.name], schema: parameter.schema ?? {}, nullable: false })),
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
    const field: InputField = { path: [...prefix, name], schema: resolved, nullable: declared.nullable === true || resolved.nullable === true };
    if (resolved.type !== 'array' || !resolved.items) return [field, ...bodyFields(document, resolved, depth - 1, field.path)];
    const items = resolveSchema(document, resolved.items);
    const item: InputField = { path: [...field.path, '0'], schema: items, nullable: false };
    return [field, item, ...bodyFields(document, items, depth - 1, item.path)];
  });
}
