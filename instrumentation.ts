// Runs once when a Next server process starts. The nightly rescoring (pg-boss) lives in the server process
// itself — no separate service; not during `next build` (JOBS=off also turns it off, see lib/env.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startScoringJobs } = await import('./lib/server/scoring/jobs');
  await startScoringJobs();
}
