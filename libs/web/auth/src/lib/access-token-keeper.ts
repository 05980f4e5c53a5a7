import { readAccessClaims, type AccessClaims } from './access-claims';

export type RefreshOutcome = { kind: 'refreshed'; token: string; claims: AccessClaims } | { kind: 'signed-out' } | { kind: 'unreachable' };

/** The part of the Web Locks API the keeper needs. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export const REFRESH_LOCK = 'kassa-session-refresh';
// Refresh a little before expiry so a request never leaves with a token that dies on the way.
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Holds the access token in memory only (never in storage) and refreshes it through the session
 * cookie. Refreshes are serialized across tabs with a Web Lock, so two tabs never spend the same
 * refresh token, and shared within a tab, so concurrent requests cause one refresh.
 */
export class AccessTokenKeeper {
  private current?: { token: string; claims: AccessClaims };
  private pending?: Promise<RefreshOutcome>;

  constructor(
    private readonly refreshThroughCookie: () => Promise<Response>,
    private readonly locks: LockManagerLike | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Accepts a token from sign-in or sign-up; false when it is not a Kassa access token. */
  accept(token: string): AccessClaims | undefined {
    const claims = readAccessClaims(token);
    this.current = claims ? { token, claims } : undefined;
    return claims;
  }

  clear(): void {
    this.current = undefined;
  }

  /** A token that is good for a while yet, refreshing when needed; undefined when signed out or offline. */
  async token(): Promise<string | undefined> {
    if (this.current && this.current.claims.expiresAt - EXPIRY_MARGIN_MS > this.now()) return this.current.token;
    const outcome = await this.refresh();
    return outcome.kind === 'refreshed' ? outcome.token : undefined;
  }

  refresh(): Promise<RefreshOutcome> {
    this.pending ??= (this.locks ? this.locks.request(REFRESH_LOCK, () => this.refreshNow()) : this.refreshNow()).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async refreshNow(): Promise<RefreshOutcome> {
    let response: Response;
    try {
      response = await this.refreshThroughCookie();
    } catch {
      return { kind: 'unreachable' };
    }
    // 204: no session cookie at all; 401: the API refused it.
    if (response.status === 204 || response.status === 401) {
      this.clear();
      return { kind: 'signed-out' };
    }
    if (!response.ok) return { kind: 'unreachable' };
    const { accessToken } = (await response.json()) as { accessToken: string };
    const claims = this.accept(accessToken);
    return claims ? { kind: 'refreshed', token: accessToken, claims } : { kind: 'signed-out' };
  }
}
