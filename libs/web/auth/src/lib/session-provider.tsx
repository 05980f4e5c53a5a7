'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient, type Schemas } from '@kassa/api-client';
import type { ProblemDetails } from '@kassa/contracts';
import { ApiAccessProvider, type ApiAccess } from '@kassa/web/data-access';
import { cacheScope, purgeApiCaches, SCOPE_HEADER } from '@kassa/web/pwa';
import type { AccessClaims } from './access-claims';
import { AccessTokenKeeper } from './access-token-keeper';
import { takeEarlyRefresh } from './early-refresh';
import { chooseStore, chosenStore, forgetSession, rememberedSession, rememberSession, rememberShop, type RememberedSession } from './device-memory';
import { postSession, readSessionResult, type SessionResult, type SignInInput, type SignUpInput } from './session-requests';

export type Me = Schemas['MeDto'];

type Identity = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; who: RememberedSession; offline: boolean };

export interface Session {
  status: Identity['status'];
  /** Signed in from this device's offline copy: the server could not be reached. */
  offline: boolean;
  me: Me | undefined;
  /** Typed API client that sends the access token and files offline copies under this user. */
  api: ApiClient;
  storeId: string | undefined;
  chooseStore(storeId: string): void;
  can(permission: string): boolean;
  /** The access token for the realtime socket's handshake; undefined when signed out or unreachable. */
  accessToken(): Promise<string | undefined>;
  /** A fresh access token after the socket was told its token expired or was revoked; undefined when the session is over. */
  renewAccessToken(): Promise<string | undefined>;
  signIn(input: SignInInput): Promise<SessionResult>;
  signUp(input: SignUpInput): Promise<SessionResult>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);
const SIGNED_OUT_MESSAGE = 'signed-out';

/** Sign-in state for the whole app: restores the session on load, keeps the token fresh, ends it everywhere. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [keeper] = useState(
    () => new AccessTokenKeeper(() => postSession('refresh'), typeof navigator === 'undefined' ? undefined : navigator.locks, Date.now, takeEarlyRefresh()),
  );
  const [identity, setIdentity] = useState<Identity>({ status: 'loading' });
  const scope = identity.status === 'signed-in' ? cacheScope(identity.who.tenantId, identity.who.userId) : undefined;
  const scopeRef = useRef(scope);
  scopeRef.current = scope;
  const [api] = useState(() =>
    createApiClient({
      baseUrl: '',
      credential: () => keeper.token(),
      headers: (): Record<string, string> => (scopeRef.current ? { [SCOPE_HEADER]: scopeRef.current } : {}),
    }),
  );
  const [storeChoice, setStoreChoice] = useState<string>();
  const channel = useRef<BroadcastChannel>(undefined);

  const endLocally = useCallback(async () => {
    keeper.clear();
    forgetSession();
    await purgeApiCaches();
    queryClient.clear();
    setIdentity({ status: 'signed-out' });
  }, [keeper, queryClient]);

  useEffect(() => {
    channel.current = new BroadcastChannel('kassa-session');
    channel.current.onmessage = (event) => {
      if (event.data === SIGNED_OUT_MESSAGE) void endLocally();
    };
    void keeper.refresh().then((outcome) => {
      if (outcome.kind === 'refreshed') {
        setIdentity({ status: 'signed-in', who: outcome.claims, offline: false });
        return;
      }
      const remembered = outcome.kind === 'unreachable' ? rememberedSession() : undefined;
      setIdentity(remembered ? { status: 'signed-in', who: remembered, offline: true } : { status: 'signed-out' });
    });
    return () => channel.current?.close();
  }, [keeper, endLocally]);

  const me = useQuery({
    queryKey: ['me', scope],
    enabled: scope !== undefined,
    // Always ask: offline, the service worker answers from this user's cache.
    networkMode: 'always',
    retry: false,
    queryFn: async () => {
      const { data, error, response } = await api.http.GET('/api/v1/me');
      if (response.status === 401) await endLocally();
      if (!data) throw Object.assign(new Error('GET /api/v1/me failed'), { problem: error });
      return data;
    },
  });

  const started = useCallback(
    async (result: SessionResult): Promise<SessionResult> => {
      const claims: AccessClaims | undefined = result.ok ? keeper.accept(result.accessToken) : undefined;
      if (!claims) return result;
      const previous = rememberedSession();
      if (previous && (previous.tenantId !== claims.tenantId || previous.userId !== claims.userId)) await purgeApiCaches();
      rememberSession({ tenantId: claims.tenantId, userId: claims.userId });
      queryClient.clear();
      setIdentity({ status: 'signed-in', who: claims, offline: false });
      return result;
    },
    [keeper, queryClient],
  );

  // The data hooks' 401 policy: a fresh token and one more try, or the end of the session.
  const access = useMemo<ApiAccess>(
    () => ({
      http: api.http,
      async renewSession() {
        const outcome = await keeper.refresh();
        if (outcome.kind === 'refreshed') return true;
        if (outcome.kind === 'signed-out') await endLocally();
        return false;
      },
    }),
    [api, keeper, endLocally],
  );

  const session = useMemo<Session>(() => {
    const stores = me.data?.stores ?? [];
    const remembered = scope ? chosenStore(scope) : undefined;
    const preferred = storeChoice ?? remembered;
    return {
      status: identity.status,
      offline: identity.status === 'signed-in' && identity.offline,
      me: me.data,
      api,
      storeId: stores.some((store) => store.id === preferred) ? preferred : stores[0]?.id,
      chooseStore(storeId) {
        if (scope) chooseStore(scope, storeId);
        setStoreChoice(storeId);
      },
      can: (permission) => me.data?.permissions.includes(permission) ?? false,
      accessToken: () => keeper.token(),
      async renewAccessToken() {
        const outcome = await keeper.refresh();
        if (outcome.kind === 'signed-out') await endLocally();
        return outcome.kind === 'refreshed' ? outcome.token : undefined;
      },
      async signIn(input) {
        const result = await readSessionResult(await postSession('login', input));
        if (result.ok) rememberShop(input.tenant);
        return started(result);
      },
      async signUp(input) {
        const result = await readSessionResult(await postSession('signup', input));
        if (result.ok) rememberShop(input.slug);
        return started(result);
      },
      async signOut() {
        await postSession('logout').catch(() => undefined);
        await endLocally();
        channel.current?.postMessage(SIGNED_OUT_MESSAGE);
      },
    };
  }, [identity, me.data, api, keeper, scope, storeChoice, started, endLocally]);

  return (
    <SessionContext.Provider value={session}>
      <ApiAccessProvider value={access}>{children}</ApiAccessProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a <SessionProvider> above it');
  return session;
}

/** A user-facing sentence for a failed sign-in or sign-up. */
export function problemMessage(problem: ProblemDetails | undefined): string {
  if (!problem) return 'Kassa could not be reached. Check the connection and try again.';
  switch (problem.code) {
    case 'invalid_credentials':
      return 'That shop, email and password do not match an account.';
    case 'too_many_attempts':
      return 'Too many attempts. Wait a few minutes, then try again.';
    case 'slug_taken':
      return 'That shop address is taken. Pick another.';
    case 'validation_failed':
      return 'Some fields need attention.';
    default:
      return problem.detail ?? problem.title;
  }
}
