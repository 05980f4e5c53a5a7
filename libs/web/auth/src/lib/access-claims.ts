/** What the web app reads from an access token: whose it is and when it expires. It never verifies it: the API does. */
export interface AccessClaims {
  tenantId: string;
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
}

export function readAccessClaims(token: string): AccessClaims | undefined {
  try {
    const payload = JSON.parse(decodeBase64Url(token.split('.')[1] ?? '')) as { sub?: unknown; tid?: unknown; exp?: unknown };
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.exp !== 'number') return undefined;
    return { tenantId: payload.tid, userId: payload.sub, expiresAt: payload.exp * 1000 };
  } catch {
    return undefined;
  }
}
