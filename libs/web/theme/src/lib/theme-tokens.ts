import { THEME_COLORS, type ThemeName } from './theme-colors';

function declarations(theme: ThemeName): string {
  const colors = THEME_COLORS[theme];
  return [
    `--color-bg:${colors.bg}`,
    `--color-surface:${colors.surface}`,
    `--color-text:${colors.text}`,
    `--color-muted:${colors.muted}`,
    `--color-border:${colors.border}`,
    `--color-accent:${colors.accent}`,
    `--color-accent-text:${colors.accentText}`,
    `--color-ok:${colors.ok}`,
    `--color-warn:${colors.warn}`,
    `--color-error:${colors.error}`,
    `--chart-1:${colors.chart1}`,
    `--chart-2:${colors.chart2}`,
    `--chart-3:${colors.chart3}`,
    `--chart-band:${colors.chartBand}`,
    `--chart-grid:${colors.chartGrid}`,
    `color-scheme:${theme}`,
  ].join(';');
}

/**
 * The theme as CSS custom properties, inlined in the document head: the colours must not wait for a
 * stylesheet or script to load, or a dark-mode user sees a white flash. `data-theme` is set by
 * next-themes' inline script before first paint; with no choice stored, the system preference rules.
 */
export const THEME_TOKENS_CSS = [
  `:root{${declarations('light')}}`,
  `@media (prefers-color-scheme: dark){:root:not([data-theme='light']){${declarations('dark')}}}`,
  `:root[data-theme='dark']{${declarations('dark')}}`,
  'html,body{background:var(--color-bg);color:var(--color-text)}',
].join('\n');
