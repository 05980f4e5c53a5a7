import { types } from 'pg';

const INT8_OID = 20;

/**
 * bigint columns (money in minor units, sequences) arrive as JavaScript numbers, not strings:
 * every value we store stays far below 2^53, and one that did not would be refused, never rounded.
 */
export function parseBigintsAsNumbers(): void {
  types.setTypeParser(INT8_OID, (text: string) => {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
    return value;
  });
}
