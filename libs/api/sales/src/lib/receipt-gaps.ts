import { queryRows } from '@kassa/api/database';
import type { RequestContext } from '@kassa/api/http';

export interface ReceiptGap {
  from: number;
  to: number;
}

const MAX_LISTED_MISSING = 1000;

/** Numbers up to the register's last (`lastReceiptNumber`, kept by tenancy's RegistersService) with no sale: sales that never arrived. */
export async function receiptGaps(
  context: RequestContext,
  registerId: string,
  lastReceiptNumber: number,
): Promise<{ gaps: ReceiptGap[]; missing: number[]; missingCount: number }> {
  const gaps = await queryRows<ReceiptGap>(
    context.manager,
    `SELECT previous + 1 AS "from", receipt_number - 1 AS "to"
       FROM (SELECT s.receipt_number, coalesce(lag(s.receipt_number) OVER (ORDER BY s.receipt_number), 0) AS previous
               FROM (SELECT receipt_number FROM sale WHERE register_id = $1 AND receipt_number IS NOT NULL
                     UNION ALL
                     SELECT $2::int + 1) s) numbered
      WHERE receipt_number > previous + 1
      ORDER BY 1`,
    [registerId, lastReceiptNumber],
  );
  const missing: number[] = [];
  for (const gap of gaps) {
    for (let number = gap.from; number <= gap.to && missing.length < MAX_LISTED_MISSING; number++) missing.push(number);
  }
  return { gaps, missing, missingCount: gaps.reduce((count, gap) => count + gap.to - gap.from + 1, 0) };
}
