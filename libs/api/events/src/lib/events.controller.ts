import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { EventListDto, EventQueryDto } from './dto/event.dto';
import { ENVELOPE_COLUMNS } from './event-row';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  @Get()
  @RequirePermissions('events:read')
  @ApiOkResponse({ type: EventListDto, description: 'Published events in sequence order: poll with `after=<nextCursor>`.' })
  async list(@Ctx() context: RequestContext, @Query() query: EventQueryDto): Promise<EventListDto> {
    const after = query.after ?? 0;
    const items = await context.manager.query(
      `SELECT ${ENVELOPE_COLUMNS} FROM outbox_event e
        WHERE e.sequence > $1 AND ($2::text[] IS NULL OR e.type = ANY($2))
        ORDER BY e.sequence LIMIT $3`,
      [after, query.types ?? null, query.limit ?? 100],
    );
    return { items, nextCursor: String(items.length > 0 ? items[items.length - 1].sequence : after) };
  }
}
