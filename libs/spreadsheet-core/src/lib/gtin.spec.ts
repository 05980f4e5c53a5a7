import { gtin14, hasValidCheckDigit, parseBarcode, parseBarcodes } from './gtin';

describe('GTIN barcodes', () => {
  it('checks the GS1 check digit', () => {
    expect(hasValidCheckDigit('4006381333931')).toBe(true);
    expect(hasValidCheckDigit('4006381333932')).toBe(false);
    expect(hasValidCheckDigit('96385074')).toBe(true);
  });

  it('compares a UPC-A, the same EAN-13 and GTIN-14 as one code', () => {
    expect(gtin14('012345678905')).toBe('00012345678905');
    expect(gtin14('0012345678905')).toBe(gtin14('012345678905'));
    expect(gtin14('SHELF-7')).toBe('SHELF-7');
  });

  it('restores the leading zero of a barcode stored as a number, and notes it', () => {
    expect(parseBarcode({ kind: 'number', value: 12345678905 })).toEqual({
      ok: true,
      value: '012345678905',
      note: 'barcode 12345678905 read as 012345678905 (leading zeros restored)',
    });
    expect(parseBarcode({ kind: 'number', value: 4006381333931 })).toEqual({ ok: true, value: '4006381333931' });
  });

  it('refuses a number that no padding turns into a valid GTIN', () => {
    expect(parseBarcode({ kind: 'number', value: 12345 })).toEqual({ ok: false, message: 'barcode 12345 looks numeric — format the column as text' });
  });

  it('keeps a text barcode exactly as written', () => {
    expect(parseBarcode({ kind: 'text', text: ' 00042 ' })).toEqual({ ok: true, value: '00042' });
  });

  it('splits a list on spaces, commas, semicolons and bars', () => {
    expect(parseBarcodes({ kind: 'text', text: '111, 222;333|444 555' })).toEqual({ ok: true, value: ['111', '222', '333', '444', '555'] });
  });
});
