import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { EventListDto, EventQueryDto } from './dto/event.dto';
import { EventFeedService } from './event-feed.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly feed: EventFeedService) {}

  @Get()
  @ApiOperation({
    summary: 'List published events',
    description:
      'Every published domain event of the shop in `sequence` order, for catch-up after missed webhooks: poll with `after=<nextCursor>` (a digit string; send it back as the number it spells) until `nextCursor` is null.',
  })
  @RequirePermissions('events:read')
  @ApiOkResponse({ type: EventListDto, description: 'Published events in sequence order: poll with `after=<nextCursor>`.' })
  list(@Ctx() context: RequestContext, @Query() query: EventQueryDto): Promise<EventListDto> {
    return this.feed.list(context, query);
  }
}
