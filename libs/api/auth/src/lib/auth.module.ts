import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@kassa/api/config';
import { MailModule } from '@kassa/api/mail';
import { TenancyModule } from '@kassa/api/tenancy';
import { accessTokenJwtOptions } from './access-token-key';
import { AccessTokenSessions } from './access-token-sessions';
import { AccessTokens } from './access-tokens';
import { ActorCache } from './actor-cache';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { MemoryAttemptCounter, RedisAttemptCounter } from './attempt-counter';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';
import { ATTEMPT_COUNTER, LoginThrottle } from './login-throttle';
import { MeController } from './me.controller';
import { PinThrottle } from './pin-throttle';
import { RateLimiter } from './rate-limiter';
import { RefreshTokens } from './refresh-tokens.service';
import { RequestAuthorizer } from './request-authorizer';
import { StaffPinsService } from './staff-pins.service';
import { connectThrottleRedis } from './throttle-redis';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    MailModule,
    TenancyModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => accessTokenJwtOptions(config.auth.jwtSecret),
    }),
  ],
  controllers: [AuthController, MeController, UsersController, ApiKeysController, DevicesController],
  providers: [
    AccessTokens,
    AccessTokenSessions,
    RefreshTokens,
    AuthService,
    UsersService,
    ApiKeysService,
    DevicesService,
    StaffPinsService,
    LoginThrottle,
    PinThrottle,
    RateLimiter,
    RequestAuthorizer,
    {
      provide: ATTEMPT_COUNTER,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) =>
        config.redis ? new RedisAttemptCounter(await connectThrottleRedis(config.redis.url), config.redis.keyPrefix) : new MemoryAttemptCounter(),
    },
    { provide: ActorCache, inject: [AppConfig], useFactory: (config: AppConfig) => new ActorCache(config.auth.actorCacheMs) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [UsersService, StaffPinsService, RateLimiter, AccessTokenSessions, RequestAuthorizer],
})
export class AuthModule {}
