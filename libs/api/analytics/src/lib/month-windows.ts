/** Calendar months covering `firstDay`…`lastDay` (YYYY-MM-DD), clipped to them: a rebuild's unit of work. */
export function monthWindows(firstDay: string, lastDay: string): { fromDay: string; toDay: string }[] {
  const windows: { fromDay: string; toDay: string }[] = [];
  let [year, month] = firstDay.split('-').map(Number);
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (start > lastDay) break;
    windows.push({ fromDay: start < firstDay ? firstDay : start, toDay: end > lastDay ? lastDay : end });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return windows;
}
