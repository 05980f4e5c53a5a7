'use client';
import type { ReactNode } from 'react';
import { useSession } from '@kassa/web/auth';
import { PageHeader, ProblemState, Skeleton, type PageHeaderProps } from '@kassa/web/ui';
import { SettingsNav } from './settings-nav';

export interface SettingsScreenProps extends Pick<PageHeaderProps, 'title' | 'description' | 'actions'> {
  /** Whether the signed-in person holds the screen's permission; the API refuses either way. */
  allowed: boolean;
  children: ReactNode;
}

/** An administration screen: loading until the session is known, "Not allowed" without its permission, else its header, the settings menu and the screen. */
export function SettingsScreen({ allowed, title, description, actions, children }: SettingsScreenProps) {
  const { me } = useSession();
  if (!me) return <Skeleton lines={4} label="Loading" />;
  if (!allowed) {
    return (
      <>
        <PageHeader title={title} />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      <SettingsNav />
      {children}
    </>
  );
}
