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
    // Charts: Okabe–Ito hues (told apart with every common colour-vision deficiency), each ≥ 3:1 on the surface.
    chart1: '#0072b2',
    chart2: '#c85200',
    chart3: '#007a5a',
    chartBand: 'rgba(0, 114, 178, 0.16)',
    chartGrid: '#e4e7ec',
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
    chart1: '#56b4e9',
    chart2: '#e69f00',
    chart3: '#2fbf8f',
    chartBand: 'rgba(86, 180, 233, 0.2)',
    chartGrid: '#262c36',
  },
} as const;

export type ThemeName = keyof typeof THEME_COLORS;
