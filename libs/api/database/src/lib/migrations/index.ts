import { BarcodesUniqueAsGtin141765843200001 } from './1765843200001-barcodes-unique-as-gtin14';
import { CreateAppRoleAndInstallation1764115200000 } from './1764115200000-create-app-role-and-installation';
import { CreateTenancyAndIdentity1764201600000 } from './1764201600000-create-tenancy-and-identity';
import { CreateOutboxAndAudit1764288000000 } from './1764288000000-create-outbox-and-audit';
import { CreateCatalog1764374400000 } from './1764374400000-create-catalog';
import { MakeCatalogSearchUseIndexes1764460800000 } from './1764460800000-make-catalog-search-use-indexes';
import { CreateWebhooks1764547200000 } from './1764547200000-create-webhooks';
import { CreateInventory1764633600000 } from './1764633600000-create-inventory';
import { CreateCustomers1764720000000 } from './1764720000000-create-customers';
import { CreateIdempotencyKeys1764806400000 } from './1764806400000-create-idempotency-keys';
import { CreateRegisters1764892800000 } from './1764892800000-create-registers';
import { WebhookDeliverySweep1764979200000 } from './1764979200000-webhook-delivery-sweep';
import { CreateSales1765065600000 } from './1765065600000-create-sales';
import { CreateRefundsAndVoids1765152000000 } from './1765152000000-create-refunds-and-voids';
import { CrossTenantDefinerFunctions1765238400000 } from './1765238400000-cross-tenant-definer-functions';
import { MakeStockLedgerAppendOnly1765238400001 } from './1765238400001-make-stock-ledger-append-only';
import { AddDiscountLimits1765324800000 } from './1765324800000-add-discount-limits';
import { TenantLocale1765411200000 } from './1765411200000-tenant-locale';
import { AddCustomerPurchaseTotals1765670400000 } from './1765670400000-add-customer-purchase-totals';
import { CreateDevices1765756800000 } from './1765756800000-create-devices';
import { AddStaffPins1765756800001 } from './1765756800001-add-staff-pins';
import { AddSaleDiscountApproval1765756800002 } from './1765756800002-add-sale-discount-approval';
import { CatalogDeltas1765756800003 } from './1765756800003-catalog-deltas';
import { CreateImportMappings1765843200000 } from './1765843200000-create-import-mappings';
import { CreateMail1766000000000 } from './1766000000000-create-mail';
import { CreatePurchasing1766200000000 } from './1766200000000-create-purchasing';
import { MailPurchaseOrders1766200000010 } from './1766200000010-mail-purchase-orders';
import { CreateNotifications1766300000000 } from './1766300000000-create-notifications';
import { OutboxRelayLag1766400000000 } from './1766400000000-outbox-relay-lag';
import { CreateMonitoringTables1766400000001 } from './1766400000001-create-monitoring-tables';
import { AddSaleLineUnitCost1766500000000 } from './1766500000000-add-sale-line-unit-cost';
import { CreateAnalyticsRollups1766500000001 } from './1766500000001-create-analytics-rollups';
import { AddDeviceSyncReports1766600000000 } from './1766600000000-add-device-sync-reports';
import { AddRefundClientFields1766600000001 } from './1766600000001-add-refund-client-fields';
import { CreateShifts1766700000000 } from './1766700000000-create-shifts';
import { TenantTillIdleLock1767100000000 } from './1767100000000-tenant-till-idle-lock';
import { CreateRegisterFavourites1767100000001 } from './1767100000001-create-register-favourites';
import { FoldAccentsInProductSearch1767400000000 } from './1767400000000-fold-accents-in-product-search';
import { RetireRegisters1767500000000 } from './1767500000000-retire-registers';
import { ProductListSortIndexes1767600000000 } from './1767600000000-product-list-sort-indexes';
import { AddRefundApprovalAndReview1767700000000 } from './1767700000000-add-refund-approval-and-review';
import { OfflineLimits1767800000000 } from './1767800000000-offline-limits';
import { CreateClientVitalRollup1768000000000 } from './1768000000000-create-client-vital-rollup';
import { OutboxRecoversLostJobs1768100000000 } from './1768100000000-outbox-recovers-lost-jobs';
import { RankProductNamesByTrigramDistance1768200000000 } from './1768200000000-rank-product-names-by-trigram-distance';
import { CreateCoarserAnalyticsRollups1768800000000 } from './1768800000000-create-coarser-analytics-rollups';
import { Uuidv7InSql1769100000000 } from './1769100000000-uuidv7-in-sql';
import { LongerTrigramSignaturesForProductSearch1769200000000 } from './1769200000000-longer-trigram-signatures-for-product-search';
import { CountDaysInMonthlyProductRollup1769400000000 } from './1769400000000-count-days-in-monthly-product-rollup';
import { PackBasketRollups1769400000001 } from './1769400000001-pack-basket-rollups';

/** Every migration, in order. New ones are appended here. */
export const migrations = [
  BarcodesUniqueAsGtin141765843200001,
  CreateAppRoleAndInstallation1764115200000,
  CreateTenancyAndIdentity1764201600000,
  CreateOutboxAndAudit1764288000000,
  CreateCatalog1764374400000,
  MakeCatalogSearchUseIndexes1764460800000,
  CreateWebhooks1764547200000,
  CreateInventory1764633600000,
  CreateCustomers1764720000000,
  CreateIdempotencyKeys1764806400000,
  CreateRegisters1764892800000,
  WebhookDeliverySweep1764979200000,
  CreateSales1765065600000,
  CreateRefundsAndVoids1765152000000,
  CrossTenantDefinerFunctions1765238400000,
  MakeStockLedgerAppendOnly1765238400001,
  AddDiscountLimits1765324800000,
  TenantLocale1765411200000,
  AddCustomerPurchaseTotals1765670400000,
  CreateDevices1765756800000,
  AddStaffPins1765756800001,
  AddSaleDiscountApproval1765756800002,
  CatalogDeltas1765756800003,
  CreateImportMappings1765843200000,
  CreateMail1766000000000,
  CreatePurchasing1766200000000,
  MailPurchaseOrders1766200000010,
  CreateNotifications1766300000000,
  OutboxRelayLag1766400000000,
  CreateMonitoringTables1766400000001,
  AddSaleLineUnitCost1766500000000,
  CreateAnalyticsRollups1766500000001,
  AddDeviceSyncReports1766600000000,
  AddRefundClientFields1766600000001,
  CreateShifts1766700000000,
  TenantTillIdleLock1767100000000,
  CreateRegisterFavourites1767100000001,
  FoldAccentsInProductSearch1767400000000,
  RetireRegisters1767500000000,
  ProductListSortIndexes1767600000000,
  AddRefundApprovalAndReview1767700000000,
  OfflineLimits1767800000000,
  CreateClientVitalRollup1768000000000,
  OutboxRecoversLostJobs1768100000000,
  RankProductNamesByTrigramDistance1768200000000,
  CreateCoarserAnalyticsRollups1768800000000,
  Uuidv7InSql1769100000000,
  LongerTrigramSignaturesForProductSearch1769200000000,
  CountDaysInMonthlyProductRollup1769400000000,
  PackBasketRollups1769400000001,
];
