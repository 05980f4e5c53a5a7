import { Injectable, OnModuleInit } from '@nestjs/common';
import { ROLES, roleHasPermission, type EventEnvelope, type Role } from '@kassa/contracts';
import { UsersService } from '@kassa/api/auth';
import { EventConsumers } from '@kassa/api/events';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from './notifications.service';

interface StockLowData {
  storeId: string;
  productId: string;
  onHand: number;
  reorderPoint: number;
}

interface PurchaseOrderSubmittedData {
  storeId: string;
  number: string;
  supplierName: string;
  submittedBy: string | null;
  ownerApprovalRequired: boolean;
}

/** Who may approve purchase orders (above the shop's threshold, owners only). */
const APPROVERS: readonly Role[] = ROLES.filter((role) => roleHasPermission(role, 'purchasing:approve'));

interface WebhookDisabledData {
  webhookId: string;
  url: string;
  reason: string;
}

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
      handle: (event, manager) => {
        if (event.type === 'stock.low') return this.stockLow(event, manager);
        if (event.type === 'purchase_order.submitted') return this.awaitingApproval(event, manager);
        return this.webhookDisabled(event, manager);
      },
    });
  }

  private async stockLow(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const data = event.data as unknown as StockLowData;
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

  private async awaitingApproval(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const data = event.data as unknown as PurchaseOrderSubmittedData;
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

  private async webhookDisabled(event: EventEnvelope, manager: EntityManager): Promise<void> {
    const data = event.data as unknown as WebhookDisabledData;
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
