import { Injectable } from '@nestjs/common';
import { isoTime, queryRows } from '@kassa/api/database';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { RequestContext } from '@kassa/api/http';
import { IMPORT_FIELDS, ImportKind } from '@kassa/spreadsheet-core';
import type { ImportMappingDto } from './dto/import-mapping.dto';
import { importMappingRefused } from './tenancy.exception';

const MAX_COLUMNS = 200;
const MAX_HEADER_LENGTH = 200;
type ColumnMapping = Record<string, string | null>;

/** The column mappings a shop confirmed for its imports, one per import kind. */
@Injectable()
export class ImportMappingsService {
  constructor(private readonly audit: AuditLog) {}

  async get(context: RequestContext, kind: ImportKind): Promise<ImportMappingDto> {
    const [row] = await queryRows<{ mapping: ColumnMapping; updatedAt: string }>(
      context.manager,
      `SELECT mapping, ${isoTime('updated_at')} AS "updatedAt" FROM import_mapping WHERE kind = $1`,
      [kind],
    );
    return { kind, mapping: row?.mapping ?? {}, updatedAt: row?.updatedAt ?? null };
  }

  /** What an import of `kind` applies to a file's headers when the request gives no mapping of its own. */
  async remembered(context: RequestContext, kind: ImportKind): Promise<ColumnMapping> {
    return (await this.get(context, kind)).mapping;
  }

  async put(context: RequestContext, kind: ImportKind, mapping: ColumnMapping): Promise<ImportMappingDto> {
    assertMapping(kind, mapping);
    const before = await this.get(context, kind);
    const [row] = await queryRows<{ updatedAt: string }>(
      context.manager,
      `INSERT INTO import_mapping (tenant_id, kind, mapping) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, kind) DO UPDATE SET mapping = excluded.mapping, updated_at = now()
       RETURNING ${isoTime('updated_at')} AS "updatedAt"`,
      [context.tenantId, kind, JSON.stringify(mapping)],
    );
    const after = { kind, mapping, updatedAt: row.updatedAt };
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'import_mapping',
      entityId: kind,
      before: { mapping: before.mapping },
      after: { mapping },
    });
    return after;
  }
}

function assertMapping(kind: ImportKind, mapping: ColumnMapping): void {
  const fields = new Set(IMPORT_FIELDS[kind].map((field) => field.name));
  const entries = Object.entries(mapping);
  if (entries.length > MAX_COLUMNS) throw importMappingRefused('mapping', `at most ${MAX_COLUMNS} columns`);
  for (const [header, field] of entries) {
    if (header.trim() === '' || header.length > MAX_HEADER_LENGTH)
      throw importMappingRefused(`mapping.${header}`, `a column name has 1 to ${MAX_HEADER_LENGTH} characters`);
    if (field !== null && (typeof field !== 'string' || !fields.has(field)))
      throw importMappingRefused(`mapping.${header}`, `${String(field)} is not a field of the ${kind} import (${[...fields].join(', ')}), nor null`);
  }
  const targets = entries.flatMap(([, field]) => (field === null ? [] : [field]));
  const twice = targets.find((field, index) => targets.indexOf(field) !== index);
  if (twice) throw importMappingRefused('mapping', `two columns give ${twice}: map one of them to another field or to null`);
}
