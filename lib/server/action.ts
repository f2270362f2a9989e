import 'server-only';
import { z } from 'zod';
import { type Action, type Actor, roleMay } from '@/lib/domain/permissions';
import { CSRF_MESSAGE } from '@/lib/domain/security/csrf';
import { getActor } from './auth';
import { classifyDbError } from './db-errors';
import { actionCsrfVerdict } from './csrf';
import { AppError, fail, type Result } from './errors';
import { log } from './log';

/**
 * Makes a server action: authenticates on the server, refuses a role without the action, validates the input
 * with zod, and returns { ok: true, data } or { ok: false, code, message, fieldErrors } — never throws to the
 * client; a database outage (even during the session lookup) answers 'unavailable'. The operation it calls
 * checks the action again with the record in hand and writes its own audit event.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  options: { may: Action },
  fn: (input: z.infer<S>, ctx: { actor: Actor }) => Promise<Result<T>>,
) {
  return async (raw: z.input<S>): Promise<Result<T>> => {
    // A cross-site call first: the proxy refuses it too; this holds if its matcher ever misses.
    if (!(await actionCsrfVerdict()).ok) return fail('forbidden', CSRF_MESSAGE);
    // The session lookup reads the database too: inside the try, so an outage answers 'unavailable', not a 500.
    let actorId: string | undefined;
    try {
      const actor = await getActor();
      if (!actor) return fail('unauthenticated', 'Your session has ended. Sign in again.');
      actorId = actor.id;
      if (!roleMay(actor.role, options.may)) return fail('forbidden', 'Your role does not allow this.');
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return fail('invalid_input', 'Please correct the highlighted fields.', {
          fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
        });
      }
      return await fn(parsed.data, { actor });
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      const known = classifyDbError(error);
      if (known) return fail(known.code, known.message);
      // Server actions have no route to name; the stack frames say which one (lib/server/log.ts).
      log.error('action', { action: fn.name || undefined, actorId, error });
      return fail('internal', 'Something went wrong on our side. Nothing was saved.');
    }
  };
}
