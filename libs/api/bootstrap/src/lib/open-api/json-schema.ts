import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { Document, JsonObject, operationsOf } from './document';

/**
 * Real-valued figures of responses (no validator says what they are): every other `number` the API answers
 * is a whole number (minor units, counts, versions, sequences), and every one it takes says so by `@IsInt`.
 */
const REAL_VALUED = new Set([
  'p50Ms',
  'p95Ms',
  'p99Ms',
  'revenuePercent',
  'transactionsPercent',
  'averageBasketPercent',
  'changePercent',
  'fittedChangePercent',
  'slope',
  'intercept',
  'value',
  'low',
  'high',
  'strength',
  'index',
  'score',
  'expected',
  'threshold',
  'share',
  'support',
  'confidenceAToB',
  'confidenceBToA',
  'lift',
  'averageOrderMinor',
  'averageHistoricMinor',
  'predictedMinor',
  'revenuePerDayMinor',
  'ordersPerYear',
  'repeatRate',
  'lifespanYears',
  'unitsPerDay',
  'daysOfCover',
]);

interface NumberRule {
  integer: boolean;
  minimum?: number;
  maximum?: number;
}

/** What class-validator says about each DTO's numeric properties: by class name (the schema's name), and by property name alone. */
function numberRules(): { byClass: Map<string, Map<string, NumberRule>>; integerNames: Set<string>; realNames: Set<string> } {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<new () => unknown, ValidationMetadata[]> };
  const byClass = new Map<string, Map<string, NumberRule>>();
  const integerNames = new Set<string>();
  const realNames = new Set<string>();
  for (const [target, metadatas] of storage.validationMetadatas) {
    const rules = new Map<string, NumberRule>();
    for (const metadata of metadatas) {
      const rule = rules.get(metadata.propertyName) ?? { integer: false };
      if (metadata.name === 'isInt') rule.integer = true;
      else if (metadata.name === 'min') rule.minimum = Number(metadata.constraints[0]);
      else if (metadata.name === 'max') rule.maximum = Number(metadata.constraints[0]);
      else if (metadata.name !== 'isNumber') continue;
      rules.set(metadata.propertyName, rule);
    }
    for (const [name, rule] of rules) (rule.integer ? integerNames : realNames).add(name);
    byClass.set(target.name, rules);
  }
  return { byClass, integerNames, realNames };
}

type Rules = ReturnType<typeof numberRules>;

function applyNumberRule(schema: JsonObject, name: string, rule: NumberRule | undefined, rules: Rules): void {
  const integer = rule ? rule.integer : rules.integerNames.has(name) || !(rules.realNames.has(name) || REAL_VALUED.has(name));
  if (!integer) return;
  schema.type = Array.isArray(schema.type) ? schema.type.map((type) => (type === 'number' ? 'integer' : type)) : 'integer';
  if (name.endsWith('Minor')) schema.format = 'int64';
  if (rule?.minimum !== undefined && schema.minimum === undefined) schema.minimum = rule.minimum;
  if (rule?.maximum !== undefined && schema.maximum === undefined) schema.maximum = rule.maximum;
}

const isNumber = (schema: JsonObject | undefined): schema is JsonObject =>
  schema !== undefined && (schema.type === 'number' || (Array.isArray(schema.type) && schema.type.includes('number')));

/** `integer` (int64 for minor units, with the validators' bounds) wherever the API deals in whole numbers. */
export function useIntegers(document: Document): void {
  const rules = numberRules();
  for (const [schemaName, schema] of Object.entries(document.components.schemas)) {
    const classRules = rules.byClass.get(schemaName);
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonObject>)) {
      const items = property.items as JsonObject | undefined;
      const target = isNumber(items) ? items : property;
      if (!isNumber(target)) continue;
      applyNumberRule(target, name, classRules?.get(name), rules);
    }
  }
  for (const { operation } of operationsOf(document)) {
    for (const parameter of operation.parameters ?? []) {
      const schema = parameter.schema as JsonObject | undefined;
      if (isNumber(schema)) applyNumberRule(schema, String(parameter.name), undefined, rules);
    }
  }
}

/** Every schema object in the document, depth first (shared ones once per place they appear). */
export function visitSchemas(document: Document, visit: (schema: JsonObject) => void): void {
  const walk = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object') return;
    const object = schema as JsonObject;
    visit(object);
    for (const nested of Object.values((object.properties ?? {}) as Record<string, unknown>)) walk(nested);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) for (const nested of (object[key] as unknown[] | undefined) ?? []) walk(nested);
    walk(object.items);
    if (typeof object.additionalProperties === 'object') walk(object.additionalProperties);
  };
  Object.values(document.components.schemas).forEach(walk);
  for (const { operation } of operationsOf(document)) {
    for (const parameter of operation.parameters ?? []) walk(parameter.schema);
    for (const media of Object.values(operation.requestBody?.content ?? {})) walk(media.schema);
    for (const response of Object.values(operation.responses)) {
      for (const media of Object.values((response.content ?? {}) as Record<string, { schema?: unknown }>)) walk(media.schema);
    }
  }
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema 2020-12 (OpenAPI 3.1) says it: `null` among the types, or, for a nested
 * schema (`allOf: [{ $ref }]`, Nest's nullable nested DTO), `anyOf: [that, { type: 'null' }]`.
 */
export function nullAsType(schema: JsonObject): void {
  if (schema.nullable === undefined) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  const variants = schema.$ref ? [{ $ref: schema.$ref }] : ((schema.allOf ?? schema.oneOf ?? schema.anyOf) as JsonObject[] | undefined);
  if (variants) {
    for (const key of ['$ref', 'allOf', 'oneOf', 'type']) delete schema[key];
    schema.anyOf = [...variants, { type: 'null' }];
    return;
  }
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  }
}
