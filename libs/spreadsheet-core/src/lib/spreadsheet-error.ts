/**
 * Why a file cannot be read at all (as opposed to a row problem): `unreadable` for a file that is not
 * a spreadsheet or is corrupt, `too_large` for the limits, `mapping_invalid` for a bad column mapping.
 * The API turns the reason into its error code; the browser shows the message.
 */
export type SpreadsheetErrorReason = 'unreadable' | 'too_large' | 'mapping_invalid';

export class SpreadsheetError extends Error {
  constructor(
    readonly reason: SpreadsheetErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'SpreadsheetError';
  }
}
