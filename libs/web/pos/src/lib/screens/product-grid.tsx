'use client';
import { memo } from 'react';
import { useShopFormat } from '@kassa/web/ui';
import type { SnapshotCategory, SnapshotProduct } from '../store/catalog-snapshot';
import styles from '../till.module.css';

export const UNCATEGORISED = 'uncategorised';
/** The register's favourites, as the first tab. */
export const FAVOURITES = 'favourites';

interface ProductGridProps {
  categories: readonly SnapshotCategory[];
  /** A category id, `FAVOURITES` or `UNCATEGORISED`. */
  category: string;
  /** Whether the Favourites tab is offered (the register has some, or the signed-in user may choose them). */
  favourites: boolean;
  /** For those who may choose the register's favourites (managers). */
  onEditFavourites?: () => void;
  onCategory(category: string): void;
  products: readonly SnapshotProduct[];
  /** Set while the search box holds text: the grid shows its matches instead of a category. */
  searching: string | undefined;
  stock: ReadonlyMap<string, number>;
  onPick(product: SnapshotProduct): void;
}

/** Categories as tabs and their products as big tiles (or the search's matches); re-renders only when they change. */
export const ProductGrid = memo(function ProductGrid({
  categories,
  category,
  favourites,
  onEditFavourites,
  onCategory,
  products,
  searching,
  stock,
  onPick,
}: ProductGridProps) {
  const format = useShopFormat();
  const tabs = [
    ...(favourites ? [{ id: FAVOURITES, name: '★ Favourites' }] : []),
    ...categories.map((entry) => ({ id: entry.id, name: entry.name })),
    { id: UNCATEGORISED, name: 'Other' },
  ];
  const onFavourites = searching === undefined && category === FAVOURITES;
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
      {onFavourites && onEditFavourites && (
        <div className={styles.gridTools}>
          <span className={styles.muted}>What this till shows first.</span>
          <button type="button" className={styles.chip} onClick={onEditFavourites}>
            Edit favourites
          </button>
        </div>
      )}
      {products.length === 0 ? (
        <p className={styles.emptyGrid}>
          {searching !== undefined ? 'Nothing in the catalog matches.' : onFavourites ? 'No favourites on this till yet.' : 'No products in this category.'}
        </p>
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
