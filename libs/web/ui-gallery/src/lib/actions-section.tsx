'use client';
import { Button, IconButton, Tooltip } from '@kassa/web/ui';
import { GallerySection, Specimen, galleryStyles as styles } from './gallery-section';

const VARIANTS = ['primary', 'secondary', 'ghost', 'danger'] as const;

const PlusIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
    <path d="M8 3v10M3 8h10" />
  </svg>
);

export function ActionsSection() {
  return (
    <GallerySection id="actions" title="Buttons" description="One primary action per area; danger for what cannot be undone; loading keeps the label.">
      {VARIANTS.map((variant) => (
        <Specimen key={variant} title={`Button · ${variant}`}>
          <div className={styles.row}>
            <Button variant={variant}>Save</Button>
            <Button variant={variant} disabled>
              Disabled
            </Button>
            <Button variant={variant} loading>
              Saving
            </Button>
          </div>
        </Specimen>
      ))}
      <Specimen title="Button · small">
        <div className={styles.row}>
          <Button size="small" variant="primary">
            Small
          </Button>
          <Button size="small">Small</Button>
        </div>
      </Specimen>
      <Specimen title="IconButton">
        <div className={styles.row}>
          <IconButton label="Add product" icon={<PlusIcon />} variant="secondary" />
          <IconButton label="Add product" icon={<PlusIcon />} />
          <IconButton label="Add product" icon={<PlusIcon />} variant="primary" disabled />
        </div>
      </Specimen>
      <Specimen title="Tooltip">
        <Tooltip content="Prices include 19 % VAT" describes>
          <Button>Hover or focus me</Button>
        </Tooltip>
      </Specimen>
    </GallerySection>
  );
}
