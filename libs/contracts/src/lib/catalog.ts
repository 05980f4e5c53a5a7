export interface CategoryView {
  id: string;
  name: string;
  /** null for a top-level category. */
  parentId: string | null;
  version: number;
  createdAt: string;
}

export interface ProductView {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  unit: string;
  /** Minor units of the shop's currency (cents): never a float. */
  priceMinor: number;
  costMinor: number | null;
  /** Basis points: 1900 is 19 %. */
  taxRateBps: number;
  barcodes: string[];
  active: boolean;
  trackStock: boolean;
  reorderPoint: number | null;
  reorderQuantity: number | null;
  imageUrl: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
