import type { INestApplicationContext } from '@nestjs/common';
import { AnalyticsRollupsService, RebuildResult } from '@kassa/api/analytics';
import { TenantTransaction } from '@kassa/api/database';
import { TenantsService } from '@kassa/api/tenancy';

/** A tenant's id from its id or its slug, or null when neither names a shop. */
export async function tenantIdOf(app: INestApplicationContext, idOrSlug: string): Promise<string | null> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug)) return idOrSlug.toLowerCase();
  return (await app.get(TenantsService).idForSlug(idOrSlug)) ?? null;
}

/** Recomputes the tenant's analytics rollups from its sales in one transaction (history written without events needs this). */
export function rebuildAnalytics(app: INestApplicationContext, tenantId: string): Promise<RebuildResult> {
  return app.get(TenantTransaction).run(tenantId, (manager) => app.get(AnalyticsRollupsService).rebuild(manager));
}
