/** Which columns a person hid in which table, kept on the device under a key that names both. */
export type ColumnVisibility = Record<string, boolean>;

const PREFIX = 'kassa:table-columns:';

export function loadColumnVisibility(key: string | undefined): ColumnVisibility {
  if (!key || typeof localStorage === 'undefined') return {};
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(PREFIX + key) ?? '{}');
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
  } catch {
    return {};
  }
}

export function saveColumnVisibility(key: string | undefined, visibility: ColumnVisibility): void {
  if (!key) return;
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(visibility));
  } catch {
    // Storage full or refused (private mode): the choice lasts for this page only.
  }
}
