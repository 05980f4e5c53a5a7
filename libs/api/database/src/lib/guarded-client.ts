import { Client, ClientConfig } from 'pg';

/**
 * The client class of the API's pool. pg-pool takes its own 'error' listener off a new client as it hands it over, and
 * TypeORM puts its listener on a microtask later. A server that ends the connection in the packet that also ends the
 * startup (pg_terminate_backend, a failover) emits 'error' in between with nobody listening, which kills the process.
 * This listener stays for the client's life and does nothing more: the error still fails the client's queries, marks
 * it unqueryable, and the pool drops it when it comes back.
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
