import { pick, seededRandom } from './random';

const FIRST_NAMES = [
  'Anna',
  'Lukas',
  'Mia',
  'Jonas',
  'Lea',
  'Felix',
  'Emma',
  'Paul',
  'Sophie',
  'Leon',
  'Hannah',
  'Elias',
  'Marie',
  'Noah',
  'Lina',
  'Ben',
  'Clara',
  'Finn',
  'Ida',
  'Emil',
  'Jürgen',
  'Renée',
  'Zoë',
  'Mehmet',
  'Ayşe',
  'Olga',
  'Piotr',
  'Giulia',
  'Luca',
  'Sofía',
  'Karim',
  'Fatima',
  'Yuki',
  'Chen',
  'Priya',
  'Björn',
  'Ingrid',
  'Tomás',
  'Amélie',
  'Grace',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Braun',
  'Zimmermann',
  'Krüger',
  'Hartmann',
  'Lange',
  'Yılmaz',
  'Kowalski',
  'Rossi',
  'García',
  'Nguyen',
  'Novak',
  "O'Brien",
  'Dubois',
  'Jensen',
  'Öztürk',
  'Łukasik',
  'Smith',
  'Tanaka',
  'Bauer',
];
// RFC 2606 domains: a demo shop never mails a real person.
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
const TAGS: { tag: string; share: number }[] = [
  { tag: 'regular', share: 0.3 },
  { tag: 'student', share: 0.08 },
  { tag: 'wholesale', share: 0.04 },
  { tag: 'vip', share: 0.05 },
  { tag: 'staff', share: 0.03 },
];

export interface GeneratedCustomer {
  name: string;
  /** Lower-case and unique within the set, or null. */
  email: string | null;
  phone: string | null;
  tags: string[];
  /** Only customers who left an email or a phone number can have agreed to marketing. */
  marketingConsent: boolean;
}

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ı: 'i', ł: 'l', ş: 's' };

/** The ASCII local part of an email address for a name: "Jürgen Öztürk" → "juergen.oeztuerk". */
function emailLocalPart(first: string, last: string): string {
  const ascii = (text: string) =>
    text
      .toLowerCase()
      .replace(/[äöüßıłş]/g, (letter) => TRANSLITERATION[letter])
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
  return `${ascii(first)}.${ascii(last)}`;
}

/**
 * `count` customers of a neighbourhood shop, the same for the same seed: most leave an email (unique
 * per shop, as the customer table demands), fewer a phone number, some neither.
 */
export function generateCustomers(count: number, seed: number): GeneratedCustomer[] {
  const random = seededRandom(seed ^ 0x5eed_c057);
  const taken = new Set<string>();
  return Array.from({ length: count }, () => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    let email: string | null = null;
    if (random() < 0.85) {
      const local = emailLocalPart(first, last);
      const domain = pick(random, EMAIL_DOMAINS);
      email = `${local}@${domain}`;
      for (let suffix = 2; taken.has(email); suffix++) email = `${local}${suffix}@${domain}`;
      taken.add(email);
    }
    const phone =
      random() < 0.55
        ? `+49 ${pick(random, ['151', '160', '170', '176', '30', '40', '89'])} ${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`
        : null;
    const tags = TAGS.filter(({ share }) => random() < share).map(({ tag }) => tag);
    const marketingConsent = (email !== null || phone !== null) && random() < 0.55;
    return { name: `${first} ${last}`, email, phone, tags, marketingConsent };
  });
}
