'use client';
import { createContext, useContext } from 'react';
import type { CatalogSnapshot } from './store/catalog-snapshot';
import type { PairedDevice } from './store/paired-device';
import type { TillDb } from './store/till-db';

/** What every till screen works with: the device's database, its catalog and its pairing. */
export interface Till {
  db: TillDb;
  snapshot: CatalogSnapshot;
  device: PairedDevice;
  /** Ends this device's pairing (revoked, or a manager unpairs): the database is deleted. */
  unpair(reason?: string): Promise<void>;
}

const TillContext = createContext<Till | undefined>(undefined);
export const TillProvider = TillContext.Provider;

export function useTill(): Till {
  const till = useContext(TillContext);
  if (!till) throw new Error('the till screens need a <TillProvider> above them');
  return till;
}
