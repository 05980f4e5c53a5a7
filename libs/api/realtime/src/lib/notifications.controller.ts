import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { MarkedReadDto, NotificationDto, NotificationListDto, NotificationQueryDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'List my notifications', description: 'Your notifications, newest first.' })
  @RequirePermissions('realtime:read')
  @ApiOkResponse({ type: NotificationListDto, description: 'Your notifications, newest first.' })
  list(@Ctx() context: RequestContext, @Query() query: NotificationQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(context, query);
  }

  @Get('unread-count')
  @ApiOperation({ operationId: 'countUnreadNotifications', summary: 'Count unread notifications', description: 'How many of your notifications are unread.' })
  @RequirePermissions('realtime:read')
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@Ctx() context: RequestContext): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(context);
  }

  @Post('read-all')
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: 'Mark all notifications read', description: 'Marks every notification of yours read.' })
  @HttpCode(200)
  @RequirePermissions('realtime:read')
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(@Ctx() context: RequestContext): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(context);
  }

  @Post(':id/read')
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Mark a notification read', description: 'Marks one notification of yours read.' })
  @HttpCode(200)
  @RequirePermissions('realtime:read')
  @ApiOkResponse({ type: NotificationDto })
  markRead(@Ctx() context: RequestContext, @IdParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(context, id);
  }
}
