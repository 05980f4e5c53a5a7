import fc from 'fast-check';
import reference from '../../reference/statsmodels.json';
import { expectAllFinite } from '../test-support/expect-finite';
import { trend } from './trend';

const TOLERANCE = 1e-6;
const series = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 60 });

describe('trend', () => {
  it('matches statsmodels OLS: slope, intercept and the 95% slope interval to 1e-6', () => {
    const { y, slope, intercept, slopeInterval95 } = reference.ols;
    const sut = trend(y);
    expect(Math.abs(sut.slope - slope)).toBeLessThan(TOLERANCE);
    expect(Math.abs(sut.intercept - intercept)).toBeLessThan(TOLERANCE);
    expect(Math.abs((sut.slopeInterval?.low ?? NaN) - slopeInterval95[0])).toBeLessThan(TOLERANCE);
    expect(Math.abs((sut.slopeInterval?.high ?? NaN) - slopeInterval95[1])).toBeLessThan(TOLERANCE);
  });

  it('finds the known slope of an exact line, with a zero-width interval', () => {
    const sut = trend([10, 12, 14, 16, 18, 20]);
    expect(sut.slope).toBeCloseTo(2, 12);
    expect(sut.intercept).toBeCloseTo(10, 12);
    expect(sut.slopeInterval?.low).toBeCloseTo(2, 9);
    expect(sut.slopeInterval?.high).toBeCloseTo(2, 9);
    expect(sut.direction).toBe('up');
    expect(sut.fittedChangePercent).toBeCloseTo((2 * 5 * 100) / 15, 9);
  });

  it('calls a rise below the threshold flat, and the same rise up with a lower threshold', () => {
    const values = Array.from({ length: 20 }, (_, t) => 100 + 0.1 * t);
    expect(trend(values).direction).toBe('flat');
    expect(trend(values, { thresholdPercent: 1 }).direction).toBe('up');
  });

  it('calls a falling series down', () => {
    expect(trend([50, 45, 41, 35, 30, 26, 20]).direction).toBe('down');
  });

  it('keeps a steep-looking line through noise flat when its interval includes zero', () => {
    expect(trend([10, 90, 5, 100, 20, 95, 30]).direction).toBe('flat');
  });

  it('compares the period total with the previous period', () => {
    const sut = trend([10, 20, 30], { previous: [20, 20, 10] });
    expect(sut.changePercent).toBeCloseTo(20, 12);
    expect(sut.explanation).toContain('+20.0% against the previous period');
  });

  it('has no % change when the previous period sold nothing', () => {
    expect(trend([1, 2], { previous: [0, 0] }).changePercent).toBeNull();
  });

  it('explains itself in one sentence', () => {
    expect(trend([10, 12, 14, 16, 18, 20], { label: 'revenue' }).explanation).toBe(
      'The revenue trend is up (+66.7% over the period, +2.00 a day); 95% interval for the daily change: +2.00 to +2.00.',
    );
  });

  it('spells values with the formatter it is given, e.g. money in minor units', () => {
    const euros = (minor: number) => `€${(minor / 100).toFixed(2)}`;
    expect(trend([1000, 1200, 1400], { label: 'revenue', format: euros }).explanation).toContain('+€2.00 a day');
    expect(trend([1400, 1200, 1000], { label: 'revenue', format: euros }).explanation).toContain('-€2.00 a day');
  });

  it.each([
    ['empty', []],
    ['single-point', [42]],
    ['all-zero', [0, 0, 0, 0, 0]],
  ])('handles %s input as flat without inventing numbers', (_, values) => {
    const sut = trend(values, { previous: [0] });
    expect(sut.direction).toBe('flat');
    expect(sut.changePercent).toBeNull();
    expectAllFinite(sut);
  });

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(series, fc.option(series, { nil: undefined }), (values, previous) => {
        expectAllFinite(trend(values, { previous }));
      }),
    );
  });
});
