import type { Metadata } from 'next';
import { SignInForm } from '@kassa/web/auth';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return <SignInForm />;
}
