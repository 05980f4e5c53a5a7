import { Injectable } from '@nestjs/common';
import { readdir, stat } from 'node:fs/promises';
import { BlockList, isIPv6 } from 'node:net';
import path from 'node:path';
import { isUuid } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type { MailboxQueryDto, WrittenMailDto, WrittenMailListDto } from './dto/mailbox.dto';
import { shopMailDirectory } from './eml-file-mail-transport';
import { mailboxHidden } from './mail.exception';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** Newest first (mail ids are UUIDv7). */
const MAILBOX_PAGES = cursorShape('mailbox', ['uuid']);

/**
 * The .eml files written without `SMTP_URL`, for demos: only under NODE_ENV=development, only to a
 * caller on this machine, and only the caller's own shop's folder. Anything else is a 404, as if the route did not exist.
 */
@Injectable()
export class MailboxService {
  constructor(private readonly config: AppConfig) {}

  async list(context: RequestContext, query: MailboxQueryDto): Promise<WrittenMailListDto> {
    if (this.config.nodeEnv !== 'development' || !LOOPBACK.check(context.ip, isIPv6(context.ip) ? 'ipv6' : 'ipv4')) throw mailboxHidden();
    const page = pageRequest(query, MAILBOX_PAGES);
    const folder = shopMailDirectory(this.config.mail.directory, context.tenantId);
    const ids = (await readdir(folder).catch(() => [] as string[]))
      .filter((name) => name.endsWith('.eml') && isUuid(name.slice(0, -4)))
      .map((name) => name.slice(0, -4))
      .filter((id) => page.after === undefined || id < page.after[0])
      .sort()
      .reverse()
      .slice(0, page.fetch);
    // The shop's own rows (row-level security) say what each file is; a file without one is not listed.
    const rows = await queryRows<Pick<WrittenMailDto, 'id' | 'purpose' | 'to' | 'subject'>>(
      context.manager,
      `SELECT id, purpose, to_address AS "to", subject FROM mail_message WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const known = new Map(rows.map((row) => [row.id, row]));
    const items: WrittenMailDto[] = [];
    for (const id of ids) {
      const row = known.get(id);
      if (!row) continue;
      const file = path.resolve(folder, `${id}.eml`);
      const { size, mtime } = await stat(file);
      items.push({ ...row, file, size, writtenAt: mtime.toISOString() });
    }
    return paginate(items, page, (mail) => [mail.id]);
  }
}
