import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getCurrentUser, type SessionUser } from './auth';
import { AppError } from './errors';
import { requestOrigin } from './request-context';
import type { AuditActor } from './audit';

export interface RouteContext<P> {
  user: SessionUser;
  actor: AuditActor;
  params: P;
  req: Request;
}

function errorResponse(code: string, message: string, status: number, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ ok: false, code, message, ...extra }, { status });
}

/**
 * Wraps a route handler: authenticates on the server (401), checks the role (403), turns zod and AppError
 * failures into clear 4xx responses, and never leaks an internal error's details.
 */
export function withUser<P = Record<string, string>>(
  options: { roles?: SessionUser['role'][] },
  handler: (ctx: RouteContext<P>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) return errorResponse('unauthenticated', 'Sign in to continue.', 401);
      if (options.roles && !options.roles.includes(user.role)) {
        return errorResponse('forbidden', 'Your role does not allow this.', 403);
      }
      const origin = await requestOrigin();
      const actor: AuditActor = { id: user.id, email: user.email, ...origin };
      return await handler({ user, actor, params: await context.params, req });
    } catch (error) {
      if (error instanceof z.ZodError) {
        return errorResponse('invalid_input', 'The request is not valid.', 422, { issues: z.flattenError(error).fieldErrors });
      }
      if (error instanceof AppError) return errorResponse(error.code, error.message, error.status);
      console.error('[route]', error);
      return errorResponse('internal', 'Something went wrong on our side.', 500);
    }
  };
}

/** Parses a URL's search params with a zod schema (422 on failure through withUser). */
export function parseSearch<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
