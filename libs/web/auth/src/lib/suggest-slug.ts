/** A shop address suggested from its name: `Corner Shop` → `corner-shop`. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** A store code suggested from the store's name: `Main Street` → `MAIN-STREET` (what the API takes: up to 32, no leading dash). */
export function suggestStoreCode(name: string): string {
  return suggestSlug(name).toUpperCase().slice(0, 32).replace(/-+$/, '');
}
