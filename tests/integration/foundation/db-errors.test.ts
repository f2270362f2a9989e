// classifyDbError: the errors the database, pg and Prisma really raise, and the shapes an outage takes.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { db, pool } from '@/lib/server/db';
import { classifyDbError } from '@/lib/server/db-errors';

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const caught = async (run: () => Promise<unknown>): Promise<unknown> => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};
const SOME_ID = '00000000-0000-4000-8000-0000000000ff';
const user = (extra: object) => ({ email: `db-errors-${Math.random()}@overturn.test`, name: 'X', role: 'specialist' as const, passwordHash: 'x', ...extra });

describe('errors the database raises for bad values', () => {
  it.each([
    ['a foreign key to nothing (23503)', () => db.user.create({ data: user({ teamId: SOME_ID }) }), 'invalid_input'],
    ['a NUL in text (22021)', () => db.user.create({ data: user({ name: 'a\u0000b' }) }), 'invalid_input'],
    ['a date in year 0 (22008)', () => db.denial.updateMany({ where: { id: SOME_ID }, data: { followUpDate: new Date('0000-01-01T00:00:00Z') } }), 'invalid_input'],
    ['a NUL through pg itself', () => pool.query('SELECT $1::text', ['a\u0000b']), 'invalid_input'],
    ['not a uuid through pg (22P02)', () => pool.query('SELECT $1::uuid', ['nope']), 'invalid_input'],
  ])('%s is a 4xx', async (_name, run, code) => {
    expect(classifyDbError(await caught(run))).toMatchObject({ code });
  });

  it('a duplicate (23505) is a conflict', async () => {
    const data = user({});
    await db.user.create({ data });
    expect(classifyDbError(await caught(() => db.user.create({ data })))).toMatchObject({ code: 'conflict' });
  });
});

describe('an outage', () => {
  it('through Prisma and through pg, at a closed port, is unavailable with a retry hint', async () => {
    const closedPool = new pg.Pool({ connectionString: 'postgresql://postgres@127.0.0.1:1/x' });
    const closed = new PrismaClient({ adapter: new PrismaPg(closedPool) });
    expect(classifyDbError(await caught(() => closed.user.findFirst()))).toMatchObject({ code: 'unavailable', retryAfter: 5 });
    expect(classifyDbError(await caught(() => closed.$transaction((tx) => tx.user.findFirst())))).toMatchObject({ code: 'unavailable' });
    expect(classifyDbError(await caught(() => closedPool.query('SELECT 1')))).toMatchObject({ code: 'unavailable' });
    await closed.$disconnect();
    await closedPool.end();
  });

  it.each([
    ['admin_shutdown (a restart)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' })],
    ['cannot_connect_now (starting up)', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection_failure (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['a dropped connection (no code)', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    // A transaction's next statement on a connection that died between two statements (bench:load, a restart).
    ['a statement on a connection that already failed', Object.assign(new Error('Client has encountered a connection error and is not queryable'), { clientVersion: '7.10.0' })],
    ['ECONNREFUSED on every address', new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })], '')],
    ['Prisma P1017 (server closed the connection)', Object.assign(new Error('Server has closed the connection.'), { code: 'P1017' })],
    ['the adapter’s ConnectionClosed', Object.assign(new Error('x'), { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } })],
    ['admin_shutdown inside Prisma’s error', Object.assign(new Error('x'), { code: 'P2039', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } } })],
  ])('%s is unavailable', (_name, error) => {
    expect(classifyDbError(error)).toMatchObject({ code: 'unavailable', message: expect.stringContaining('try again') });
  });

  it('anything else is left to the caller (a 500)', () => {
    expect(classifyDbError(new Error('boom'))).toBeNull();
    expect(classifyDbError(Object.assign(new Error('relation does not exist'), { code: '42P01' }))).toBeNull();
    expect(classifyDbError('a string')).toBeNull();
    expect(classifyDbError(null)).toBeNull();
  });
});
