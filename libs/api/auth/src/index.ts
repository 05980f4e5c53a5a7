export { AuthModule } from './lib/auth.module';
export { UsersService } from './lib/users.service';
export { AuthService } from './lib/auth.service';
export { StaffPinsService } from './lib/staff-pins.service';
export type { PinApprover } from './lib/staff-pins.service';
export { PIN_PATTERN } from './lib/pins';
export { RateLimiter } from './lib/rate-limiter';
export type { RateLimit } from './lib/rate-limiter';
