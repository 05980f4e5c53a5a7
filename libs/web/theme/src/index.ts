export { THEME_COLORS } from './lib/theme-colors';
export { THEME_TOKENS_CSS } from './lib/theme-tokens';
export { ThemeProvider } from './lib/theme-provider';
export { ThemeSwitcher } from './lib/theme-switcher';
