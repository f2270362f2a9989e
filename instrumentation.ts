import type { Instrumentation } from 'next';

// Runs once when a Next server process starts. The nightly rescoring (pg-boss) lives in the server process
// itself — no separate service; not during `next build` (JOBS=off also turns it off, see lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startScoringJobs } = await import('./lib/server/scoring/jobs');
  await startScoringJobs();
}

// An error a page's render let through (route handlers and server actions catch and log their own): one JSON
// line with the route's pattern, never its path's values or the error's message (lib/server/log.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('./lib/server/log');
  const requestId = request.headers['x-request-id'];
  log.error('request', { route: `${request.method} ${context.routePath}`, action: context.routeType, requestId: typeof requestId === 'string' ? requestId : undefined, error });
};
