import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderHtmlReceipt } from './receipt-html';
import { RECEIPT_WIDTH, renderTextReceipt } from './receipt-text';
import { workedExample } from './__fixtures__/worked-example';

describe('renderTextReceipt', () => {
  it('prints the worked example exactly as the stored receipt', () => {
    const expected = readFileSync(path.join(__dirname, '__fixtures__', 'worked-example-receipt.txt'), 'utf8');
    expect(renderTextReceipt(workedExample)).toBe(expected);
  });

  it('never prints a line wider than the paper', () => {
    const text = renderTextReceipt(workedExample);
    expect(Math.max(...text.split('\n').map((row) => row.length))).toBeLessThanOrEqual(RECEIPT_WIDTH);
  });

  it('adds tax on top when prices exclude it', () => {
    const text = renderTextReceipt({ ...workedExample, refunds: [], sale: { ...workedExample.sale, pricesIncludeTax: false } });
    expect(text).toMatch(/^Tax 7% {2,}0\.77$/m);
    expect(text.indexOf('Tax 19%')).toBeLessThan(text.indexOf('TOTAL'));
  });
});

describe('renderHtmlReceipt', () => {
  it('escapes what shop owners typed and shows the totals', () => {
    const html = renderHtmlReceipt(workedExample);
    expect(html).toContain('Corner Shop &amp; Co');
    expect(html).toContain('EUR 16.87');
    expect(html).toContain('Incl. tax 19%');
    expect(html).not.toContain('Corner Shop & Co');
  });
});
