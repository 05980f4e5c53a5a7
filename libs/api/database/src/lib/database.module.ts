import { DynamicModule, InjectionToken, Module, ModuleMetadata, OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appDataSourceOptions } from './app-data-source-options';
import { parseBigintsAsNumbers } from './bigint-parser';
import { DATABASE_ENDPOINT, DatabaseEndpoint, openDatabaseEndpoint } from './database-endpoint';
import { DatabaseSettings } from './database-settings';
import { TenantTransaction } from './tenant-transaction';

const DATABASE_SETTINGS = Symbol('DATABASE_SETTINGS');

export interface DatabaseModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => DatabaseSettings | Promise<DatabaseSettings>;
}

@Module({})
class DatabaseEndpointModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_ENDPOINT) private readonly endpoint: DatabaseEndpoint) {}

  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    return {
      module: DatabaseEndpointModule,
      imports: options.imports ?? [],
      providers: [
        { provide: DATABASE_SETTINGS, inject: options.inject ?? [], useFactory: options.useFactory },
        { provide: DATABASE_ENDPOINT, inject: [DATABASE_SETTINGS], useFactory: openDatabaseEndpoint },
      ],
      exports: [DATABASE_SETTINGS, DATABASE_ENDPOINT],
    };
  }

  // Runs after TypeORM has closed its pool: this module is imported by it, so Nest shuts it down later.
  async onApplicationShutdown(): Promise<void> {
    await this.endpoint.close();
  }
}

/** The database connection (real or embedded), migrated, with the app-role pool and the tenant transaction. */
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    parseBigintsAsNumbers();
    const endpointModule = DatabaseEndpointModule.forRootAsync(options);
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        endpointModule,
        TypeOrmModule.forRootAsync({
          imports: [endpointModule],
          inject: [DATABASE_ENDPOINT, DATABASE_SETTINGS],
          useFactory: (endpoint: DatabaseEndpoint, settings: DatabaseSettings) => ({
            ...appDataSourceOptions(endpoint, settings),
            autoLoadEntities: true,
          }),
        }),
      ],
      providers: [TenantTransaction],
      exports: [endpointModule, TypeOrmModule, TenantTransaction],
    };
  }
}
