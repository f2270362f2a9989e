import 'server-only';
import type { z } from 'zod';
import { AppError } from './errors';

// A keyset page link's cursor (the last row's sort key), opaque in the URL. A tampered or stale one is refused
// with a clear message, never a 500.

export const encodeCursor = (cursor: unknown): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

export function decodeCursor<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new AppError('invalid_input', 'The page link is not valid. Start again from the first page.');
  return result.data;
}
