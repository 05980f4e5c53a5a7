import { REFRESH_LOCK } from './access-token-keeper';

/** Where the early refresh leaves its answer for the session to pick up (once). */
const GLOBAL = '__kassaEarlyRefresh';

/**
 * The refresh every back-office page starts with, sent from an inline script in the page's HTML while its scripts
 * download, instead of after they have loaded and hydrated: on a phone that is a second or more sooner. Same request
 * (POST /session/refresh with the cookie) under the same cross-tab lock as `AccessTokenKeeper`'s; the keeper reads its
 * answer. The access token stays in memory, as with any refresh.
 */
export const EARLY_REFRESH_SCRIPT = `(function(){try{var f=function(){return fetch('/session/refresh',{method:'POST',credentials:'same-origin'})};window.${GLOBAL}=navigator.locks?navigator.locks.request(${JSON.stringify(REFRESH_LOCK)},f):f()}catch(e){}})()`;

/** The early refresh's answer, if the page sent one and nobody took it yet. */
export function takeEarlyRefresh(): Promise<Response> | undefined {
  if (typeof window === 'undefined') return undefined;
  const holder = window as unknown as Record<string, Promise<Response> | undefined>;
  const started = holder[GLOBAL];
  delete holder[GLOBAL];
  return started;
}
