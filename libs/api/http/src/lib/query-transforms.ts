import { Transform } from 'class-transformer';

/** Query strings carry text: `true`/`false` become booleans (anything else stays, and fails @IsBoolean). */
export const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/** Query strings carry text: whole numbers become numbers (anything else, or past 2^53, stays text and fails @IsInt). */
export const QueryInteger = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value,
  );
