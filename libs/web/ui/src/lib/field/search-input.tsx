'use client';
import { useEffect, useRef, useState } from 'react';
import { SearchIcon } from '../icons';
import { Input, type InputProps } from './input';

export interface SearchInputProps extends Omit<InputProps, 'value' | 'onChange' | 'defaultValue' | 'type'> {
  value: string;
  /** Called once typing pauses, so a list asks its API once per search rather than per key. */
  onSearch(value: string): void;
  debounceMs?: number;
}

/** A search box for filters: shows what is typed at once and searches when typing pauses. */
export function SearchInput({ value, onSearch, debounceMs = 250, ...input }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return (
    <Input
      {...input}
      type="search"
      start={<SearchIcon />}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => onSearch(next), debounceMs);
      }}
    />
  );
}
