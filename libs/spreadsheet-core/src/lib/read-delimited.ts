import Papa from 'papaparse';
import { decodeText } from './decode-text';
import { MAX_SPREADSHEET_ROWS } from './limits';
import { Cell, SheetRow, SheetTable, tableOf } from './sheet-table';
import { SpreadsheetError } from './spreadsheet-error';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * A CSV/TSV file to a table of text cells, each row with the line it starts on (quoted newlines
 * make a row span lines). The delimiter is detected among `,` `;` tab `|` unless given.
 */
export function readDelimited(bytes: Uint8Array, delimiter?: Delimiter): SheetTable {
  const { text } = decodeText(bytes);
  const rows: SheetRow[] = [];
  let line = 1;
  let consumed = 0;
  let filledRows = 0;
  let tooMany = false;
  let unclosedQuoteLine: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter: delimiter ?? detectDelimiter(text),
    skipEmptyLines: false,
    step: (step, parser) => {
      const start = consumed;
      consumed = step.meta.cursor;
      if (step.errors.some((error) => error.type === 'Quotes')) unclosedQuoteLine ??= line;
      const cells = step.data.map(textCell);
      rows.push({ line, cells });
      line += newlinesIn(text, start, consumed);
      // The header is one of the rows; blank rows do not count against the limit.
      if (cells.some((cell) => cell.kind !== 'empty')) filledRows++;
      if (filledRows > MAX_SPREADSHEET_ROWS + 1) {
        tooMany = true;
        parser.abort();
      }
    },
  });
  if (tooMany) throw new SpreadsheetError('too_large', `At most ${MAX_SPREADSHEET_ROWS} rows per file.`);
  if (unclosedQuoteLine !== undefined) throw new SpreadsheetError('unreadable', `Line ${unclosedQuoteLine}: a quoted value is never closed.`);
  return tableOf(rows);
}

/**
 * The delimiter that splits the first rows into the same number of fields, more than one; among
 * several, the one giving the most fields (a `,` inside a `;` file's decimals splits unevenly).
 * Papaparse's own guess gives up on files with blank lines, so each candidate is tried here.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; fields: number; consistent: boolean } = { delimiter: ',', fields: 0, consistent: false };
  for (const delimiter of DELIMITERS) {
    const sample = Papa.parse<string[]>(text, { delimiter, preview: 20, skipEmptyLines: 'greedy' }).data;
    const fields = sample[0]?.length ?? 0;
    const consistent = sample.every((row) => row.length === fields);
    if (fields < 2) continue;
    if ((consistent && !best.consistent) || (consistent === best.consistent && fields > best.fields)) best = { delimiter, fields, consistent };
  }
  return best.delimiter;
}

function textCell(value: string): Cell {
  return value === '' ? { kind: 'empty' } : { kind: 'text', text: value };
}

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) count++;
  }
  return count;
}
