import type { Page } from 'playwright-core';
import { uuidv7 } from '@kassa/contracts';
import type { ApiCall } from '@kassa/testing';

export interface ShopAccount {
  shopName: string;
  slug: string;
  ownerName: string;
  email: string;
  password: string;
}

/** A fresh shop's details; the slug is unique per call so suites never collide. */
export function newShopAccount(label: string): ShopAccount {
  const suffix = uuidv7().slice(-8);
  return {
    shopName: `${label} ${suffix}`,
    slug: `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${suffix}`,
    ownerName: `${label} Owner`,
    email: `owner-${suffix}@example.com`,
    password: 'correct horse battery',
  };
}

/** Creates the shop straight through the API (faster than the form when the form is not under test); answers the owner's access token. */
export async function createShop(apiBaseUrl: string, account: ShopAccount): Promise<string> {
  const response = await fetch(`${apiBaseUrl}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenantName: account.shopName,
      slug: account.slug,
      ownerName: account.ownerName,
      email: account.email,
      password: account.password,
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      pricesIncludeTax: true,
    }),
  });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export async function accessTokenFor(apiBaseUrl: string, account: ShopAccount): Promise<string> {
  const response = await fetch(`${apiBaseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: account.slug, email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function create(apiBaseUrl: string, accessToken: string, path: string, body: object): Promise<void> {
  const response = await fetch(`${apiBaseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

export const createStore = (apiBaseUrl: string, accessToken: string, store: { name: string; code: string }) =>
  create(apiBaseUrl, accessToken, '/api/v1/stores', store);

export const createProduct = (apiBaseUrl: string, accessToken: string, product: { sku: string; name: string; priceMinor: number }) =>
  create(apiBaseUrl, accessToken, '/api/v1/products', product);

export async function signInThroughForm(page: Page, webBaseUrl: string, account: ShopAccount): Promise<void> {
  await page.goto(`${webBaseUrl}/login`);
  await page.getByLabel('Shop').fill(account.slug);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/dashboard');
  await page.getByTestId('shop-name').filter({ hasText: account.shopName }).waitFor();
}

/** Resolves once a service worker controls the page (it claims clients on activation). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

/** The built API at `apiBaseUrl` as an `ApiCall` (for signInOnTill). */
export const apiCallTo =
  (apiBaseUrl: string): ApiCall =>
  async ({ method, path, authorization, body }) => {
    const response = await fetch(`${apiBaseUrl}${path}`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
