'use client';
import { useState } from 'react';

/** A set of picked values (permissions, event types) with a toggle for each checkbox. */
export function usePickedSet<T>(): [ReadonlySet<T>, (value: T, on: boolean) => void] {
  const [picked, setPicked] = useState<ReadonlySet<T>>(new Set());
  const toggle = (value: T, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(value);
      else next.delete(value);
      return next;
    });
  return [picked, toggle];
}
