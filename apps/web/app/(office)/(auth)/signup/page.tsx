import type { Metadata } from 'next';
import { SignUpForm } from '@kassa/web/auth';

export const metadata: Metadata = { title: 'Create your shop' };

export default function SignupPage() {
  return <SignUpForm />;
}
