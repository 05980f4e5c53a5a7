import { Injectable } from '@nestjs/common';
import { isoTime, queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type { ErrorGroupDto, ErrorGroupListDto, ErrorGroupQueryDto, UpdateErrorGroupDto } from './dto/error-group.dto';
import { errorGroupNotFound } from './monitoring.exception';

const GROUP_PAGES = cursorShape('error-groups', ['uuid']);

const nullableTime = (column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE ${isoTime(column)} END`;
const GROUP_COLUMNS = `g.id, g.source, g.severity, g.type, g.message, g.stack, g.route, g.context, g.count, g.status,
  ${isoTime('g.first_seen_at')} AS "firstSeenAt", ${isoTime('g.last_seen_at')} AS "lastSeenAt",
  ${nullableTime('g.resolved_at')} AS "resolvedAt", g.resolved_by AS "resolvedBy", ${nullableTime('g.reopened_at')} AS "reopenedAt"`;

/** The shop's error groups: listed newest first, resolved and reopened by hand. */
@Injectable()
export class ErrorGroupsService {
  async list(context: RequestContext, query: ErrorGroupQueryDto): Promise<ErrorGroupListDto> {
    const page = pageRequest(query, GROUP_PAGES);
    const rows = await queryRows<ErrorGroupDto>(
      context.manager,
      `SELECT ${GROUP_COLUMNS} FROM error_log g
        WHERE ($1::text IS NULL OR g.status = $1) AND ($2::text IS NULL OR g.source = $2) AND ($3::uuid IS NULL OR g.id < $3)
        ORDER BY g.id DESC LIMIT $4`,
      [query.status ?? null, query.source ?? null, page.after?.[0] ?? null, page.fetch],
    );
    return paginate(rows, page, (row) => [row.id]);
  }

  async update(context: RequestContext, id: string, changes: UpdateErrorGroupDto): Promise<ErrorGroupDto> {
    const resolvedBy = context.actor.kind === 'user' ? context.actor.userId : null;
    const [group] = await queryRows<ErrorGroupDto>(
      context.manager,
      `UPDATE error_log g
          SET status = $2,
              resolved_at = CASE WHEN $2 = 'resolved' THEN coalesce(g.resolved_at, now()) END,
              resolved_by = CASE WHEN $2 = 'resolved' THEN coalesce(g.resolved_by, $3::uuid) END,
              version = g.version + CASE WHEN g.status = $2 THEN 0 ELSE 1 END
        WHERE g.id = $1 RETURNING ${GROUP_COLUMNS}`,
      [id, changes.status, resolvedBy],
    );
    if (!group) throw errorGroupNotFound();
    return group;
  }
}
