'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import styles from './auth-form.module.css';
import { rememberedShop } from './device-memory';
import { FormField } from './form-field';
import { useSessionAttempt } from './session-attempt';
import { useSession } from './session-provider';

/** Where to go after signing in: only a path inside this app, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/dashboard';
}

export function SignInForm() {
  const session = useSession();
  const router = useRouter();
  const [shop, setShop] = useState('');
  const { error, errors, busy, attempt } = useSessionAttempt();

  useEffect(() => setShop((current) => current || rememberedShop()), []);
  // `next` is read here rather than through useSearchParams, which would leave the prerendered page without its form
  // until the scripts have run (the form is the page's largest paint).
  useEffect(() => {
    if (session.status === 'signed-in') router.replace(safeNext(new URLSearchParams(window.location.search).get('next')));
  }, [session.status, router]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await attempt(() => session.signIn({ tenant: shop.trim().toLowerCase(), email: String(form.get('email')), password: String(form.get('password')) }));
  }

  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <p className={styles.brand}>Kassa</p>
        <h1 id="sign-in-title" className={styles.title}>
          Sign in
        </h1>
        <form className={styles.form} onSubmit={submit} noValidate>
          <FormField
            label="Shop"
            name="tenant"
            autoComplete="organization"
            placeholder="your-shop"
            required
            value={shop}
            onChange={(event) => setShop(event.target.value)}
            error={errors['tenant']}
          />
          <FormField label="Email" name="email" type="email" autoComplete="username" required error={errors['email']} />
          <FormField label="Password" name="password" type="password" autoComplete="current-password" required error={errors['password']} />
          {error && (
            <p className={styles.formError} role="alert">
              {error}
            </p>
          )}
          <button type="submit" className={styles.button} disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className={styles.muted}>
          New to Kassa? <Link href="/signup">Create a shop</Link>
        </p>
      </section>
    </main>
  );
}
