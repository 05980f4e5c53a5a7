import { THEME_COLORS, type ThemeName } from './theme-colors';

// WCAG 2.1 relative luminance and contrast ratio of two #rrggbb colours.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

describe('chart colours', () => {
  it.each<ThemeName>(['light', 'dark'])('stand out 3:1 from the %s surface, as WCAG asks of graphics', (theme) => {
    const colors = THEME_COLORS[theme];
    const ratios = Object.fromEntries([colors.chart1, colors.chart2, colors.chart3].map((line) => [line, contrast(line, colors.surface) >= 3]));
    expect(ratios).toEqual({ [colors.chart1]: true, [colors.chart2]: true, [colors.chart3]: true });
  });
});
