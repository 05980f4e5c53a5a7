export { AuthModule } from './lib/auth.module';
export { UsersService } from './lib/users.service';
export { AuthService } from './lib/auth.service';
