import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RECEIPT_WIDTH } from './receipt-text';
import { renderHtmlShiftReport } from './shift-report-html';
import { renderTextShiftReport } from './shift-report-text';
import { workedExampleShift } from './__fixtures__/worked-example-shift';

describe('renderTextShiftReport', () => {
  it('prints the worked example exactly as the stored Z-report', () => {
    const expected = readFileSync(path.join(__dirname, '__fixtures__', 'worked-example-shift-report.txt'), 'utf8');
    expect(renderTextShiftReport(workedExampleShift)).toBe(expected);
  });

  it('never prints a line wider than the paper, whatever the shop typed', () => {
    const long = 'A reason far longer than any roll of thermal paper could ever hold on one line';
    const text = renderTextShiftReport({
      ...workedExampleShift,
      registerName: 'The till by the very long window at the back',
      cashMovements: [{ ...workedExampleShift.cashMovements[0], reason: long }],
    });
    expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThanOrEqual(RECEIPT_WIDTH);
  });

  it('prints an X-report under blind count without the expected cash or a count', () => {
    const text = renderTextShiftReport({
      ...workedExampleShift,
      kind: 'X',
      zNumber: null,
      closedAt: null,
      cash: { ...workedExampleShift.cash, expectedMinor: null, countedMinor: null, overShortMinor: null },
      denominations: null,
    });
    expect(text).toMatch(/^ +X-REPORT$/m);
    expect(text).toMatch(/^Taken +2026-11-26 18:05$/m);
    expect(text).not.toMatch(/Expected|Counted|SHORT|OVER|127\./);
  });
});

describe('renderHtmlShiftReport', () => {
  it('escapes what shop owners typed and shows the count against the expected cash', () => {
    const html = renderHtmlShiftReport(workedExampleShift);
    expect(html).toContain('Corner Shop &amp; Co');
    expect(html).not.toContain('Corner Shop & Co');
    expect(html).toContain('<h1>Z-REPORT 7</h1>');
    expect(html).toMatch(/<tr class="total"><th scope="row">Expected<\/th><td>127\.50<\/td><\/tr>/);
    expect(html).toMatch(/<tr class="total alert"><th scope="row">Short<\/th><td>-0\.01<\/td><\/tr>/);
    expect(html).toContain('@page { size: 80mm auto;');
  });
});
