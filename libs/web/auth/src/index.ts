export { SessionProvider, useSession } from './lib/session-provider';
export type { Me, Session } from './lib/session-provider';
export { SessionRoot } from './lib/session-root';
export { SignInForm } from './lib/sign-in-form';
export { SignUpForm } from './lib/sign-up-form';
