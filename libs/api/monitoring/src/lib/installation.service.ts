import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { DataSource } from 'typeorm';

export interface Installation {
  id: string;
  createdAt: Date;
}

/** This installation's identity: created by the first start, read back by every later one. */
@Injectable()
export class InstallationService implements OnApplicationBootstrap {
  private installation?: Installation;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(`INSERT INTO installation (id) VALUES ($1) ON CONFLICT (singleton) DO NOTHING`, [uuidv7()]);
    const [row] = await this.dataSource.query(`SELECT id, created_at AS "createdAt" FROM installation`);
    this.installation = row;
  }

  current(): Installation {
    if (!this.installation) throw new Error('InstallationService used before the application bootstrapped');
    return this.installation;
  }
}
