import { io, Socket } from 'socket.io-client';
import { EventEnvelope, NotificationPayload, REALTIME_NAMESPACE, RealtimeClientEvents, RealtimeRefusalData, RealtimeServerEvents } from '@kassa/contracts';

/** A test's socket on `/realtime`, recording everything the server pushes to it. */
export interface TestSocket {
  socket: Socket<RealtimeServerEvents, RealtimeClientEvents>;
  events: EventEnvelope[];
  notifications: NotificationPayload[];
  reauthRequests: { expiresAt: string }[];
  endings: RealtimeRefusalData[];
  /** A round trip on this socket: whatever the server sent it before has arrived when this resolves. */
  flush(token: string): Promise<void>;
  close(): void;
}

const options = (token: string | undefined) => ({
  auth: token === undefined ? {} : { token },
  transports: ['websocket'],
  reconnection: false,
  forceNew: true,
});

export function connectSocket(baseUrl: string, token: string): Promise<TestSocket> {
  const socket: Socket<RealtimeServerEvents, RealtimeClientEvents> = io(`${baseUrl}${REALTIME_NAMESPACE}`, options(token));
  const recorded: TestSocket = {
    socket,
    events: [],
    notifications: [],
    reauthRequests: [],
    endings: [],
    async flush(freshToken) {
      await socket.timeout(5_000).emitWithAck('authenticate', { token: freshToken });
    },
    close: () => socket.close(),
  };
  socket.on('event', (event) => recorded.events.push(event));
  socket.on('notification', (notification) => recorded.notifications.push(notification));
  socket.on('reauth', (request) => recorded.reauthRequests.push(request));
  socket.on('session_ended', (ending) => recorded.endings.push(ending));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(recorded));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The reason the server gives for refusing this handshake. */
export function refusalOf(baseUrl: string, token: string | undefined): Promise<RealtimeRefusalData> {
  const socket = io(`${baseUrl}${REALTIME_NAMESPACE}`, options(token));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the handshake was accepted'));
    });
    socket.once('connect_error', (error: Error & { data?: RealtimeRefusalData }) => {
      socket.close();
      resolve(error.data as RealtimeRefusalData);
    });
  });
}
