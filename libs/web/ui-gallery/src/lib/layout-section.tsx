'use client';
import { useState } from 'react';
import { Badge, Button, Pagination, SearchInput, Select, Tabs, Toolbar } from '@kassa/web/ui';
import { GallerySection, Specimen, galleryStyles as styles } from './gallery-section';

export function LayoutSection() {
  const [tab, setTab] = useState('details');
  const [pageIndex, setPageIndex] = useState(1);
  const [query, setQuery] = useState('');
  const [store, setStore] = useState('');
  return (
    <GallerySection id="layout" title="Tabs, badges, pagination, toolbar">
      <Specimen title="Tabs" wide>
        <Tabs
          label="Product"
          value={tab}
          onChange={setTab}
          items={[
            { id: 'details', label: 'Details', content: <p className={styles.readout}>Name, SKU, price and tax.</p> },
            { id: 'stock', label: 'Stock', content: <p className={styles.readout}>On hand in each store.</p> },
            { id: 'history', label: 'History', content: <p className={styles.readout}>Every change, by whom and when.</p> },
          ]}
        />
      </Specimen>
      <Specimen title="Badge">
        <div className={styles.row}>
          <Badge>Draft</Badge>
          <Badge tone="info">Synced</Badge>
          <Badge tone="ok">Active</Badge>
          <Badge tone="warn">Low stock</Badge>
          <Badge tone="error">Failed</Badge>
        </div>
      </Specimen>
      <Specimen title="Pagination (cursor)" wide>
        <Pagination
          pageIndex={pageIndex}
          hasPrevious={pageIndex > 0}
          hasNext={pageIndex < 4}
          onPrevious={() => setPageIndex((page) => page - 1)}
          onNext={() => setPageIndex((page) => page + 1)}
          summary="50 on this page"
          label="Example pages"
        />
      </Specimen>
      <Specimen title="Toolbar with filters" wide>
        <Toolbar
          label="Filter sales"
          filtered={query !== '' || store !== ''}
          onClear={() => {
            setQuery('');
            setStore('');
          }}
          actions={<Button>Export</Button>}
        >
          <SearchInput label="Search sales" hideLabel placeholder="Receipt or customer" value={query} onSearch={setQuery} />
          <Select
            label="Store"
            hideLabel
            placeholder="All stores"
            value={store}
            onChange={(event) => setStore(event.target.value)}
            options={[
              { value: 'harbour', label: 'Harbour Street' },
              { value: 'market', label: 'Market Square' },
            ]}
          />
        </Toolbar>
      </Specimen>
    </GallerySection>
  );
}
