import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Every address a host name resolves to; an IP literal resolves to itself. The one place webhooks ask DNS. */
@Injectable()
export class HostResolver {
  async resolve(hostname: string): Promise<string[]> {
    if (isIP(hostname)) return [hostname];
    const records = await lookup(hostname, { all: true, verbatim: true });
    return records.map((record) => record.address);
  }
}
