import { ean13, pick, seededRandom } from './random';

/** Departments of a neighbourhood shop, with the goods each sells and how they are priced. */
const DEPARTMENTS = [
  {
    name: 'Fruit & Vegetables',
    code: 'FRU',
    tax: 700,
    goods: ['Bananas', 'Apples', 'Pears', 'Tomatoes', 'Carrots', 'Potatoes', 'Onions', 'Lemons', 'Avocados', 'Grapes', 'Cucumbers', 'Peppers'],
    cents: [49, 499],
  },
  {
    name: 'Dairy',
    code: 'DAI',
    tax: 700,
    goods: ['Milk', 'Yoghurt', 'Butter', 'Gouda', 'Cheddar', 'Cream', 'Quark', 'Mozzarella', 'Feta', 'Kefir'],
    cents: [59, 899],
  },
  {
    name: 'Bakery',
    code: 'BAK',
    tax: 700,
    goods: ['Rye Bread', 'Baguette', 'Croissants', 'Pretzels', 'Rolls', 'Sourdough', 'Muffins', 'Bagels'],
    cents: [39, 599],
  },
  {
    name: 'Drinks',
    code: 'DRI',
    tax: 1900,
    goods: ['Sparkling Water', 'Still Water', 'Orange Juice', 'Apple Juice', 'Cola', 'Lemonade', 'Iced Tea', 'Oat Drink', 'Coffee Beans', 'Green Tea'],
    cents: [49, 1499],
  },
  {
    name: 'Pantry',
    code: 'PAN',
    tax: 700,
    goods: ['Pasta', 'Rice', 'Flour', 'Sugar', 'Olive Oil', 'Tomato Sauce', 'Lentils', 'Chickpeas', 'Oats', 'Honey', 'Peanut Butter', 'Jam'],
    cents: [79, 1299],
  },
  {
    name: 'Household',
    code: 'HOU',
    tax: 1900,
    goods: ['Dish Soap', 'Paper Towels', 'Toilet Paper', 'Laundry Detergent', 'Sponges', 'Bin Bags', 'Candles', 'Batteries'],
    cents: [99, 1999],
  },
  {
    name: 'Snacks',
    code: 'SNA',
    tax: 700,
    goods: ['Crisps', 'Chocolate', 'Biscuits', 'Nuts', 'Pretzel Sticks', 'Gummy Bears', 'Popcorn', 'Granola Bars'],
    cents: [49, 699],
  },
] as const;

const QUALITIES = ['Organic', 'Fresh', 'Classic', 'Premium', 'Local', 'Fairtrade', 'Family', 'Light', 'Wholegrain', 'Smoked'];
const SIZES = ['100 g', '250 g', '500 g', '1 kg', '330 ml', '500 ml', '1 L', '6 pack', '12 pack', 'large', 'small'];

export interface GeneratedCategory {
  key: string;
  name: string;
  taxRateBps: number;
}

export interface GeneratedProduct {
  sku: string;
  name: string;
  categoryKey: string;
  priceMinor: number;
  costMinor: number;
  taxRateBps: number;
  barcode: string;
  reorderPoint: number;
  reorderQuantity: number;
}

export const demoCategories: GeneratedCategory[] = DEPARTMENTS.map((department) => ({
  key: department.code,
  name: department.name,
  taxRateBps: department.tax,
}));

/** `count` realistic products, the same for the same seed; SKUs and barcodes unique within the set. */
export function generateProducts(count: number, seed: number): GeneratedProduct[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const department = DEPARTMENTS[index % DEPARTMENTS.length];
    const [low, high] = department.cents;
    const priceMinor = low + Math.floor(random() * (high - low));
    const name = `${pick(random, QUALITIES)} ${pick(random, department.goods)} ${pick(random, SIZES)}`;
    return {
      sku: `${department.code}-${String(index + 1).padStart(6, '0')}`,
      name,
      categoryKey: department.code,
      priceMinor,
      costMinor: Math.round(priceMinor * (0.45 + random() * 0.25)),
      taxRateBps: department.tax,
      // GS1 prefix 20-29 is for in-store numbering: these never collide with real products.
      barcode: ean13(`2${String(seed % 10)}${String(index + 1).padStart(10, '0')}`),
      reorderPoint: 5 + Math.floor(random() * 20),
      reorderQuantity: 20 + Math.floor(random() * 80),
    };
  });
}
