import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { MailboxQueryDto, WrittenMailListDto } from './dto/mailbox.dto';
import { MailboxService } from './mailbox.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/mail')
export class MailboxController {
  constructor(private readonly mailbox: MailboxService) {}

  @Get()
  @ApiOperation({
    operationId: 'listWrittenMail',
    summary: 'List written mail',
    description: 'Without SMTP the API writes mail to files: the newest ones, for development and support.',
  })
  @RequirePermissions('tenant:manage')
  @ApiOkResponse({
    type: WrittenMailListDto,
    description:
      'Development only (`NODE_ENV=development`, a caller on the same machine, no `SMTP_URL`): the .eml files written for your shop, newest first. ' +
      'Otherwise 404 `route_not_found`.',
  })
  list(@Ctx() context: RequestContext, @Query() query: MailboxQueryDto): Promise<WrittenMailListDto> {
    return this.mailbox.list(context, query);
  }
}
