import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { ReplayDto, ReplayQueryDto } from './dto/replay.dto';
import { RealtimeReplayService } from './realtime-replay.service';

@ApiTags('realtime')
@ApiBearerAuth()
@Controller('realtime')
export class RealtimeController {
  constructor(private readonly replays: RealtimeReplayService) {}

  @Get('replay')
  @ApiOperation({
    operationId: 'replayRealtimeEvents',
    summary: 'Replay realtime events',
    description: 'After a reconnect: the events the socket would have pushed since `after`, or `refetch: true` past the retention.',
  })
  @RequirePermissions('realtime:read')
  @ApiOkResponse({
    type: ReplayDto,
    description: 'After a reconnect: the events the socket would have pushed since `after`, or `refetch: true` past the retention.',
  })
  replay(@Ctx() context: RequestContext, @Query() query: ReplayQueryDto): Promise<ReplayDto> {
    return this.replays.replay(context, query);
  }
}
