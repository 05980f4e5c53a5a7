'use client';
import { memo } from 'react';
import { useShopFormat } from '@kassa/web/ui';
import type { SnapshotCategory, SnapshotProduct } from '../store/catalog-snapshot';
import styles from '../till.module.css';

export const UNCATEGORISED = 'uncategorised';

interface ProductGridProps {
  categories: readonly SnapshotCategory[];
  /** A category id, or `UNCATEGORISED`. */
  category: string;
  onCategory(category: string): void;
  products: readonly SnapshotProduct[];
  /** Set while the search box holds text: the grid shows its matches instead of a category. */
  searching: string | undefined;
  stock: ReadonlyMap<string, number>;
  onPick(product: SnapshotProduct): void;
}

/** Categories as tabs and their products as big tiles (or the search's matches); re-renders only when they change. */
export const ProductGrid = memo(function ProductGrid({ categories, category, onCategory, products, searching, stock, onPick }: ProductGridProps) {
  const format = useShopFormat();
  const tabs = [...categories.map((entry) => ({ id: entry.id, name: entry.name })), { id: UNCATEGORISED, name: 'Other' }];
  return (
    <section className={styles.catalog} aria-label="Products">
      <nav className={styles.categoryTabs} aria-label="Categories">
        {tabs.map((tab) => (
          <button key={tab.id} type="button" className={styles.categoryTab} aria-pressed={!searching && tab.id === category} onClick={() => onCategory(tab.id)}>
            {tab.name}
          </button>
        ))}
      </nav>
      {searching !== undefined && <p className={styles.gridHeading}>Matches for “{searching}”</p>}
      {products.length === 0 ? (
        <p className={styles.emptyGrid}>{searching !== undefined ? 'Nothing in the catalog matches.' : 'No products in this category.'}</p>
      ) : (
        <ul className={styles.productGrid}>
          {products.map((product) => {
            const onHand = product.trackStock ? stock.get(product.id) : undefined;
            return (
              <li key={product.id}>
                <button type="button" className={styles.productTile} onClick={() => onPick(product)}>
                  <span className={styles.productName}>{product.name}</span>
                  <span className={styles.productPrice}>{format.money(product.priceMinor)}</span>
                  {onHand !== undefined && (
                    <span className={onHand > 0 ? styles.stockHint : styles.stockOut}>{onHand > 0 ? `${onHand} in stock` : 'Out of stock'}</span>
                  )}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
