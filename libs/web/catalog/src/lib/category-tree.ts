/** A category as the API lists it: the tree flat, parents before their children. */
export interface CategoryRow {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
}

export interface CategoryNode extends CategoryRow {
  children: CategoryNode[];
  /** 1 at the top. */
  level: number;
}

/** The flat list as a tree; siblings keep the API's order (by name). A parent missing from the list puts its child at the top. */
export function categoryTree(rows: readonly CategoryRow[]): CategoryNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { ...row, children: [] as CategoryNode[], level: 1 }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setLevels = (list: CategoryNode[], level: number) => {
    for (const node of list) {
      node.level = level;
      setLevels(node.children, level + 1);
    }
  };
  setLevels(roots, 1);
  return roots;
}

/** Each category's path (`Drinks > Tea`), so two categories with one name are told apart; sorted by path. */
export function categoryPaths(rows: readonly CategoryRow[]): { id: string; path: string }[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pathOf = (row: CategoryRow, seen: Set<string>): string => {
    const parent = row.parentId === null || seen.has(row.parentId) ? undefined : byId.get(row.parentId);
    return parent ? `${pathOf(parent, seen.add(row.id))} > ${row.name}` : row.name;
  };
  return rows.map((row) => ({ id: row.id, path: pathOf(row, new Set()) })).sort((a, b) => a.path.localeCompare(b.path));
}
