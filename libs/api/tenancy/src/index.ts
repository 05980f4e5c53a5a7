export { TenancyModule } from './lib/tenancy.module';
export { TenantsService } from './lib/tenants.service';
export type { NewTenant } from './lib/tenants.service';
export { StoresService } from './lib/stores.service';
export { assertStoreVisible, canSeeStore, visibleStoreIds } from './lib/store-scope';
export { TenantDto } from './lib/dto/tenant.dto';
export { RegistersService } from './lib/registers.service';
export type { RegisterPlace, SaleRegister } from './lib/registers.service';
export { insertApiRegister } from './lib/api-register';
