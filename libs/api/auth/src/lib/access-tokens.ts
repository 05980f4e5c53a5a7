import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@kassa/api/config';

interface AccessClaims {
  sub: string;
  tid: string;
  /** The register of the till the user signed in on with a PIN. */
  reg?: string;
  /** Seconds since the epoch, set by the signer. */
  exp?: number;
}

type VerifiedToken = { tenantId: string; userId: string; registerId?: string };

/** Tokens whose signature was checked, kept until they expire: a till sends the same token for 15 minutes. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Short-lived JWTs (15 min by default) naming the user and tenant; checked against the user row on every request. */
@Injectable()
export class AccessTokens {
  private readonly verified = new Map<string, { claims: VerifiedToken; expiresAt: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issue(tenantId: string, userId: string, registerId?: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = this.jwt.sign({ sub: userId, tid: tenantId, reg: registerId } satisfies AccessClaims, { expiresIn });
    return { accessToken, expiresIn };
  }

  /**
   * The token's claims if its signature holds and it has not expired. A token once verified is remembered until its
   * expiry (the same string carries the same signature), so a signed-in client's requests skip the HMAC and parsing.
   */
  verify(token: string): VerifiedToken | undefined {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.claims;
    if (known) this.verified.delete(token);
    try {
      const claims = this.jwt.verify<AccessClaims>(token);
      const verified = { tenantId: claims.tid, userId: claims.sub, registerId: claims.reg };
      if (claims.exp !== undefined) this.remember(token, verified, claims.exp * 1000);
      return verified;
    } catch {
      return undefined;
    }
  }

  private remember(token: string, claims: VerifiedToken, expiresAt: number): void {
    // Oldest first out (a Map keeps insertion order): a flood of distinct tokens cannot grow memory past the bound.
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { claims, expiresAt });
  }
}
