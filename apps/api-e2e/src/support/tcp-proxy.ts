import net from 'node:net';

export interface TcpProxy {
  /** `redis://127.0.0.1:<port>` (or any scheme given): where the API under test connects. */
  url: string;
  /** Drops every open connection and refuses new ones, as a server that went down does. */
  cut(): Promise<void>;
  /** Keeps open connections but forwards nothing more, and refuses new ones: a server that hangs. */
  stall(): Promise<void>;
  /** Drops the stalled connections, if any, and accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP relay to `target` that a test can cut and restore, to take a backing service away from the API. */
export async function startTcpProxy(target: URL): Promise<TcpProxy> {
  const connections = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      connections.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => {
        connections.delete(socket);
        other.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const { port } = server.address() as net.AddressInfo;

  // Stops accepting at once (server.close's callback would wait for the open connections to end).
  const stopListening = () => {
    if (server.listening) server.close();
  };
  const dropAll = () => {
    for (const socket of connections) socket.destroy();
  };
  let stalled: net.Socket[] = [];
  return {
    url: `${target.protocol}//127.0.0.1:${port}`,
    async cut() {
      stopListening();
      dropAll();
    },
    async stall() {
      stopListening();
      stalled = [...connections];
      for (const socket of stalled) {
        socket.unpipe();
        socket.pause();
      }
    },
    async restore() {
      for (const socket of stalled) socket.destroy();
      stalled = [];
      if (!server.listening) await listen(port);
    },
    async close() {
      stopListening();
      dropAll();
    },
  };
}
