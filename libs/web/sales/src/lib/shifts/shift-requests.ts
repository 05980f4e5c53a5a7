import type { Schemas } from '@kassa/api-client';
import { queryKeys } from '@kassa/web/data-access';

export type Shift = Schemas['ShiftDto'];

export const shiftKeys = {
  list: (params: object) => queryKeys.list('shift', params),
  report: (id: string) => [...queryKeys.detail('shift', id), 'report'] as const,
  settings: queryKeys.entity('shift-settings'),
};

/** How a closed shift's drawer came out: short (cash missing), over, or exact; null while it is open. */
export type DrawerOutcome = 'short' | 'over' | 'exact' | null;

export function drawerOutcome(shift: Pick<Shift, 'overShortMinor'>): DrawerOutcome {
  if (shift.overShortMinor === null) return null;
  return shift.overShortMinor < 0 ? 'short' : shift.overShortMinor > 0 ? 'over' : 'exact';
}
