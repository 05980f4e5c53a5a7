import { generateCustomers } from './customer-generator';

describe('the customer generator', () => {
  it('builds the same customers from the same seed', () => {
    expect(generateCustomers(50, 42)).toEqual(generateCustomers(50, 42));
    expect(generateCustomers(50, 42)).not.toEqual(generateCustomers(50, 7));
  });

  it('gives unique lower-case ASCII emails, some customers none, and consent only to those with a contact', () => {
    const sut = generateCustomers(5000, 42);
    const emails = sut.flatMap((customer) => (customer.email ? [customer.email] : []));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.every((email) => /^[a-z0-9.]+@example\.(com|org|net)$/.test(email))).toBe(true);
    expect(sut.some((customer) => customer.email === null)).toBe(true);
    expect(sut.some((customer) => customer.phone === null)).toBe(true);
    expect(sut.some((customer) => customer.marketingConsent)).toBe(true);
    expect(sut.some((customer) => !customer.marketingConsent)).toBe(true);
    expect(sut.filter((customer) => customer.marketingConsent).every((customer) => customer.email || customer.phone)).toBe(true);
    expect(sut.some((customer) => customer.tags.length > 0)).toBe(true);
  });
});
