import { localeFormat } from './locale-format';
import { parseMoney } from './parse-money';
import { Cell } from './sheet-table';

const text = (value: string): Cell => ({ kind: 'text', text: value });
const enUS = localeFormat('en-US');
const deDE = localeFormat('de-DE');

describe('parseMoney', () => {
  it.each([
    ['12.50', enUS, 1250],
    ['12,50', deDE, 1250],
    ['1,234.56', enUS, 123_456],
    ['1.234,56', enUS, 123_456],
    ['1.234.567', deDE, 123_456_700],
    ['€ 4,50', deDE, 450],
    ['-3.5', enUS, -350],
    ['1 234,00', deDE, 123_400],
    ['7', enUS, 700],
  ])('reads %s in %o as %d minor units', (value, format, minor) => {
    expect(parseMoney(text(value), format, 2)).toMatchObject({ ok: true, value: minor });
  });

  it('reads 1,234 in en-US as a thousands separator and notes it', () => {
    expect(parseMoney(text('1,234'), enUS, 2)).toEqual({ ok: true, value: 123_400, note: '1,234 read as 1234 (en-US)' });
  });

  it("refuses 12.50 in de-DE with the shop's own format", () => {
    expect(parseMoney(text('12.50'), deDE, 2)).toEqual({ ok: false, message: "12.50 is not a price in this shop's format (de-DE): use 12,50" });
  });

  it('takes a numeric cell as the number it is, whatever the locale', () => {
    expect(parseMoney({ kind: 'number', value: 1234.5 }, deDE, 2)).toEqual({ ok: true, value: 123_450 });
    expect(parseMoney({ kind: 'number', value: 0.1 }, enUS, 2)).toEqual({ ok: true, value: 10 });
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseMoney({ kind: 'number', value: 2.555 }, enUS, 2)).toMatchObject({ ok: false });
    expect(parseMoney(text('100.5'), enUS, 0)).toEqual({ ok: false, message: '100.5 has more decimals than the currency (0)' });
  });

  it('refuses text that is not an amount', () => {
    expect(parseMoney(text('twelve'), enUS, 2)).toEqual({ ok: false, message: 'twelve is not an amount' });
    expect(parseMoney(text('1.2.3,4.5'), deDE, 2)).toMatchObject({ ok: false });
  });
});
