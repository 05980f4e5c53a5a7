export { AuthModule } from './lib/auth.module';
export { UsersService } from './lib/users.service';
export { AuthService } from './lib/auth.service';
export { StaffPinsService } from './lib/staff-pins.service';
export type { PinApprover } from './lib/staff-pins.service';
export { PIN_PATTERN } from './lib/pins';
export { AccessTokenSessions } from './lib/access-token-sessions';
export type { AccessTokenSession } from './lib/access-token-sessions';
