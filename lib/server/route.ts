import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { acceptedRequestId, routeName } from '@/lib/domain/logging/log-record';
import { type Action, type Actor, roleMay } from '@/lib/domain/permissions';
import { CSRF_MESSAGE } from '@/lib/domain/security/csrf';
import { getActor } from './auth';
import { routeCsrfVerdict } from './csrf';
import { RETRY_AFTER_SECONDS, classifyDbError } from './db-errors';
import { AppError, ERROR_STATUS } from './errors';
import { log } from './log';

export interface RouteContext<P> {
  actor: Actor;
  params: P;
  req: Request;
}

function errorResponse(code: string, message: string, status: number, extra: Record<string, unknown> = {}, retryAfter?: number) {
  return NextResponse.json({ ok: false, code, message, ...extra }, { status, headers: retryAfter ? { 'retry-after': String(retryAfter) } : undefined });
}

/**
 * Wraps a route handler: authenticates on the server (401), refuses a role without the action (403) before the
 * body is read, turns zod and AppError failures into clear 4xx responses, a database outage into a 503 with
 * Retry-After, and never leaks an internal error's details. The operation the handler calls checks the action again with the record in hand.
 */
export function withUser<P = Record<string, string>>(options: { may: Action; /** A background poll: not activity (getActor). */ passive?: boolean }, handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    // One log line per request (lib/server/log.ts: ids and figures, never PHI), under the balancer's request id
    // when it sends one, so a line can be matched with the balancer's own log; echoed to the client.
    const started = performance.now();
    const requestId = acceptedRequestId(req.headers.get('x-request-id')) ?? randomUUID();
    const seen: Seen = {};
    const res = await answer(req, context, options, handler, seen);
    const route = routeName(req.method, new URL(req.url).pathname);
    log[res.status >= 500 ? 'error' : 'info']('request', { route, status: res.status, durationMs: performance.now() - started, requestId, actorId: seen.actorId, error: seen.failure });
    try {
      res.headers.set('x-request-id', requestId);
    } catch {
      // A Response.redirect()'s headers are immutable: that answer goes without the id.
    }
    return res;
  };
}

/** What the log line needs from inside the handling: who asked, and the internal error behind a 500. */
interface Seen {
  actorId?: string;
  failure?: unknown;
}

async function answer<P>(req: Request, context: { params: Promise<P> }, options: { may: Action; passive?: boolean }, handler: (ctx: RouteContext<P>) => Promise<Response>, seen: Seen): Promise<Response> {
  try {
    // Cross-site mutations first (403): the proxy refuses them too; this holds if its matcher ever misses.
    if (!routeCsrfVerdict(req).ok) return errorResponse('forbidden', CSRF_MESSAGE, 403);
    const actor = await getActor(!options.passive);
    if (!actor) return errorResponse('unauthenticated', 'Sign in to continue.', 401);
    seen.actorId = actor.id;
    if (!roleMay(actor.role, options.may)) return errorResponse('forbidden', 'Your role does not allow this.', 403);
    return await handler({ actor, params: await context.params, req });
  } catch (error) {
    if (error instanceof z.ZodError) {
      return errorResponse('invalid_input', 'The request is not valid.', 422, { issues: z.flattenError(error).fieldErrors });
    }
    // An operation that decides the database is out (AppError 'unavailable') gets the same Retry-After.
    if (error instanceof AppError) return errorResponse(error.code, error.message, error.status, {}, error.code === 'unavailable' ? RETRY_AFTER_SECONDS : undefined);
    // A constraint the database enforced (4xx) or an outage (503 with Retry-After): never a bare 500.
    const known = classifyDbError(error);
    if (known) return errorResponse(known.code, known.message, ERROR_STATUS[known.code], {}, known.retryAfter);
    seen.failure = error;
    return errorResponse('internal', 'Something went wrong on our side.', 500);
  }
}

/** Parses a URL's search params with a zod schema (422 on failure through withUser). */
export function parseSearch<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
