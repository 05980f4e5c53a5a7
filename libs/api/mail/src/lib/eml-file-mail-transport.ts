import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailTransport, OutgoingMail } from './mail-transport';
import { messageIdOf } from './smtp-mail-transport';

/** A shop's written mail: `<directory>/<tenantId>/<mailId>.eml`. */
export const shopMailDirectory = (directory: string, tenantId: string) => path.join(directory, tenantId);

/**
 * Without `SMTP_URL`: each mail is composed as a real message and written as an .eml file (open it in
 * a mail client), one folder per shop. Written to a temporary name and renamed, so no reader sees half a file.
 */
export class EmlFileMailTransport implements MailTransport {
  private readonly composer: Transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(private readonly directory: string) {}

  async send(mail: OutgoingMail): Promise<void> {
    const { message } = (await this.composer.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: messageIdOf(mail),
    })) as { message: Buffer };
    const folder = shopMailDirectory(this.directory, mail.tenantId);
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${mail.id}.eml`);
    await writeFile(`${file}.partial`, message);
    await rename(`${file}.partial`, file);
  }

  close(): void {
    this.composer.close();
  }
}
