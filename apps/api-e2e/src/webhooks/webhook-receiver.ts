import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with its n-th request (0-based): answer, or never answer. */
export type ReceiverBehaviour = (index: number) => { status: number; headers?: Record<string, string>; body?: string } | 'hang';

/** A partner's webhook endpoint on 127.0.0.1, recording every request it gets. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();

  private readonly server: Server;

  private constructor(private readonly behaviour: ReceiverBehaviour) {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.answer({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') }, response));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(behaviour: ReceiverBehaviour = () => ({ status: 204 })): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(behaviour);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Requests that are being held open right now. */
  get hangingCount(): number {
    return this.hanging.size;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: ReceivedWebhook, response: ServerResponse): void {
    const answer = this.behaviour(this.received.length);
    this.received.push(request);
    if (answer === 'hang') {
      this.hanging.add(response);
      response.on('close', () => this.hanging.delete(response));
      return;
    }
    response.writeHead(answer.status, answer.headers).end(answer.body ?? '');
  }
}
