import { THEME_COLORS } from './theme-colors';
import { THEME_TOKENS_CSS } from './theme-tokens';

describe('THEME_TOKENS_CSS', () => {
  it('gives the dark background to an explicit dark choice regardless of the system preference', () => {
    const rule = /:root\[data-theme='dark'\]\{([^}]*)\}/.exec(THEME_TOKENS_CSS)?.[1];
    expect(rule).toContain(`--color-bg:${THEME_COLORS.dark.bg}`);
    expect(rule).toContain('color-scheme:dark');
  });

  it('follows a dark system preference only when light was not chosen', () => {
    expect(THEME_TOKENS_CSS).toContain(`@media (prefers-color-scheme: dark){:root:not([data-theme='light']){--color-bg:${THEME_COLORS.dark.bg}`);
  });
});
