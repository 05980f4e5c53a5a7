import { Injectable, OnModuleInit } from '@nestjs/common';
import { ROLES, roleHasPermission, type Role, type TypedEvent } from '@kassa/contracts';
import { UsersService } from '@kassa/api/auth';
import { EventConsumers } from '@kassa/api/events';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from './notifications.service';

/** Who may approve purchase orders (above the shop's threshold, owners only). */
const APPROVERS: readonly Role[] = ROLES.filter((role) => roleHasPermission(role, 'purchasing:approve'));

/**
 * The events that notify people, and who: `stock.low` the managers who can use that store, `webhook.disabled` the
 * owners, `purchase_order.submitted` the users who may approve it (but not the one who submitted it). Runs as an outbox consumer, so each event notifies once (its processed marker commits with the rows).
 */
@Injectable()
export class NotificationTriggers implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'notifications',
      types: ['stock.low', 'webhook.disabled', 'purchase_order.submitted'],
      handle: async (event, manager) => {
        if (event.type === 'stock.low') await this.stockLow(event, manager);
        else if (event.type === 'purchase_order.submitted') await this.awaitingApproval(event, manager);
        else if (event.type === 'webhook.disabled') await this.webhookDisabled(event, manager);
      },
    });
  }

  private async stockLow({ data, ...event }: TypedEvent<'stock.low'>, manager: EntityManager): Promise<void> {
    const managers = await this.users.activeIdsWith(manager, { roles: ['manager'], storeId: data.storeId });
    await this.notifications.notify(manager, event.tenantId, managers, {
      kind: event.type,
      title: 'Stock is running low',
      body: `${data.onHand} left, at or below the reorder point of ${data.reorderPoint}.`,
      link: `/products/${data.productId}`,
      severity: 'warning',
      eventId: event.id,
    });
  }

  private async awaitingApproval({ data, ...event }: TypedEvent<'purchase_order.submitted'>, manager: EntityManager): Promise<void> {
    const roles: readonly Role[] = data.ownerApprovalRequired ? ['owner'] : APPROVERS;
    const approvers = (await this.users.activeIdsWith(manager, { roles, storeId: data.storeId })).filter((id) => id !== data.submittedBy);
    await this.notifications.notify(manager, event.tenantId, approvers, {
      kind: event.type,
      title: 'A purchase order awaits approval',
      body: `${data.number} to ${data.supplierName} was submitted${data.ownerApprovalRequired ? '; it is above the approval limit, so an owner approves it' : ''}.`,
      link: `/purchasing/orders/${event.aggregateId}`,
      severity: 'info',
      eventId: event.id,
    });
  }

  private async webhookDisabled({ data, ...event }: TypedEvent<'webhook.disabled'>, manager: EntityManager): Promise<void> {
    const owners = await this.users.activeIdsWith(manager, { roles: ['owner'] });
    await this.notifications.notify(manager, event.tenantId, owners, {
      kind: event.type,
      title: 'A webhook endpoint was disabled',
      body: `${data.url} stopped receiving events (${data.reason}). Fix it and enable it again.`,
      link: `/settings`,
      severity: 'critical',
      eventId: event.id,
    });
  }
}
