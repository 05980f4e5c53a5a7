import type { JwtModuleOptions } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';

/**
 * The access tokens' JWT options with the HMAC key built once (issue 31): given the secret as a string,
 * jsonwebtoken tries it as a public key, fails, and builds a secret key on every verification.
 */
export function accessTokenJwtOptions(secret: string | undefined): JwtModuleOptions {
  return {
    // Outside production a per-process secret is fine: clients refresh after a restart.
    secret: createSecretKey(secret === undefined ? randomBytes(48) : Buffer.from(secret)),
    signOptions: { algorithm: 'HS256', issuer: 'kassa' },
    verifyOptions: { algorithms: ['HS256'], issuer: 'kassa' },
  };
}
