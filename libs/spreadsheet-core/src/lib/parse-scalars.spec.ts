import { localeFormat } from './locale-format';
import { parseBoolean, parseDate, parseInteger } from './parse-scalars';
import { Cell } from './sheet-table';

const text = (value: string): Cell => ({ kind: 'text', text: value });

describe('booleans, whole numbers and dates', () => {
  it.each(['true', 'Yes', 'ja', 'oui', '1'])('reads %s as true', (word) => expect(parseBoolean(text(word))).toEqual({ ok: true, value: true }));
  it.each(['false', 'No', 'nein', 'non', '0'])('reads %s as false', (word) => expect(parseBoolean(text(word))).toEqual({ ok: true, value: false }));

  it('refuses a word that is neither', () => {
    expect(parseBoolean(text('maybe'))).toEqual({ ok: false, message: 'maybe is not yes or no' });
  });

  it("reads whole numbers with the locale's grouping", () => {
    expect(parseInteger(text('1.000'), localeFormat('de-DE'))).toEqual({ ok: true, value: 1000 });
    expect(parseInteger(text('1.5'), localeFormat('en-US'))).toMatchObject({ ok: false });
  });

  it("reads ISO dates, Excel serials and the locale's order", () => {
    expect(parseDate(text('2026-03-04'), localeFormat('en-US'))).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDate({ kind: 'number', value: 46085 }, localeFormat('en-US'))).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDate(text('04.03.2026'), localeFormat('de-DE'))).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDate(text('03/04/2026'), localeFormat('en-US'))).toEqual({ ok: true, value: '2026-03-04' });
    expect(parseDate(text('31/02/2026'), localeFormat('fr-FR'))).toEqual({ ok: false, message: '31/02/2026 is not a date' });
  });
});
