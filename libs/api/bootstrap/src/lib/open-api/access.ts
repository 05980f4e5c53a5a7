import { ACCESS_EXTENSION, DEVICE_SECURITY_SCHEME, REQUIRED_PERMISSION_EXTENSION } from '@kassa/api/http';
import { Document, Operation, operationsOf } from './document';

/** People sign in for a JWT; partners send an API key. Both as `Authorization: Bearer …`. */
export const PERSON_SECURITY_SCHEME = 'bearer';
export const API_KEY_SECURITY_SCHEME = 'ApiKey';
export const METRICS_SECURITY_SCHEME = 'metricsToken';

export const SECURITY_SCHEMES = {
  [PERSON_SECURITY_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A signed-in person: the `accessToken` from `POST /api/v1/auth/login` (15 minutes; refresh with `POST /api/v1/auth/refresh`).',
  },
  [API_KEY_SECURITY_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'kas_…',
    description: 'A partner integration: an API key (`kas_…`) from `POST /api/v1/api-keys`, limited to the permissions it was given.',
  },
  [DEVICE_SECURITY_SCHEME]: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'A paired till: `Authorization: Device <deviceToken>` (the `kdv_…` token from pairing).',
  },
  [METRICS_SECURITY_SCHEME]: { type: 'http', scheme: 'bearer', description: "The installation's `METRICS_TOKEN`, for Prometheus." },
};

type RequiredPermission = string | { allOf: string[] } | { anyOf: string[] };

function permissionSentence(permission: RequiredPermission | undefined): string {
  if (!permission) return 'Any signed-in user or API key of the shop may call it.';
  if (typeof permission === 'string') return `Required permission: \`${permission}\`.`;
  if ('allOf' in permission) return `Required permissions: ${permission.allOf.map((item) => `\`${item}\``).join(' and ')}.`;
  return `Required permission: any of ${permission.anyOf.map((item) => `\`${item}\``).join(', ')}.`;
}

/**
 * Each operation's `security` and the access line of its description, from the access decorators' markers:
 * public routes say `security: []`, device-only ones the device scheme, the rest a person's token or an API key.
 * Returns which operations are public (their errors have no 401).
 */
export function documentAccess(document: Document): Set<Operation> {
  const publicOperations = new Set<Operation>();
  for (const { operation } of operationsOf(document)) {
    const access = operation[ACCESS_EXTENSION];
    delete operation[ACCESS_EXTENSION];
    const declared = operation.security ?? [];
    const allowsDevice = declared.some((requirement) => DEVICE_SECURITY_SCHEME in requirement);
    let sentence: string;
    if (access === 'public') {
      publicOperations.add(operation);
      operation.security = declared.filter((requirement) => !(PERSON_SECURITY_SCHEME in requirement));
      sentence = operation.security.length ? '' : 'Public: no credentials needed.';
    } else if (access === 'device') {
      operation.security = [{ [DEVICE_SECURITY_SCHEME]: [] }];
      sentence = 'Only a paired till may call it (`Authorization: Device <token>`).';
    } else {
      operation.security = [{ [PERSON_SECURITY_SCHEME]: [] }, { [API_KEY_SECURITY_SCHEME]: [] }, ...(allowsDevice ? [{ [DEVICE_SECURITY_SCHEME]: [] }] : [])];
      sentence = permissionSentence(operation[REQUIRED_PERMISSION_EXTENSION] as RequiredPermission | undefined);
    }
    if (sentence) operation.description = [operation.description, sentence].filter(Boolean).join('\n\n');
  }
  return publicOperations;
}
