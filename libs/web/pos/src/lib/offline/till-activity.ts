/** What the till is doing: a new version may take over only when all of it is nothing. */
export interface TillActivity {
  /** Lines in the open cart. */
  cartLines: number;
  /** A sale being paid, its receipt on screen, or a PIN being typed. */
  busy: boolean;
  /** Entries still to send (refused ones do not hold an update back: they stay until a manager acts). */
  waiting: number;
}

export const mayUpdate = (activity: TillActivity) => activity.cartLines === 0 && !activity.busy && activity.waiting === 0;
