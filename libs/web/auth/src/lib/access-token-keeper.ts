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

  /**
   * @param started a refresh the page already sent, under the same lock, before this keeper existed (the early refresh
   * in the page's HTML, see early-refresh.ts): the keeper's first refresh reads its answer instead of asking again.
   */
  constructor(
    private readonly refreshThroughCookie: () => Promise<Response>,
    private readonly locks: LockManagerLike | undefined,
    private readonly now: () => number = Date.now,
    private started?: Promise<Response>,
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
    if (!this.pending) {
      const started = this.started;
      this.started = undefined;
      const outcome = started
        ? this.settle(started)
        : this.locks
          ? this.locks.request(REFRESH_LOCK, () => this.settle(this.refreshThroughCookie()))
          : this.settle(this.refreshThroughCookie());
      this.pending = outcome.finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async settle(request: Promise<Response>): Promise<RefreshOutcome> {
    let response: Response;
    try {
      response = await request;
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
