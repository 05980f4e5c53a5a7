import { createApiClient, type ApiClient, type Schemas } from '@kassa/api-client';
import { discountAllowanceBps, ErrorCode, type Permission, type Role } from '@kassa/contracts';
import { callApi, isApiError, type ApiAccess } from '@kassa/web/data-access';

export type CurrentDevice = Schemas['CurrentDeviceDto'];
export type StaffMember = Schemas['DeviceStaffDto'];
export type Me = Schemas['MeDto'];
export type DeviceHeartbeat = Schemas['DeviceHeartbeatDto'];

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

/** Calls as the tablet itself: only `devices/current`, its staff and PIN sign-in answer to it. */
export function deviceAccess(deviceToken: string): ApiAccess {
  const client = createApiClient({ baseUrl: '', headers: () => ({ authorization: `Device ${deviceToken}` }) });
  return { http: client.http, renewSession: async () => false };
}

/** The device's pairing is over (revoked, or its register paired another tablet). */
export const isDeviceRevoked = (error: unknown) => isApiError(error) && error.problem?.code === ErrorCode.DeviceRevoked;

export const fetchCurrentDevice = (deviceToken: string) =>
  callApi(deviceAccess(deviceToken), (http, signal) => http.GET('/api/v1/devices/current', { signal }));

export async function fetchStaff(deviceToken: string): Promise<StaffMember[]> {
  return (await callApi(deviceAccess(deviceToken), (http, signal) => http.GET('/api/v1/devices/current/staff', { signal }))).items;
}

/** The till's sync report for the back office's Devices page (sent with the device credential, so also while locked). */
export const sendHeartbeat = (deviceToken: string, report: DeviceHeartbeat) =>
  callApi(deviceAccess(deviceToken), (http) => http.POST('/api/v1/devices/current/heartbeat', { body: report }));

const signInByPin = (deviceToken: string, userId: string, pin: string) =>
  callApi(deviceAccess(deviceToken), (http) => http.POST('/api/v1/auth/pin', { body: { userId, pin } })) as Promise<TokenPair>;

/**
 * A cashier signed in at this till by PIN. Both tokens live in memory only: locking the till or
 * reloading the page ends the session (decision 0015), so a tablet left alone holds no one's access.
 */
export class CashierSession {
  readonly client: ApiClient;
  private me_: Me | undefined;

  private constructor(private tokens: TokenPair) {
    this.client = createApiClient({ baseUrl: '', credential: () => this.tokens.accessToken });
  }

  static async start(deviceToken: string, userId: string, pin: string): Promise<CashierSession> {
    const session = new CashierSession(await signInByPin(deviceToken, userId, pin));
    session.me_ = await callApi(session.access, (http, signal) => http.GET('/api/v1/me', { signal }));
    return session;
  }

  /**
   * Signed in without the network against the PIN hash kept on this tablet (offline-staff.ts): no tokens, so
   * nothing reaches Kassa in this session (the API answers 401); the queue waits for a sign-in with the network.
   */
  static offline(me: Me): CashierSession {
    const session = new CashierSession({ accessToken: '', refreshToken: '' });
    session.me_ = me;
    return session;
  }

  get isOffline(): boolean {
    return !this.tokens.accessToken;
  }

  /** Who signed in, their permissions and their shop's settings. */
  get me(): Me {
    if (!this.me_) throw new Error('the session has not started');
    return this.me_;
  }

  /** For the realtime socket's handshake. */
  get accessToken(): string {
    return this.tokens.accessToken;
  }

  /** The data hooks' policy: after a 401, one refresh with the in-memory refresh token. */
  get access(): ApiAccess {
    return { http: this.client.http, renewSession: () => this.refresh() };
  }

  /**
   * Sends a queued request as it was frozen (the outbox's transport): its body untouched, refreshed once
   * after a 401. A network failure rejects.
   */
  async send(path: string, body: string, headers: Record<string, string>): Promise<Response> {
    const attempt = () =>
      fetch(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', authorization: `Bearer ${this.tokens.accessToken}` }, body });
    const first = await attempt();
    return first.status === 401 && (await this.refresh()) ? attempt() : first;
  }

  private async refresh(): Promise<boolean> {
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: this.tokens.refreshToken }),
    }).catch(() => undefined);
    if (!response?.ok) return false;
    this.tokens = (await response.json()) as TokenPair;
    return true;
  }

  /** Ends the session on the server too; a failure (offline) leaves a token that expires on its own. */
  async end(): Promise<void> {
    await fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: this.tokens.refreshToken }),
    }).catch(() => undefined);
  }
}

/**
 * Checks a manager's PIN for a discount approval and reads how far they may discount: a PIN sign-in
 * that is ended at once. The sale carries `{ userId, pin }` and the API checks it again.
 */
export async function verifyApprover(deviceToken: string, userId: string, pin: string): Promise<Me> {
  const session = await CashierSession.start(deviceToken, userId, pin);
  await session.end();
  return session.me;
}

/** How far `me` may discount a sale on their own, in basis points of its gross; `null`: no limit (owners). */
export function allowanceOf(me: Me): number | null {
  return discountAllowanceBps({ role: me.role as Role, permissions: me.permissions as Permission[] }, me.tenant.discountLimitBps);
}
