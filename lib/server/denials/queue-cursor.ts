import 'server-only';
import { z } from 'zod';
import { isoDateInput, isoDateTimeInput } from '@/lib/domain/contracts/dates';
import type { QueueSort } from '@/lib/domain/queue-params';
import { AppError } from '../errors';

// The keyset cursor: the last row's sort key and id, opaque to the client (base64url JSON). It carries its
// sort so a cursor from one ordering can never position another. The deadline sort has two phases: dated
// rows in date order, then the undated ones by id (NULLS LAST, without an OR that would defeat the index).
// `n` is the number of the page the cursor opens (2 and on), for display only: it never positions a read.
export type QueueCursor = (
  | { s: 'score'; v: number; id: string }
  | { s: 'amount'; v: string; id: string }
  | { s: 'age'; v: string; id: string }
  | { s: 'deadline'; v: string | null; id: string }
) & { n?: number };

const uuid = z.uuid();
const n = z.number().int().min(2).max(1_000_000).optional();
const cursorSchema = z.discriminatedUnion('s', [
  z.object({ s: z.literal('score'), v: z.number().finite(), id: uuid, n }),
  z.object({ s: z.literal('amount'), v: z.string().regex(/^-?\d{1,18}$/), id: uuid, n }),
  z.object({ s: z.literal('age'), v: isoDateTimeInput(), id: uuid, n }),
  z.object({ s: z.literal('deadline'), v: isoDateInput().nullable(), id: uuid, n }),
]);

export function encodeCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string, sort: QueueSort): QueueCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('invalid_input', 'The page cursor is not valid. Start again from the first page.');
  }
  const result = cursorSchema.safeParse(parsed);
  // A cursor is only ever one this server made: a bad one was edited or truncated, whatever its flaw.
  if (!result.success) throw new AppError('invalid_input', 'The page cursor is not valid. Start again from the first page.');
  if (result.data.s !== sort) {
    throw new AppError('invalid_input', 'The page cursor does not belong to this sort. Start again from the first page.');
  }
  return result.data;
}
