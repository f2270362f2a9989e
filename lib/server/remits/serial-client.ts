import 'server-only';
import type pg from 'pg';

/**
 * An import's one connection, shared by the batch being written and the reading that goes on meanwhile (a new
 * payer's look-up). Statements run one at a time in the order they were sent, and each is sent as soon as the
 * one before settles — in the same turn of the event loop — so the server goes from one to the next without
 * waiting for JavaScript to come back to it. (pg would queue concurrent queries itself, but that is deprecated
 * and goes in pg 9.) A statement sent after one that failed still runs, and fails fast in the aborted
 * transaction: everything settles before the import rolls back.
 */
export class SerialClient {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.PoolClient) {}

  run<T>(statement: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => statement(this.client));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything sent so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
