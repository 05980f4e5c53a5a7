/** How a column's cells are read. `readOnly` columns (an export's `Updated`) are recognised and skipped. */
export type FieldType = 'text' | 'sku' | 'money' | 'integer' | 'boolean' | 'barcode' | 'barcodes' | 'date' | 'readOnly';

export interface ImportField {
  name: string;
  type: FieldType;
  /** Header words in English, German, French, Spanish, Dutch and Italian, in any case or accent. */
  synonyms: readonly string[];
}

export type ImportKind = 'products' | 'counts';

export const PRODUCT_FIELDS: readonly ImportField[] = [
  {
    name: 'sku',
    type: 'sku',
    synonyms: [
      'sku',
      'artikelnummer',
      'artikel-nr',
      'art.-nr',
      'artnr',
      'reference',
      'référence',
      'ref',
      'referencia',
      'codigo',
      'código',
      'artikelcode',
      'codice',
      'codice articolo',
      'item number',
      'product code',
    ],
  },
  {
    name: 'name',
    type: 'text',
    synonyms: [
      'name',
      'product',
      'product name',
      'bezeichnung',
      'artikelname',
      'artikel',
      'produkt',
      'nom',
      'désignation',
      'designation',
      'libellé',
      'produit',
      'nombre',
      'producto',
      'descripcion corta',
      'naam',
      'productnaam',
      'omschrijving',
      'nome',
      'prodotto',
    ],
  },
  { name: 'description', type: 'text', synonyms: ['description', 'beschreibung', 'descripción', 'beschrijving', 'descrizione'] },
  { name: 'category', type: 'text', synonyms: ['category', 'kategorie', 'warengruppe', 'catégorie', 'categoría', 'categorie', 'categoria'] },
  {
    name: 'barcodes',
    type: 'barcodes',
    synonyms: [
      'barcodes',
      'barcode',
      'ean',
      'gtin',
      'upc',
      'ean13',
      'strichcode',
      'code-barres',
      'code barre',
      'codes-barres',
      'código de barras',
      'streepjescode',
      'codice a barre',
    ],
  },
  { name: 'unit', type: 'text', synonyms: ['unit', 'einheit', 'unité', 'unidad', 'eenheid', 'unità'] },
  {
    name: 'priceMinor',
    type: 'money',
    synonyms: ['price', 'preis', 'verkaufspreis', 'vk', 'prix', 'prix de vente', 'precio', 'prijs', 'verkoopprijs', 'prezzo', 'prezzo di vendita'],
  },
  {
    name: 'costMinor',
    type: 'money',
    synonyms: ['cost', 'einkaufspreis', 'ek', 'kosten', 'coût', 'cout', "prix d'achat", 'coste', 'costo', 'kostprijs', 'inkoopprijs', 'prezzo di acquisto'],
  },
  { name: 'taxRateBps', type: 'integer', synonyms: ['tax (basis points)', 'tax bps', 'taxratebps', 'steuer (basispunkte)'] },
  { name: 'active', type: 'boolean', synonyms: ['active', 'aktiv', 'actif', 'activo', 'actief', 'attivo'] },
  {
    name: 'trackStock',
    type: 'boolean',
    synonyms: ['track stock', 'bestand führen', 'lagerführung', 'suivi du stock', 'controlar stock', 'voorraad bijhouden', 'gestione scorte'],
  },
  {
    name: 'reorderPoint',
    type: 'integer',
    synonyms: ['reorder point', 'meldebestand', 'mindestbestand', 'seuil de réapprovisionnement', 'punto de pedido', 'bestelpunt', 'punto di riordino'],
  },
  {
    name: 'reorderQuantity',
    type: 'integer',
    synonyms: ['reorder quantity', 'bestellmenge', 'quantité de réapprovisionnement', 'cantidad de pedido', 'bestelhoeveelheid', 'quantità di riordino'],
  },
  { name: 'imageUrl', type: 'text', synonyms: ['image url', 'image', 'bild', 'bild-url', 'afbeelding', 'imagen', 'immagine'] },
  {
    name: 'updatedAt',
    type: 'readOnly',
    synonyms: ['updated', 'updated at', 'updatedat', 'geändert', 'aktualisiert', 'modifié', 'actualizado', 'bijgewerkt', 'aggiornato'],
  },
];

export const COUNT_FIELDS: readonly ImportField[] = [
  { name: 'sku', type: 'sku', synonyms: PRODUCT_FIELDS[0].synonyms },
  { name: 'barcode', type: 'barcode', synonyms: PRODUCT_FIELDS[4].synonyms },
  {
    name: 'counted',
    type: 'integer',
    synonyms: [
      'counted',
      'count',
      'quantity',
      'qty',
      'gezählt',
      'zählung',
      'menge',
      'anzahl',
      'bestand',
      'compté',
      'quantité',
      'contado',
      'cantidad',
      'geteld',
      'aantal',
      'contato',
      'quantità',
    ],
  },
];

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = { products: PRODUCT_FIELDS, counts: COUNT_FIELDS };
