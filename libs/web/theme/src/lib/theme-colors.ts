/** The two palettes. The manifest, the browser's theme-color and the CSS tokens all read these. */
export const THEME_COLORS = {
  light: {
    bg: '#f6f7f9',
    surface: '#ffffff',
    text: '#14171f',
    muted: '#5b6270',
    border: '#dde1e8',
    accent: '#1f5fd1',
    accentText: '#ffffff',
    ok: '#1a7f37',
    warn: '#9a6700',
    error: '#cf222e',
  },
  dark: {
    bg: '#0f1217',
    surface: '#171b22',
    text: '#e6e9ef',
    muted: '#9aa3b2',
    border: '#2a303b',
    accent: '#4c8dff',
    accentText: '#0f1217',
    ok: '#3fb950',
    warn: '#d29922',
    error: '#f85149',
  },
} as const;

export type ThemeName = keyof typeof THEME_COLORS;
