import type { ReactNode } from 'react';
import styles from './gallery.module.css';

export function GallerySection({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={styles.section}>
      <h2 id={`${id}-title`} className={styles.sectionTitle}>
        {title}
      </h2>
      {description && <p className={styles.sectionDescription}>{description}</p>}
      <div className={styles.grid}>{children}</div>
    </section>
  );
}

/** One component in one state, with a caption naming both. */
export function Specimen({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? `${styles.specimen} ${styles.wide}` : styles.specimen}>
      <h3 className={styles.specimenTitle}>{title}</h3>
      {children}
    </div>
  );
}

export const galleryStyles = styles;
