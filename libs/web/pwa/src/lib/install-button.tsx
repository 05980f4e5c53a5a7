'use client';
import { useEffect, useState } from 'react';

/** Chromium's install prompt event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Offers "Install app" once the browser says Kassa can be installed, and hides once it is. */
export function InstallButton({ className }: { className?: string }) {
  const [promptEvent, setPromptEvent] = useState<BeforeInstallPromptEvent>();
  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPromptEvent(event as BeforeInstallPromptEvent);
    };
    const onInstalled = () => setPromptEvent(undefined);
    window.addEventListener('beforeinstallprompt', onPrompt);
    window.addEventListener('appinstalled', onInstalled);
    return () => {
      window.removeEventListener('beforeinstallprompt', onPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }, []);
  if (!promptEvent) return null;
  return (
    <button
      type="button"
      className={className}
      onClick={async () => {
        await promptEvent.prompt();
        if ((await promptEvent.userChoice).outcome === 'accepted') setPromptEvent(undefined);
      }}
    >
      Install app
    </button>
  );
}
