'use client';
import { useEffect, useState } from 'react';
import { callApi, type ApiAccess } from '@kassa/web/data-access';
import { Button, Dialog, Input } from '@kassa/web/ui';
import type { CatalogSnapshot, SnapshotProduct } from '../store/catalog-snapshot';
import styles from '../till.module.css';

/** As many as the API keeps per register. */
const MAX_FAVOURITES = 48;

interface FavouritesDialogProps {
  open: boolean;
  snapshot: CatalogSnapshot;
  access: ApiAccess;
  registerId: string;
  registerName: string;
  /** Saved on the server and in the snapshot. */
  onSaved(): void;
  onClose(): void;
}

/** A manager arranges the register's favourites: add from the snapshot by name or code, reorder, remove, save. */
export function FavouritesDialog({ open, snapshot, access, registerId, registerName, onSaved, onClose }: FavouritesDialogProps) {
  const [list, setList] = useState<SnapshotProduct[]>([]);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<SnapshotProduct[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setQuery('');
    setError(undefined);
    void snapshot.favourites().then(setList);
  }, [open, snapshot]);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) return setMatches([]);
    const controller = new AbortController();
    void (async () => {
      const byCode = await snapshot.lookup(text);
      const found = byCode ? [byCode] : await snapshot.search(text, 8, controller.signal);
      if (!controller.signal.aborted) setMatches(found);
    })();
    return () => controller.abort();
  }, [query, snapshot]);

  const move = (index: number, by: -1 | 1) =>
    setList((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  async function save() {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await callApi(access, (http) =>
        http.PUT('/api/v1/registers/{id}/favourites', { params: { path: { id: registerId } }, body: { productIds: list.map((product) => product.id) } }),
      );
      await snapshot.setFavourites(saved.productIds);
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  }

  const listed = new Set(list.map((product) => product.id));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !saving && onClose()}
      title={`Favourites on ${registerName}`}
      description="The products this till shows first, in this order."
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button variant="primary" loading={saving} onClick={() => void save()}>
            Save favourites
          </Button>
        </>
      }
    >
      <div className={styles.stack}>
        {list.length === 0 ? (
          <p className={styles.muted}>No favourites yet: add products below.</p>
        ) : (
          <ol className={styles.pickList} aria-label="Favourites">
            {list.map((product, index) => (
              <li key={product.id} className={styles.favouriteRow}>
                <span className={styles.favouriteName}>{product.name}</span>
                <Button size="small" disabled={index === 0} aria-label={`Move ${product.name} up`} onClick={() => move(index, -1)}>
                  ↑
                </Button>
                <Button size="small" disabled={index === list.length - 1} aria-label={`Move ${product.name} down`} onClick={() => move(index, 1)}>
                  ↓
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={`Remove ${product.name}`}
                  onClick={() => setList((current) => current.filter((other) => other !== product))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ol>
        )}
        <Input
          label="Add a product"
          hint={list.length >= MAX_FAVOURITES ? `A till holds ${MAX_FAVOURITES} favourites.` : 'Type a name or SKU, or scan a barcode.'}
          type="search"
          autoComplete="off"
          value={query}
          disabled={list.length >= MAX_FAVOURITES}
          onChange={(event) => setQuery(event.target.value)}
        />
        {matches.length > 0 && (
          <ul className={styles.pickList} aria-label="Products to add">
            {matches.map((product) => (
              <li key={product.id}>
                <button
                  type="button"
                  className={styles.pickItem}
                  disabled={listed.has(product.id) || list.length >= MAX_FAVOURITES}
                  onClick={() => {
                    setList((current) => [...current, product]);
                    setQuery('');
                  }}
                >
                  <strong>{listed.has(product.id) ? `${product.name} (a favourite)` : `Add ${product.name}`}</strong>
                  <span className={styles.muted}>{product.sku}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className={styles.error}>
            {error}
          </p>
        )}
      </div>
    </Dialog>
  );
}
