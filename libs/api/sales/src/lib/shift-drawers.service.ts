import { Injectable } from '@nestjs/common';
import { queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { SHIFT_SETTINGS_DEFAULTS } from './shift-settings.service';
import { shiftNotOpen } from './sales.exception';

/**
 * Which open shift (drawer) a sale, refund, void or cash movement on a register belongs to. The shift's row is
 * share-locked until the change commits: a close (which takes the row for update) waits for changes already under
 * way and counts them, and a change that comes after the close finds no open shift.
 */
@Injectable()
export class ShiftDrawersService {
  async openShiftOf(context: RequestContext, registerId: string): Promise<string | null> {
    const [shift] = await queryRows<{ id: string }>(context.manager, `SELECT id FROM shift WHERE register_id = $1 AND status = 'open' FOR SHARE`, [registerId]);
    return shift?.id ?? null;
  }

  /**
   * The shift a sale on the register goes into. A POS sale rung up online needs one when the shop says so (409
   * `shift_not_open`); an offline sale already happened, so it is taken as it comes (its till syncs the shift's
   * opening before it, in order).
   */
  async forSale(context: RequestContext, register: { id: string; kind: 'pos' | 'api' }, offline: boolean): Promise<string | null> {
    // The shift and the shop's rule in one statement: a sale asks it on every checkout.
    const [found] = await queryRows<{ shiftId: string | null; requireOpenShift: boolean | null }>(
      context.manager,
      `SELECT (SELECT id FROM shift WHERE register_id = $1 AND status = 'open' FOR SHARE) AS "shiftId",
              (SELECT require_open_shift FROM shift_settings) AS "requireOpenShift"`,
      [register.id],
    );
    const required = found.requireOpenShift ?? SHIFT_SETTINGS_DEFAULTS.requireOpenShift;
    if (found.shiftId === null && register.kind === 'pos' && !offline && required) throw shiftNotOpen();
    return found.shiftId;
  }
}
