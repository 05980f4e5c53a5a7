/** The loose shape of the OpenAPI 3.1 document these steps rewrite (Nest's types describe 3.0). */
export type JsonObject = Record<string, unknown>;

export interface Operation extends JsonObject {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: JsonObject[];
  requestBody?: { content?: Record<string, { schema?: JsonObject }> };
  responses: Record<string, JsonObject>;
  security?: Record<string, string[]>[];
}

export interface Document extends JsonObject {
  openapi: string;
  info: JsonObject;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes?: Record<string, JsonObject>; responses?: Record<string, JsonObject> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Every operation of the document with its path and method. */
export function operationsOf(document: Document): { path: string; method: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}
