import { STATUS_CODES } from 'node:http';
import { ERROR_STATUS, ErrorCode, PROBLEM_CONTENT_TYPE } from '@kassa/contracts';
import { Document, JsonObject, Operation, operationsOf } from './document';
import { OPERATION_ERRORS } from './operation-errors';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The one error body of every 4xx/5xx (RFC 9457), its `code` enum and its field errors. */
function addProblemSchemas(document: Document): void {
  document.components.schemas.ErrorCode = {
    type: 'string',
    enum: Object.values(ErrorCode),
    description: 'What went wrong, for programs to switch on; never renamed or reused. Each code has one HTTP status.',
  };
  document.components.schemas.FieldError = {
    type: 'object',
    required: ['field', 'message'],
    properties: {
      field: { type: 'string', description: 'The input at fault: a body path (`lines.0.quantity`), a query parameter or a header.', example: 'priceMinor' },
      message: { type: 'string', example: 'priceMinor must be an integer number' },
      line: { type: 'integer', minimum: 1, description: "For an imported file: the file's own line (CSV) or sheet row (xlsx, xls, ods)." },
    },
  };
  document.components.schemas.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details (`application/problem+json`), the body of every error.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string', description: 'Always `about:blank`: `code` says what happened.', example: 'about:blank' },
      title: { type: 'string', description: "The status' reason phrase.", example: 'Conflict' },
      status: { type: 'integer', minimum: 400, maximum: 599, example: 409 },
      code: ref('ErrorCode'),
      detail: { type: 'string', description: 'For people: what went wrong, in English.', example: 'A product with SKU "TEA-1" already exists.' },
      instance: { type: 'string', description: 'The request path.', example: '/api/v1/products' },
      requestId: { type: 'string', description: 'The `x-request-id` of the request, for support.' },
      errors: { type: 'array', items: ref('FieldError'), description: 'With `validation_failed` and `import_invalid`: every field at fault.' },
    },
  };
}

const RETRY_AFTER = { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } };

/** The codes any operation of this shape can answer: bad input, missing credentials or permission, a stale If-Match, the server's own trouble. */
function genericCodes(operation: Operation, isPublic: boolean): ErrorCode[] {
  // Headers past the server's limit are refused on every route.
  const codes = [ErrorCode.HeadersTooLarge, ErrorCode.InternalError, ErrorCode.ServiceUnavailable];
  const parameters = operation.parameters ?? [];
  if (parameters.some((parameter) => parameter.in === 'query' || parameter.in === 'path') || operation.requestBody) codes.push(ErrorCode.ValidationFailed);
  if (operation.requestBody?.content?.['application/json']) codes.push(ErrorCode.MalformedJson, ErrorCode.PayloadTooLarge, ErrorCode.UnsupportedMediaType);
  if (parameters.some((parameter) => String(parameter.name).toLowerCase() === 'if-match')) codes.push(ErrorCode.VersionMismatch);
  if (parameters.some((parameter) => parameter.in === 'query' && parameter.name === 'cursor')) codes.push(ErrorCode.InvalidCursor);
  if (parameters.some((parameter) => String(parameter.name).toLowerCase() === 'idempotency-key'))
    codes.push(ErrorCode.IdempotencyKeyReused, ErrorCode.IdempotencyKeyInFlight);
  if (!isPublic) codes.push(ErrorCode.Unauthorized);
  if (operation['x-required-permission']) codes.push(ErrorCode.Forbidden);
  return codes;
}

/** Documents every 4xx/5xx an operation can answer, each status with its codes, as the one Problem schema. */
export function documentProblems(document: Document, isPublic: (operation: Operation) => boolean): void {
  addProblemSchemas(document);
  for (const { operation } of operationsOf(document)) {
    const codes = new Set([...genericCodes(operation, isPublic(operation)), ...(OPERATION_ERRORS[operation.operationId] ?? [])]);
    const byStatus = new Map<number, ErrorCode[]>();
    for (const code of [...codes].sort()) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
    for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
      const existing = operation.responses[status] as JsonObject | undefined;
      const list = statusCodes.map((code) => `\`${code}\``).join(', ');
      const codeSchema: JsonObject = { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: statusCodes } } };
      operation.responses[status] = {
        description: existing?.description ? `${String(existing.description)} (${list})` : `${STATUS_CODES[status] ?? 'Error'}: ${list}.`,
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { allOf: [ref('Problem'), codeSchema] } } },
      };
    }
  }
}
