import 'server-only';
import { UNAVAILABLE_MESSAGE } from '@/lib/domain/contracts/result';
import type { ErrorCode } from './errors';

// What a database error means to the person who sent the request. The operations check their input first
// (dates, text, foreign ids); this is the safety net the wrappers (route.ts, action.ts) use for whatever gets
// through, so a constraint the database enforces answers a 4xx and an outage a 503 — never a bare 500.
// Errors arrive in three shapes: pg's own (SQLSTATE in `code`, or a socket errno), Prisma's
// PrismaClientKnownRequestError (P-codes, the adapter's error in meta.driverAdapterError.cause), and a
// DriverAdapterError with a `kind` in `cause`; pg may also wrap socket errors in an AggregateError.

export interface DbFailure {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before trying again (503 only). */
  retryAfter?: number;
}

/** How long a client should wait before retrying during an outage: a restart usually takes a few seconds. */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATE class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now,
// 53300 too_many_connections; socket errnos; Prisma P1001 can't reach, P1002/P1008 timed out, P1017 server closed
// the connection, P2024 no pool connection in time; the pg adapter's kinds for the same.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// pg reports a dropped or never-made connection with a message and no code; a statement sent on a connection
// that already failed (a transaction's, between its statements, during a restart: seen in bench:load) likewise.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Unable to start a transaction in the given time|Client has encountered a connection error and is not queryable/i;

// 23503 foreign_key_violation, 23505 unique_violation; class 22 data exceptions a value from outside can cause:
// 22P02 invalid_text_representation, 22007 invalid_datetime_format, 22008 datetime_field_overflow, 22021 bad byte
// (a NUL in text), 22P05 untranslatable_character (a NUL in jsonb), 22001 string too long, 22003 number out of range.
const INPUT: Record<string, DbFailure> = {
  '23503': { code: 'invalid_input', message: 'This refers to a record that does not exist.' },
  '23505': { code: 'conflict', message: 'This already exists.' },
  ...Object.fromEntries(
    ['22P02', '22007', '22008', '22021', '22P05', '22001', '22003'].map((s) => [s, { code: 'invalid_input' as const, message: 'A value in the request is not valid.' }]),
  ),
};
const PRISMA_INPUT: Record<string, string> = { P2003: '23503', P2002: '23505', P2000: '22001', P2007: '22P02', P2020: '22003' };
const KIND_INPUT: Record<string, string> = {
  ForeignKeyConstraintViolation: '23503',
  UniqueConstraintViolation: '23505',
  InvalidInputValue: '22P02',
  LengthMismatch: '22001',
  ValueOutOfRange: '22003',
};

interface Shape {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** Every error in the chain: the error, its causes, the adapter's error, an AggregateError's members. */
function chain(error: unknown, seen = new Set<unknown>()): Shape[] {
  if (typeof error !== 'object' || error === null || seen.has(error) || seen.size > 20) return [];
  seen.add(error);
  const e = error as Shape;
  const nested = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [e, ...nested.flatMap((n) => chain(n, seen))];
}

/**
 * The 4xx or 503 a database error stands for, or null when it is none of these (a bug: the caller answers 500).
 * Outage wins over everything else: a dropped connection can surface inside any other error.
 */
export function classifyDbError(error: unknown): DbFailure | null {
  const links = chain(error);
  const unavailable = links.some(
    (l) =>
      (typeof l.code === 'string' && (UNAVAILABLE_CODES.has(l.code) || UNAVAILABLE_SQLSTATE.test(l.code))) ||
      (typeof l.originalCode === 'string' && UNAVAILABLE_SQLSTATE.test(l.originalCode)) ||
      (typeof l.kind === 'string' && UNAVAILABLE_KINDS.has(l.kind)) ||
      (typeof l.message === 'string' && UNAVAILABLE_MESSAGES.test(l.message)),
  );
  if (unavailable) return { code: 'unavailable', message: UNAVAILABLE_MESSAGE, retryAfter: RETRY_AFTER_SECONDS };
  for (const l of links) {
    const sqlstate =
      (typeof l.originalCode === 'string' && l.originalCode) ||
      (typeof l.kind === 'string' && KIND_INPUT[l.kind]) ||
      (typeof l.code === 'string' && (PRISMA_INPUT[l.code] ?? l.code));
    if (sqlstate && INPUT[sqlstate]) return INPUT[sqlstate];
  }
  return null;
}
