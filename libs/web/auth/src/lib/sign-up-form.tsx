'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import styles from './auth-form.module.css';
import { FormField } from './form-field';
import { useSessionAttempt } from './session-attempt';
import { useSession } from './session-provider';
import { suggestSlug, suggestStoreCode } from './suggest-slug';

export function SignUpForm() {
  const session = useSession();
  const router = useRouter();
  const [shopName, setShopName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [timeZone, setTimeZone] = useState('UTC');
  const [storeName, setStoreName] = useState('');
  const [storeCode, setStoreCode] = useState('');
  const [storeCodeEdited, setStoreCodeEdited] = useState(false);
  const { error, errors, busy, attempt } = useSessionAttempt();

  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'), []);
  useEffect(() => {
    if (session.status === 'signed-in') router.replace('/dashboard');
  }, [session.status, router]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await attempt(() =>
      session.signUp({
        tenantName: shopName.trim(),
        slug,
        ownerName: String(form.get('ownerName')).trim(),
        email: String(form.get('email')),
        password: String(form.get('password')),
        currency: String(form.get('currency')).toUpperCase(),
        timeZone: String(form.get('timeZone')),
        pricesIncludeTax: form.get('pricesIncludeTax') === 'on',
        ...(storeName.trim() && { store: { name: storeName.trim(), code: storeCode.trim() } }),
      }),
    );
  }

  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="sign-up-title">
        <p className={styles.brand}>Kassa</p>
        <h1 id="sign-up-title" className={styles.title}>
          Create your shop
        </h1>
        <form className={styles.form} onSubmit={submit} noValidate>
          <FormField
            label="Shop name"
            name="tenantName"
            required
            value={shopName}
            onChange={(event) => {
              setShopName(event.target.value);
              if (!slugEdited) setSlug(suggestSlug(event.target.value));
            }}
            error={errors['tenantName']}
          />
          <FormField
            label="Shop address (used to sign in)"
            name="slug"
            required
            value={slug}
            onChange={(event) => {
              setSlugEdited(true);
              setSlug(event.target.value);
            }}
            error={errors['slug']}
          />
          <FormField label="Your name" name="ownerName" autoComplete="name" required error={errors['ownerName']} />
          <FormField label="Email" name="email" type="email" autoComplete="email" required error={errors['email']} />
          <FormField
            label="Password (at least 10 characters)"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            error={errors['password']}
          />
          <FormField label="Currency" name="currency" defaultValue="EUR" maxLength={3} required error={errors['currency']} />
          <FormField
            label="Time zone"
            name="timeZone"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            required
            error={errors['timeZone']}
          />
          <label className={styles.check}>
            <input type="checkbox" name="pricesIncludeTax" defaultChecked />
            Prices include tax
          </label>
          <fieldset className={styles.group}>
            <legend>Your first store (you can add it later)</legend>
            <FormField
              label="Store name"
              name="storeName"
              value={storeName}
              onChange={(event) => {
                setStoreName(event.target.value);
                if (!storeCodeEdited) setStoreCode(suggestStoreCode(event.target.value));
              }}
              error={errors['store.name']}
            />
            <FormField
              label="Store code (on receipts and exports)"
              name="storeCode"
              value={storeCode}
              required={storeName.trim() !== ''}
              onChange={(event) => {
                setStoreCodeEdited(true);
                setStoreCode(event.target.value);
              }}
              error={errors['store.code']}
            />
          </fieldset>
          {error && (
            <p className={styles.formError} role="alert">
              {error}
            </p>
          )}
          <button type="submit" className={styles.button} disabled={busy}>
            {busy ? 'Creating…' : 'Create shop'}
          </button>
        </form>
        <p className={styles.muted}>
          Already have a shop? <Link href="/login">Sign in</Link>
        </p>
      </section>
    </main>
  );
}
