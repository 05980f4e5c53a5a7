import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ImportMappingsController } from './import-mappings.controller';
import { ImportMappingsService } from './import-mappings.service';
import { RegistersController } from './registers.controller';
import { RegistersService } from './registers.service';
import { StoresController } from './stores.controller';
import { StoresService } from './stores.service';
import { TenantController } from './tenant.controller';
import { TenantRequestInterceptor } from './tenant-request.interceptor';
import { TenantsService } from './tenants.service';

@Module({
  controllers: [TenantController, StoresController, RegistersController, ImportMappingsController],
  providers: [TenantsService, StoresService, RegistersService, ImportMappingsService, { provide: APP_INTERCEPTOR, useClass: TenantRequestInterceptor }],
  exports: [TenantsService, StoresService, RegistersService, ImportMappingsService],
})
export class TenancyModule {}
