// Several tables' COPY in one round trip (lib/server/remits/copy-batch.ts): rows land in order, a failure in any
// statement is reported with the server's error, nothing of the batch stays, and the connection is still in step
// with the server afterwards (the import's connection goes back to the pool).
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pool } from '@/lib/server/db';
import { copyTables } from '@/lib/server/remits/copy-batch';
import { CopyRows } from '@/lib/server/remits/copy-rows';

let client: pg.PoolClient;

beforeAll(async () => {
  client = await pool.connect();
  // Temporary tables: this connection's own, with a real foreign key to show statements run in the order given.
  await client.query(`
    CREATE TEMP TABLE batch_parent (id int PRIMARY KEY, label text NOT NULL);
    CREATE TEMP TABLE batch_child (id int PRIMARY KEY, parent int NOT NULL REFERENCES batch_parent (id), note text)`);
});

beforeEach(async () => {
  await client.query('TRUNCATE batch_child, batch_parent');
});

afterAll(async () => {
  client.release();
  await pool.end();
});

const parents = () => new CopyRows('batch_parent', ['id', 'label']);
const children = () => new CopyRows('batch_child', ['id', 'parent', 'note']);
const countOf = async (table: string) => Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

describe('copyTables', () => {
  it('writes every table in the order given, text escapes intact, and counts the rows the server took', async () => {
    const p = parents();
    const c = children();
    for (let i = 1; i <= 3; i++) p.add([i, `parent\t${i}\\`]);
    for (let i = 1; i <= 5; i++) c.add([i, (i % 3) + 1, i === 2 ? 'two\nlines' : null]);
    expect(await copyTables(client, [p, c])).toBe(8);
    expect((await client.query(`SELECT label FROM batch_parent WHERE id = 1`)).rows[0].label).toBe('parent\t1\\');
    expect((await client.query(`SELECT note FROM batch_child WHERE id = 2`)).rows[0].note).toBe('two\nlines');
    // Taken: a second send has nothing left to write.
    expect(await copyTables(client, [p, c])).toBe(0);
  });

  it('sends rows larger than one CopyData piece (1 MiB) whole', async () => {
    const p = parents();
    const label = 'x'.repeat(1000);
    for (let i = 1; i <= 3000; i++) p.add([i, `${label}${i}`]);
    expect(await copyTables(client, [p])).toBe(3000);
    expect(await countOf('batch_parent')).toBe(3000);
    expect((await client.query(`SELECT label FROM batch_parent WHERE id = 2999`)).rows[0].label).toBe(`${label}2999`);
  });

  for (const where of ['first', 'second'] as const) {
    it(`reports a failure in the ${where} statement, keeps nothing of the batch, and leaves the connection usable`, async () => {
      await client.query('BEGIN');
      const p = parents();
      const c = children();
      p.add([1, 'one']);
      if (where === 'first') p.add(['not a number', 'bad']);
      c.add([1, 1, null]);
      if (where === 'second') c.add([2, 99, 'orphan']);
      const error = await copyTables(client, [p, c]).catch((e: pg.DatabaseError) => e);
      expect(error).toMatchObject(where === 'first' ? { code: '22P02' } : { code: '23503', table: 'batch_child' });
      await client.query('ROLLBACK');
      // The rows still on their way when the server refused were ignored by it; the next statements get their own replies.
      expect(await countOf('batch_parent')).toBe(0);
      expect((await client.query(`SELECT 41 + 1 AS answer`)).rows[0].answer).toBe(42);
      const again = parents();
      again.add([7, 'seven']);
      expect(await copyTables(client, [again])).toBe(1);
      expect(await countOf('batch_parent')).toBe(1);
    });
  }
});
