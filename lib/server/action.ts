import 'server-only';
import { z } from 'zod';
import { getCurrentUser, type SessionUser } from './auth';
import { AppError, fail, type Result } from './errors';
import { requestOrigin } from './request-context';
import type { AuditActor } from './audit';

/**
 * Makes a server action: authenticates and checks the role on the server, validates the input with zod,
 * and returns { ok: true, data } or { ok: false, code, message, fieldErrors } — never throws to the client.
 * The operation it calls writes its own audit event inside its transaction.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  options: { roles?: SessionUser['role'][] },
  fn: (input: z.infer<S>, ctx: { user: SessionUser; actor: AuditActor }) => Promise<Result<T>>,
) {
  return async (raw: z.input<S>): Promise<Result<T>> => {
    const user = await getCurrentUser();
    if (!user) return fail('unauthenticated', 'Your session has ended. Sign in again.');
    if (options.roles && !options.roles.includes(user.role)) return fail('forbidden', 'Your role does not allow this.');
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return fail('invalid_input', 'Please correct the highlighted fields.', {
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      });
    }
    try {
      const origin = await requestOrigin();
      return await fn(parsed.data, { user, actor: { id: user.id, email: user.email, ...origin } });
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      console.error('[action]', error);
      return fail('internal', 'Something went wrong on our side. Nothing was saved.');
    }
  };
}
