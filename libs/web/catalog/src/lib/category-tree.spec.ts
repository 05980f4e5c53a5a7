import { categoryPaths, categoryTree, type CategoryRow } from './category-tree';

const row = (id: string, name: string, parentId: string | null = null): CategoryRow => ({ id, name, parentId, version: 1 });

describe('categoryTree', () => {
  it('nests children under their parents at the next level, keeping the order they came in', () => {
    const tree = categoryTree([row('b', 'Bakery'), row('d', 'Drinks'), row('j', 'Juice', 'd'), row('t', 'Tea', 'd'), row('g', 'Green', 't')]);
    expect(tree.map((node) => node.name)).toEqual(['Bakery', 'Drinks']);
    expect(tree[1].children.map((node) => [node.name, node.level])).toEqual([
      ['Juice', 2],
      ['Tea', 2],
    ]);
    expect(tree[1].children[1].children).toEqual([expect.objectContaining({ name: 'Green', level: 3, children: [] })]);
  });

  it('puts a category whose parent is not in the list at the top', () => {
    expect(categoryTree([row('x', 'Orphan', 'gone')]).map((node) => [node.name, node.level])).toEqual([['Orphan', 1]]);
  });
});

describe('categoryPaths', () => {
  it('names each category by its path, sorted, so equal names are told apart', () => {
    expect(categoryPaths([row('d', 'Drinks'), row('f', 'Food'), row('td', 'Tea', 'd'), row('tf', 'Tea', 'f')])).toEqual([
      { id: 'd', path: 'Drinks' },
      { id: 'td', path: 'Drinks > Tea' },
      { id: 'f', path: 'Food' },
      { id: 'tf', path: 'Food > Tea' },
    ]);
  });
});
