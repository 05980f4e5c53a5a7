'use client';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { cx } from '../class-names';
import { SearchIcon } from '../icons';
import { VisuallyHidden } from '../visually-hidden';
import styles from './combobox.module.css';
import { ControlFrame, Field, fieldStyles } from './field';
import type { LabelledProps } from './input';

export interface ComboboxOption {
  value: string;
  label: string;
  description?: string;
}

export interface ComboboxProps extends LabelledProps {
  value: ComboboxOption | null;
  onChange(option: ComboboxOption | null): void;
  /** Asked as the person types (debounced); the signal aborts a search that is no longer wanted. */
  search(query: string, signal: AbortSignal): Promise<ComboboxOption[]>;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  name?: string;
  debounceMs?: number;
}

type Results = { state: 'idle' } | { state: 'searching' } | { state: 'done'; options: ComboboxOption[] } | { state: 'failed' };

/** Type to search, arrows to choose, Enter to take it (the ARIA 1.2 combobox with a list popup). */
export function Combobox({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  onChange,
  search,
  placeholder,
  required,
  disabled,
  name,
  debounceMs = 200,
}: ComboboxProps) {
  const listId = useId();
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const searchRef = useRef(search);
  searchRef.current = search;
  const [seenValue, setSeenValue] = useState(value);
  if (seenValue !== value) {
    setSeenValue(value);
    setText(value?.label ?? '');
  }

  useEffect(() => {
    if (!open) return;
    const query = text.trim();
    if (query === '' || query === value?.label) {
      setResults({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setResults({ state: 'searching' });
      searchRef.current(query, controller.signal).then(
        (options) => {
          setResults({ state: 'done', options });
          setActive(options.length > 0 ? 0 : -1);
        },
        () => !controller.signal.aborted && setResults({ state: 'failed' }),
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, debounceMs, value?.label]);

  const options = results.state === 'done' ? results.options : [];
  const choose = (option: ComboboxOption) => {
    onChange(option);
    setText(option.label);
    setOpen(false);
  };
  const close = () => {
    setOpen(false);
    setText(value?.label ?? '');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) setActive((current) => (current + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };
  const message =
    results.state === 'searching'
      ? 'Searching…'
      : results.state === 'failed'
        ? 'The search failed. Keep typing to try again.'
        : results.state === 'done' && options.length === 0
          ? 'No matches'
          : undefined;
  const expanded = open && (options.length > 0 || message !== undefined);
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} required={required} className={className}>
      {(control) => (
        <div className={styles.wrap}>
          <ControlFrame invalid={Boolean(error)} disabled={disabled} start={<SearchIcon />}>
            <input
              {...control}
              name={name}
              role="combobox"
              type="text"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
              placeholder={placeholder}
              required={required}
              disabled={disabled}
              className={cx(fieldStyles.input)}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setOpen(true);
                if (event.target.value === '' && value) onChange(null);
              }}
              onKeyDown={onKeyDown}
              onBlur={close}
            />
          </ControlFrame>
          <ul id={listId} role="listbox" aria-label={typeof label === 'string' ? label : undefined} className={styles.popup} hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={option.value === value?.value}
                data-active={index === active || undefined}
                className={styles.option}
                // Keep focus in the input: the click chooses, it does not blur.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                <span>{option.label}</span>
                {option.description && <span className={styles.optionDescription}>{option.description}</span>}
              </li>
            ))}
            {message && (
              <li role="presentation" className={styles.message}>
                {message}
              </li>
            )}
          </ul>
          <VisuallyHidden>
            <span role="status">{open ? (message ?? (options.length > 0 ? `${options.length} results` : '')) : ''}</span>
          </VisuallyHidden>
        </div>
      )}
    </Field>
  );
}
