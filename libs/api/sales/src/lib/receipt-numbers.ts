import { queryRows } from '@kassa/api/database';
import type { EntityManager } from 'typeorm';

export interface ReceiptGap {
  from: number;
  to: number;
}

const MAX_LISTED_MISSING = 1000;

/**
 * Receipt numbers are gapless per register (issue 10). The server numbers an `api` register's sales;
 * a POS register numbers its own (it is the only writer, online and offline), and the server only
 * keeps `last_receipt_number` at the highest it has seen, so a reinstalled tablet resumes after it.
 * Each register is its own row: registers never wait on each other.
 */
export const ReceiptNumbers = {
  /** The api register's next number; its row stays locked until the sale commits, so numbers never repeat or skip. */
  async next(manager: EntityManager, registerId: string): Promise<number> {
    const [register] = await queryRows<{ number: number }>(
      manager,
      `UPDATE register SET last_receipt_number = last_receipt_number + 1 WHERE id = $1 RETURNING last_receipt_number AS number`,
      [registerId],
    );
    return register.number;
  },

  /** A POS register's number has arrived: remember it if it is the highest yet. */
  async seen(manager: EntityManager, registerId: string, receiptNumber: number): Promise<void> {
    await manager.query(
      `UPDATE register SET last_receipt_number = $2 WHERE id = $1 AND last_receipt_number < $2`,
      [registerId, receiptNumber],
    );
  },

  /** Numbers up to `last_receipt_number` with no sale: sales that never arrived. */
  async gaps(manager: EntityManager, registerId: string): Promise<{ gaps: ReceiptGap[]; missing: number[]; missingCount: number }> {
    const gaps: ReceiptGap[] = await manager.query(
      `SELECT previous + 1 AS "from", receipt_number - 1 AS "to"
         FROM (SELECT s.receipt_number, coalesce(lag(s.receipt_number) OVER (ORDER BY s.receipt_number), 0) AS previous
                 FROM (SELECT receipt_number FROM sale WHERE register_id = $1 AND receipt_number IS NOT NULL
                       UNION ALL
                       SELECT last_receipt_number + 1 FROM register WHERE id = $1) s) numbered
        WHERE receipt_number > previous + 1
        ORDER BY 1`,
      [registerId],
    );
    const missing: number[] = [];
    for (const gap of gaps) {
      for (let number = gap.from; number <= gap.to && missing.length < MAX_LISTED_MISSING; number++) missing.push(number);
    }
    return { gaps, missing, missingCount: gaps.reduce((count, gap) => count + gap.to - gap.from + 1, 0) };
  },
};
