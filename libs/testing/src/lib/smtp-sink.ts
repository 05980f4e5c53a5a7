import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** When the server accepted it (ms since the epoch). */
  receivedAt: number;
}

export interface SmtpSink {
  /** An SMTP_URL with the sink's user and password. */
  url: string;
  received: ReceivedMail[];
  /** Every DATA the sink was offered, refused ones included. */
  offered: number;
  /** Refuses the next `count` messages with a temporary 451, as a busy server does. */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

const USER = 'kassa';
const PASSWORD = 'smtp-test-password';

/** An in-process SMTP server that requires a password and keeps what it accepts. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let offered = 0;
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        offered += 1;
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error('Busy, try again later'), { responseCode: 451 }));
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    received,
    get offered() {
      return offered;
    },
    refuseNext(count: number) {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A MIME part's body by content type, with its transfer encoding undone and LF line ends (enough for the mails Kassa writes). */
export function mimePart(raw: string, contentType: 'text/plain' | 'text/html'): string {
  return decodedPart(raw, contentType).replace(/\r\n/g, '\n');
}

function decodedPart(raw: string, contentType: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const part = parts.find((candidate) => new RegExp(`^Content-Type: ${contentType}`, 'mi').test(candidate.split(/\r?\n\r?\n/)[0]));
  if (!part) throw new Error(`no ${contentType} part in the mail`);
  const bodyStart = part.search(/\r?\n\r?\n/);
  const headers = part.slice(0, bodyStart);
  const body = part
    .slice(bodyStart)
    .replace(/^\r?\n\r?\n/, '')
    .replace(/\r?\n$/, '');
  if (/Content-Transfer-Encoding: base64/i.test(headers)) return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  if (!/Content-Transfer-Encoding: quoted-printable/i.test(headers)) return body;
  const escaped = body
    .replace(/=\r?\n/g, '')
    .replace(/%/g, '%25')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(escaped);
}
