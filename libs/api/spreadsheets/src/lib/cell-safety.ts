/**
 * Text a spreadsheet would run as a formula gets a leading apostrophe, so an exported product name
 * can never execute (CSV/formula injection): text that starts with a tab, carriage return or line
 * feed, or whose first character after any whitespace is `=`, `+`, `-`, `@` or their fullwidth forms
 * (which Excel in CJK locales reads as the ASCII ones). Numbers are not text: they never pass here.
 */
export function neutralizeFormula(text: string): string {
  return /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
}
