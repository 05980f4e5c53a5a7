import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { StoresController } from './stores.controller';
import { StoresService } from './stores.service';
import { TenantController } from './tenant.controller';
import { TenantRequestInterceptor } from './tenant-request.interceptor';
import { TenantsService } from './tenants.service';

@Module({
  controllers: [TenantController, StoresController],
  providers: [TenantsService, StoresService, { provide: APP_INTERCEPTOR, useClass: TenantRequestInterceptor }],
  exports: [TenantsService, StoresService],
})
export class TenancyModule {}
