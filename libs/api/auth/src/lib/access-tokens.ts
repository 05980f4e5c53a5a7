import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@kassa/api/config';

interface AccessClaims {
  sub: string;
  tid: string;
  /** The register of the till the user signed in on with a PIN. */
  reg?: string;
}

/** Short-lived JWTs (15 min by default) naming the user and tenant; checked against the user row on every request. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issue(tenantId: string, userId: string, registerId?: string): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = this.jwt.sign({ sub: userId, tid: tenantId, reg: registerId } satisfies AccessClaims, { expiresIn });
    return { accessToken, expiresIn };
  }

  verify(token: string): { tenantId: string; userId: string; registerId?: string } | undefined {
    try {
      const claims = this.jwt.verify<AccessClaims>(token);
      return { tenantId: claims.tid, userId: claims.sub, registerId: claims.reg };
    } catch {
      return undefined;
    }
  }
}
