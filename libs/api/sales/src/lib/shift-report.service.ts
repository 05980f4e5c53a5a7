import { Injectable } from '@nestjs/common';
import { isoTime, queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { RegistersService, TenantsService } from '@kassa/api/tenancy';
import { TENDER_TYPES, TenderType } from '@kassa/contracts';
import type { ShiftCashMovementLineDto, ShiftReportDto, ShiftTenderTotalDto } from './dto/shift-report.dto';
import type { ShiftDto } from './dto/shift.dto';
import type { TaxRateTotalDto } from './dto/sales-summary.dto';

interface SaleTotals {
  count: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  changeMinor: number;
  firstNumber: number | null;
  lastNumber: number | null;
}

interface TenderRow {
  type: TenderType;
  source: 'sale' | 'void' | 'refund';
  amountMinor: number;
}

/**
 * A shift's figures (issue 22), from what carries its id: the sales rung up in it, the refunds and voids its drawer
 * paid out, its cash movements. Expected cash = float + cash as handed over − change − cash refunds + pay-ins
 * − pay-outs − drops − cash of the sales voided in it. An X-report is this for an open shift, now; a Z-report is
 * this at the close, stored with the shift and never computed again.
 */
@Injectable()
export class ShiftReportService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly registers: RegistersService,
  ) {}

  async compute(context: RequestContext, shift: ShiftDto, takenAt: string): Promise<ShiftReportDto> {
    const manager = context.manager;
    const id = shift.id;
    // One after another: they share the transaction's connection, which runs one query at a time anyway.
    const [sales] = await queryRows<SaleTotals>(
      manager,
      `SELECT count(*)::int AS count, coalesce(sum(subtotal_minor), 0)::bigint AS "grossMinor", coalesce(sum(discount_minor), 0)::bigint AS "discountMinor",
              coalesce(sum(tax_minor), 0)::bigint AS "taxMinor", coalesce(sum(total_minor), 0)::bigint AS "totalMinor",
              coalesce(sum(change_due_minor), 0)::bigint AS "changeMinor", min(receipt_number) AS "firstNumber", max(receipt_number) AS "lastNumber"
         FROM sale WHERE shift_id = $1`,
      [id],
    );
    const [voids] = await queryRows<{ count: number; totalMinor: number; changeMinor: number }>(
      manager,
      `SELECT count(*)::int AS count, coalesce(sum(total_minor), 0)::bigint AS "totalMinor", coalesce(sum(change_due_minor), 0)::bigint AS "changeMinor"
         FROM sale WHERE void_shift_id = $1`,
      [id],
    );
    const [refunds] = await queryRows<{ count: number; totalMinor: number; taxMinor: number }>(
      manager,
      `SELECT count(*)::int AS count, coalesce(sum(total_minor), 0)::bigint AS "totalMinor", coalesce(sum(tax_minor), 0)::bigint AS "taxMinor"
         FROM sale_refund WHERE shift_id = $1`,
      [id],
    );
    const tenderRows = await queryRows<TenderRow>(
      manager,
      `SELECT t.type, 'sale' AS source, sum(t.amount_minor)::bigint AS "amountMinor"
         FROM sale s JOIN sale_tender t ON t.tenant_id = s.tenant_id AND t.sale_id = s.id WHERE s.shift_id = $1 GROUP BY t.type
       UNION ALL
       SELECT t.type, 'void', sum(t.amount_minor)::bigint
         FROM sale s JOIN sale_tender t ON t.tenant_id = s.tenant_id AND t.sale_id = s.id WHERE s.void_shift_id = $1 GROUP BY t.type
       UNION ALL
       SELECT t.type, 'refund', sum(t.amount_minor)::bigint
         FROM sale_refund r JOIN sale_refund_tender t ON t.tenant_id = r.tenant_id AND t.refund_id = r.id WHERE r.shift_id = $1 GROUP BY t.type`,
      [id],
    );
    const taxByRate = await queryRows<TaxRateTotalDto>(
      manager,
      `SELECT rate_bps AS "rateBps", sum(net)::bigint AS "netMinor", sum(tax)::bigint AS "taxMinor"
         FROM (SELECT l.tax_rate_bps AS rate_bps, l.total_minor - l.tax_minor AS net, l.tax_minor AS tax
                 FROM sale s JOIN sale_line l ON l.tenant_id = s.tenant_id AND l.sale_id = s.id WHERE s.shift_id = $1
               UNION ALL
               SELECT l.tax_rate_bps, l.tax_minor - l.total_minor, -l.tax_minor
                 FROM sale s JOIN sale_line l ON l.tenant_id = s.tenant_id AND l.sale_id = s.id WHERE s.void_shift_id = $1
               UNION ALL
               SELECT rl.tax_rate_bps, rl.tax_minor - rl.amount_minor, -rl.tax_minor
                 FROM sale_refund r JOIN sale_refund_line rl ON rl.tenant_id = r.tenant_id AND rl.refund_id = r.id WHERE r.shift_id = $1) x
        GROUP BY rate_bps ORDER BY rate_bps`,
      [id],
    );
    const cashMovements = await queryRows<ShiftCashMovementLineDto>(
      manager,
      `SELECT id, type, amount_minor AS "amountMinor", reason, ${isoTime('occurred_at')} AS "occurredAt"
         FROM shift_cash_movement WHERE shift_id = $1 ORDER BY occurred_at, id`,
      [id],
    );

    const amount = (type: TenderType, source: TenderRow['source']) => tenderRows.find((row) => row.type === type && row.source === source)?.amountMinor ?? 0;
    const tenders: ShiftTenderTotalDto[] = TENDER_TYPES.map((type) => {
      // Change is handed back from the drawer, for a sale and again (it stays with the customer) for its void.
      const changeMinor = type === 'cash' ? sales.changeMinor : 0;
      const voidsMinor = amount(type, 'void') - (type === 'cash' ? voids.changeMinor : 0);
      const salesMinor = amount(type, 'sale');
      const refundsMinor = amount(type, 'refund');
      return { type, salesMinor, changeMinor, refundsMinor, voidsMinor, netMinor: salesMinor - changeMinor - refundsMinor - voidsMinor };
    }).filter((tender) => tender.salesMinor !== 0 || tender.refundsMinor !== 0 || tender.voidsMinor !== 0);

    const moved = (type: ShiftCashMovementLineDto['type']) =>
      cashMovements.filter((movement) => movement.type === type).reduce((sum, movement) => sum + movement.amountMinor, 0);
    const cashTender = tenders.find((tender) => tender.type === 'cash');
    const cash = {
      openingFloatMinor: shift.openingFloatMinor,
      salesMinor: cashTender?.salesMinor ?? 0,
      changeMinor: cashTender?.changeMinor ?? 0,
      refundsMinor: cashTender?.refundsMinor ?? 0,
      voidsMinor: cashTender?.voidsMinor ?? 0,
      payInsMinor: moved('pay_in'),
      payOutsMinor: moved('pay_out'),
      dropsMinor: moved('drop'),
    };
    const expectedMinor =
      cash.openingFloatMinor +
      cash.salesMinor -
      cash.changeMinor -
      cash.refundsMinor +
      cash.payInsMinor -
      cash.payOutsMinor -
      cash.dropsMinor -
      cash.voidsMinor;

    const { name: shopName, timeZone } = await this.tenants.current(context);
    const place = await this.registers.placeOf(context, shift.registerId);
    const gaps =
      sales.firstNumber === null
        ? []
        : await queryRows<{ from: number; to: number }>(
            manager,
            `SELECT previous + 1 AS "from", receipt_number - 1 AS "to"
               FROM (SELECT receipt_number, lag(receipt_number) OVER (ORDER BY receipt_number) AS previous
                       FROM sale WHERE register_id = $1 AND receipt_number BETWEEN $2 AND $3) numbered
              WHERE receipt_number > previous + 1 ORDER BY 1`,
            [shift.registerId, sales.firstNumber, sales.lastNumber],
          );

    return {
      kind: 'X',
      zNumber: null,
      shiftId: id,
      storeId: shift.storeId,
      registerId: shift.registerId,
      shopName,
      ...place,
      currency: shift.currency,
      timeZone,
      openedAt: shift.openedAt,
      closedAt: null,
      takenAt,
      sales: { count: sales.count, grossMinor: sales.grossMinor, discountMinor: sales.discountMinor, taxMinor: sales.taxMinor, totalMinor: sales.totalMinor },
      refunds,
      voids: { count: voids.count, totalMinor: voids.totalMinor },
      netMinor: sales.totalMinor - refunds.totalMinor - voids.totalMinor,
      taxByRate,
      tenders,
      cashMovements,
      cash: { ...cash, expectedMinor, countedMinor: null, overShortMinor: null },
      denominations: null,
      receipts: {
        firstNumber: sales.firstNumber,
        lastNumber: sales.lastNumber,
        gaps,
        missingCount: gaps.reduce((count, gap) => count + gap.to - gap.from + 1, 0),
      },
    };
  }
}
