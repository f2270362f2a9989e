// Runs once when a Next server process starts. The nightly rescoring (pg-boss) lives in the server process
// itself — no separate service. Not during `next build`, and SCORING_JOBS=off turns it off (e.g. a replica).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.SCORING_JOBS === 'off') return;
  const { startScoringJobs } = await import('./lib/server/scoring/jobs');
  await startScoringJobs();
}
