// Numbers as they appear in explanation sentences.

export function formatNumber(value: number, signed = false): string {
  const rounded = Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
  const clean = rounded === '-0' || /^-0\.0+$/.test(rounded) ? rounded.slice(1) : rounded;
  return signed && !clean.startsWith('-') ? `+${clean}` : clean;
}

export function formatPercent(value: number): string {
  const rounded = value.toFixed(1);
  const clean = /^-0\.0$/.test(rounded) ? '0.0' : rounded;
  return `${clean.startsWith('-') ? '' : '+'}${clean}%`;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A fraction 0 … 1 as a percentage with one decimal at most: 0.6667 → "66.7%", 1 → "100%". */
export function formatShare(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** How an explanation spells a value of the series: a money formatter for revenue in minor units, say. */
export type ValueFormat = (value: number) => string;

export const plainNumber: ValueFormat = (value) => formatNumber(value);

/** A change with its sign: "+2.00", "-15.00". */
export function signed(value: number, format: ValueFormat): string {
  return value < 0 && format(-value) !== format(0) ? `-${format(-value)}` : `+${format(Math.abs(value))}`;
}

/** Wording options shared by the analyses that explain themselves. */
export interface ExplanationOptions {
  /** What the values are, in lower case. Default "sales". */
  label?: string;
  /** How values are spelled. Default: plain numbers with two decimals under 100. */
  format?: ValueFormat;
}
