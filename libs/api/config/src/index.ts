export { AppConfig, ConfigError, loadAppConfig } from './lib/app-config';
export { ConfigModule } from './lib/config.module';
