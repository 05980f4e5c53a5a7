'use client';
import { useTheme } from 'next-themes';
import { useSyncExternalStore } from 'react';
import styles from './theme-switcher.module.css';

const CHOICES = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
] as const;

const subscribeNever = () => () => undefined;

/** Picks the theme. Rendered empty on the server, where the stored choice is unknown. */
export function ThemeSwitcher() {
  const { theme, setTheme } = useTheme();
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return (
    <select className={styles.select} aria-label="Theme" value={hydrated ? (theme ?? 'system') : 'system'} onChange={(event) => setTheme(event.target.value)}>
      {CHOICES.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
