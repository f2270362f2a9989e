// The binary COPY encoder (lib/server/remits/binary-rows.ts) against PostgreSQL itself: the same rows written in
// binary and in text (CopyRows, which the server parses) must read back identical, for every type and the edges
// of each; values that do not fit their column are refused before anything is sent.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/server/db';
import { BinaryRows } from '@/lib/server/remits/binary-rows';
import { copyTables } from '@/lib/server/remits/copy-batch';
import { type CopyValue, CopyRows } from '@/lib/server/remits/copy-rows';

let client: pg.PoolClient;

const COLUMNS = `(n int4, id uuid, t text, i8 bigint, f float8, b bool, d date, ts timestamptz, q numeric, tags text[], j jsonb, st "DenialStatus")`;

beforeAll(async () => {
  client = await pool.connect();
  await client.query(`CREATE TEMP TABLE via_binary ${COLUMNS}; CREATE TEMP TABLE via_text ${COLUMNS}`);
});

afterAll(async () => {
  client.release();
  await pool.end();
});

const ROWS: CopyValue[][] = [
  [1, randomUUID(), 'plain', 0, 0, true, '2026-11-25', '2026-11-25T12:34:56.789Z', 1, ['CO', '45'], '{"a":1}', 'new'],
  [2, randomUUID().toUpperCase(), 'Zoë Ñandú — 🦷', -5, -0.125, false, '2024-02-29', '1999-12-31T23:59:59.999Z', 0.5, [], '{"name":"Zoë","n":[1,2]}', 'resolved_paid'],
  [3, randomUUID(), 'tab\there\nnewline \\ backslash "quote"', 2 ** 40 + 7, 1e300, true, '1999-12-31', '2000-01-01T00:00:00.000Z', 12.25, ['a,b', 'c"d', 'e\\f', 'NULL', '{x}'], '[]', 'appealed'],
  [4, randomUUID(), '', -(2 ** 50), 3.141592653589793, false, '1970-01-01', '1970-01-01T00:00:00.000Z', -3.75, ['ünï'], '"text"', 'written_off'],
  [5, randomUUID(), 'x', 9007199254740991, 12.5, true, '2099-12-31', '2026-03-08T07:00:00.001Z', 10000.0001, ['only'], 'null', 'new'],
  [6, randomUUID(), 'y', -9007199254740991, 0.1, false, '2000-01-01', '2026-11-25T12:34:56.789Z', 123456789.5, ['x'], '{}', 'new'],
  [7, randomUUID(), 'z', 100, 2, true, '2026-01-31', '2026-11-25T12:34:56.789Z', 0, ['y'], '{}', 'new'],
  [8, null, null, null, null, null, null, null, null, null, null, null],
  [9, randomUUID(), 'q', 1, 1, true, '2026-06-15', '2026-06-15T00:00:00.000Z', 0.0001, ['z'], '{}', 'new'],
  [10, randomUUID(), 'w', 1, 1, true, '2026-06-15', '2026-06-15T00:00:00.000Z', 7000000, ['z'], '{}', 'new'],
];

const binary = () =>
  new BinaryRows('via_binary', ['n:int4', 'id:uuid', 't:text', 'i8:int8', 'f:float8', 'b:bool', 'd:date', 'ts:timestamptz', 'q:numeric', 'tags:text[]', 'j:jsonb', 'st:text']);

async function readBack(table: string) {
  const { rows } = await client.query(`SELECT row_to_json(x)::text AS r FROM ${table} x ORDER BY n`);
  return rows.map((r) => r.r as string);
}

describe('BinaryRows', () => {
  it('writes every type exactly as the server reads the same values as text', async () => {
    const bin = binary();
    const text = new CopyRows('via_text', ['n', 'id', 't', 'i8', 'f', 'b', 'd', 'ts', 'q', 'tags', 'j', 'st']);
    for (const row of ROWS) {
      bin.add(row);
      text.add(row);
    }
    expect(await copyTables(client, [bin, text])).toBe(ROWS.length * 2);
    const fromBinary = await readBack('via_binary');
    expect(fromBinary).toEqual(await readBack('via_text'));
    expect(fromBinary).toHaveLength(ROWS.length);
    // Spot checks in the database's own words, so a shared mistake in both encoders would show too.
    const { rows } = await client.query(`SELECT q::text, i8::text, d::text, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS ts FROM via_binary WHERE n IN (3, 6, 9) ORDER BY n`);
    expect(rows).toEqual([
      { q: '12.25', i8: String(2 ** 40 + 7), d: '1999-12-31', ts: '2000-01-01 00:00:00.000' },
      { q: '123456789.5', i8: '-9007199254740991', d: '2000-01-01', ts: '2026-11-25 12:34:56.789' },
      { q: '0.0001', i8: '1', d: '2026-06-15', ts: '2026-06-15 00:00:00.000' },
    ]);
  });

  it('starts each batch afresh: a second take sends only the rows added since', async () => {
    await client.query('TRUNCATE via_binary');
    const bin = binary();
    bin.add(ROWS[0]!);
    expect(await copyTables(client, [bin])).toBe(1);
    expect(bin.take()).toBeNull();
    bin.add(ROWS[1]!);
    bin.add(ROWS[2]!);
    expect(await copyTables(client, [bin])).toBe(2);
    expect(await readBack('via_binary')).toHaveLength(3);
  });

  it('refuses a value that does not fit its column, naming it, and keeps the rows before it', () => {
    const bin = binary();
    bin.add(ROWS[0]!);
    const bad = (i: number, value: CopyValue) => ROWS[0]!.map((v, j) => (j === i ? value : v));
    expect(() => bin.add(bad(1, 'not-a-uuid'))).toThrow(/via_binary\.id: .*not a uuid/);
    expect(() => bin.add(bad(1, 'g0000000-0000-4000-8000-000000000000'))).toThrow(/not a uuid/);
    expect(() => bin.add(bad(6, '2026-02-30'))).toThrow(/via_binary\.d: .*not a date/);
    expect(() => bin.add(bad(7, 'yesterday'))).toThrow(/via_binary\.ts: .*not a timestamp/);
    expect(() => bin.add(bad(3, 1.5))).toThrow(/via_binary\.i8: .*not a whole number/);
    expect(() => bin.add(bad(0, 2 ** 31))).toThrow(/via_binary\.n: .*32-bit/);
    expect(() => bin.add(bad(8, 1e-9))).toThrow(/via_binary\.q: .*too large or too small/);
    expect(() => bin.add(bad(4, Number.NaN))).toThrow(/via_binary\.f: Cannot store NaN/);
    expect(() => bin.add(bad(2, 5))).toThrow(/via_binary\.t: expected string/);
    expect(bin.count).toBe(1);
    expect(bin.take()?.count).toBe(1);
  });

  it('writes a repeated uuid right after a refused row that held it', async () => {
    await client.query(`CREATE TEMP TABLE uuid_after_text (t text, id uuid, n int4)`);
    const bin = new BinaryRows('uuid_after_text', ['t:text', 'id:uuid', 'n:int4']);
    const [other, id] = [randomUUID(), randomUUID()];
    bin.add(['first', other, 1]);
    // Refused after its uuid was written: the next row's longer text overwrites where those bytes were.
    expect(() => bin.add(['x', id, 2 ** 31])).toThrow(/32-bit/);
    bin.add(['a text long enough to cover the refused row', id, 3]);
    expect(await copyTables(client, [bin])).toBe(2);
    const { rows } = await client.query(`SELECT n, id::text FROM uuid_after_text ORDER BY n`);
    expect(rows).toEqual([{ n: 1, id: other }, { n: 3, id }]);
  });
});
