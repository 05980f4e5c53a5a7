import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { DeadLetters } from './dead-letters.service';
import { DeadLetterDto, DeadLetterListDto } from './dto/dead-letter.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @ApiOperation({ summary: 'List dead letters', description: 'Event deliveries that failed every attempt and wait for a retry.' })
  @RequirePermissions('dead_letters:manage')
  @ApiOkResponse({ type: DeadLetterListDto, description: 'Deliveries that failed every attempt and wait for a retry.' })
  list(@Ctx() context: RequestContext): Promise<DeadLetterListDto> {
    return this.deadLetters.list(context);
  }

  @Post(':id/retry')
  @ApiOperation({ summary: 'Retry a dead letter', description: 'Queues the delivery again for the consumer that failed.' })
  @RequirePermissions('dead_letters:manage')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DeadLetterDto, description: 'Queued again for the consumer that failed.' })
  retry(@Ctx() context: RequestContext, @IdParam() id: string): Promise<DeadLetterDto> {
    return this.deadLetters.retry(context, id);
  }
}
