/** One RFC 4180 line; cells that could start a spreadsheet formula are prefixed with a quote. */
export function csvLine(cells: unknown[]): string {
  return (
    cells
      .map((cell) => {
        const text = cell === null || cell === undefined ? '' : typeof cell === 'string' ? cell : JSON.stringify(cell);
        const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}
