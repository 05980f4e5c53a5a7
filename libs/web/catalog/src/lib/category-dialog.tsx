'use client';
import { useState } from 'react';
import { useApiQuery } from '@kassa/web/data-access';
import { Button, Dialog, Select } from '@kassa/web/ui';
import { categoryPaths } from './category-tree';
import { countOf } from '@kassa/contracts';

/** Picks the category a set of products moves to (or none); the caller writes it. */
export function CategoryDialog({ count, onClose, onChoose }: { count: number; onClose(): void; onChoose(categoryId: string | null): Promise<void> }) {
  const [categoryId, setCategoryId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const categories = useApiQuery(['category', 'list'], (http, signal) => http.GET('/api/v1/categories', { signal }));
  const options = categoryPaths(categories.data?.items ?? []).map((category) => ({ value: category.id, label: category.path }));

  async function apply() {
    setBusy(true);
    setProblem(undefined);
    try {
      await onChoose(categoryId || null);
      onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Change the category of ${countOf(count, 'product', 'products')}`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={busy} onClick={() => void apply()}>
            Change category
          </Button>
        </>
      }
    >
      <Select label="Category" placeholder="No category" options={options} value={categoryId} onChange={(event) => setCategoryId(event.target.value)} />
      {problem && <p role="alert">{problem}</p>}
    </Dialog>
  );
}
