import styles from './views.module.css';

/** An area whose module has not landed yet: it still has its place, route and shortcut. */
export function PlaceholderView({ title, description }: { title: string; description: string }) {
  return (
    <>
      <h1 className={styles.title}>{title}</h1>
      <p className={styles.muted}>{description}</p>
    </>
  );
}
