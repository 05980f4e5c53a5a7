import type { ProblemDetails } from '@kassa/contracts';

/** Sign-in as the API takes it (its OpenAPI document does not describe these fields yet). */
export interface SignInInput {
  tenant: string;
  email: string;
  password: string;
}

export interface SignUpInput {
  tenantName: string;
  slug: string;
  ownerName: string;
  email: string;
  password: string;
  currency: string;
  timeZone: string;
  pricesIncludeTax: boolean;
  /** The first store, created with the shop. */
  store?: { name: string; code: string };
}

export type SessionResult = { ok: true; accessToken: string } | { ok: false; problem: ProblemDetails | undefined };

/** Calls one of the web app's own session route handlers (they hold the refresh cookie). */
export async function postSession(action: 'login' | 'signup' | 'refresh' | 'logout', body?: unknown): Promise<Response> {
  return fetch(`/session/${action}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function readSessionResult(response: Response): Promise<SessionResult> {
  if (response.ok) {
    const { accessToken } = (await response.json()) as { accessToken: string };
    return { ok: true, accessToken };
  }
  const problem = (await response.json().catch(() => undefined)) as ProblemDetails | undefined;
  return { ok: false, problem };
}
