'use client';
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from '../class-names';
import { Tooltip } from '../overlay/tooltip';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'medium' | 'small';
  /** Busy with what the click started: keeps its label, shows a spinner, ignores clicks. */
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Spinner() {
  return <span className={styles.spinner} aria-hidden="true" />;
}

export function Button({
  variant = 'secondary',
  size = 'medium',
  loading = false,
  type = 'button',
  className,
  children,
  disabled,
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={cx(styles.button, styles[variant], size === 'small' && styles.small, className)}
      disabled={disabled}
      aria-busy={loading || undefined}
      onClick={loading ? (event) => event.preventDefault() : onClick}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'aria-label'> {
  /** Names the button for screen readers and shows as its tooltip. */
  label: string;
  icon: ReactNode;
}

/** A square button with only a glyph: the label is its accessible name and its tooltip. */
export function IconButton({ label, icon, className, variant = 'ghost', ...rest }: IconButtonProps) {
  return (
    <Tooltip content={label}>
      <Button {...rest} variant={variant} aria-label={label} className={cx(styles.icon, className)}>
        {icon}
      </Button>
    </Tooltip>
  );
}
