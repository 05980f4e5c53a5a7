/**
 * The statements that isolate a tenant-owned table (DESIGN.md §2): row-level security enabled and
 * forced (so even the table owner is subject to it), with the null-safe policy. Every migration
 * that creates a tenant table runs these.
 */
export function tenantIsolationSql(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())`,
  ];
}
