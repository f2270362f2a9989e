import 'server-only';
import type { z } from 'zod';
import { type Failure, fail } from './errors';

/**
 * An operation's own validation (tests and other operations call it without a server action in front): the
 * parsed input, or 'invalid_input' with the messages by field, the first of them in the message itself so a
 * caller without a form still says what is wrong.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; data: z.infer<S> } | Failure {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
  const first = parsed.error.issues[0]?.message;
  return fail('invalid_input', first ? `Please correct the highlighted fields. ${first}` : 'Please correct the highlighted fields.', { fieldErrors });
}
