/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return at the start)
 * gets a leading apostrophe, so an exported product name can never execute (CSV/formula injection).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
