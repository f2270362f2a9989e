import 'server-only';
import { type Job, PgBoss } from 'pg-boss';
import { env } from '@/lib/env';
import { todayIso } from '../clock';
import { pool } from '../db';
import { log } from '../log';
import { reclassifyDenials } from '../codes/reclassify-denials';
import { runSlaCheck } from '../sla/run-sla-check';
import { rescoreOpenDenials } from './rescore-open-denials';
import { runAuditMaintenance } from '../audit/audit-maintenance';

// Scoring jobs run on pg-boss inside the Next server process (instrumentation.ts): its tables live in the
// app's own Postgres (schema pgboss), so there is no separate service to run. Several instances on one database
// (docs/decisions/0035-several-instances.md): a schedule is a row in pgboss.schedule, not a timer per process;
// every instance's cron pass first claims pgboss.version.cron_on (one pass per interval across instances) and
// files each occurrence under a singleton key and a one-minute slot, so a tick becomes one job however many
// instances saw it; a job is fetched with FOR UPDATE SKIP LOCKED, so one worker runs it. The payer and code
// jobs are sent with a singleton key, so two instances asking for the same rescore queue it once.
export const DAILY_RESCORE = 'rescore-open-denials';
export const PAYER_RESCORE = 'rescore-payer';
/** 02:15 every night, in the server's time zone (the one todayIso() reads). */
export const DAILY_RESCORE_CRON = '15 2 * * *';
/** The team SLA check (issue 14): escalates the denials whose team SLA fired. */
export const SLA_CHECK = 'sla-check';
export const SLA_CHECK_CRON = '*/15 * * * *';
/** Re-classifies the open denials of a code after an admin changes its mapping (lib/server/codes). */
export const CODE_RECLASSIFY = 'reclassify-code';
/** The audit trail's partitions ahead and the seal of the UTC day just closed (lib/server/audit/audit-maintenance.ts). */
export const AUDIT_MAINTENANCE = 'audit-maintenance';
/** 00:20 UTC: the day being sealed is over everywhere, and no transaction is likely still writing into it. */
export const AUDIT_MAINTENANCE_CRON = '20 0 * * *';

// Route bundles and instrumentation may load this module separately; one boss per process, via globalThis.
const slot = globalThis as unknown as { overturnBoss?: Promise<PgBoss | null> };

/**
 * The app's least-privilege role may not CREATE SCHEMA, even IF NOT EXISTS: the owner made `pgboss` for it
 * (scripts/db/app-grants.ts), so pg-boss creates the schema only where it is missing (the app runs as owner).
 */
async function jobsSchemaExists(): Promise<boolean> {
  const found = await pool.query<{ present: boolean }>(`SELECT to_regnamespace('pgboss') IS NOT NULL AS present`).catch(() => null);
  return found?.rows[0]?.present ?? false; // unreachable database: boss.start() below reports it
}

async function boot(): Promise<PgBoss | null> {
  const createSchema = !(await jobsSchemaExists());
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, max: 2, application_name: 'overturn-jobs', createSchema });
  boss.on('error', (error) => log.error('jobs', { error }));
  try {
    await boss.start();
    await boss.createQueue(DAILY_RESCORE);
    await boss.createQueue(PAYER_RESCORE);
    await boss.createQueue(CODE_RECLASSIFY);
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await boss.schedule(DAILY_RESCORE, DAILY_RESCORE_CRON, {}, { tz });
    await boss.work(DAILY_RESCORE, logged(DAILY_RESCORE, async () => (await rescoreOpenDenials(todayIso())).scored));
    await boss.work<{ payerId: string }>(PAYER_RESCORE, logged(PAYER_RESCORE, async (job) => (await rescoreOpenDenials(todayIso(), { payerId: job.data.payerId })).scored));
    await boss.work<{ changeId: string }>(CODE_RECLASSIFY, logged(CODE_RECLASSIFY, async (job) => void (await reclassifyDenials(job.data.changeId, todayIso()))));
    await boss.createQueue(AUDIT_MAINTENANCE);
    await boss.schedule(AUDIT_MAINTENANCE, AUDIT_MAINTENANCE_CRON, {}, { tz: 'UTC' });
    await boss.work(AUDIT_MAINTENANCE, logged(AUDIT_MAINTENANCE, async () => void (await runAuditMaintenance())));
    if (env().SLA_JOBS !== 'off') {
      await boss.createQueue(SLA_CHECK);
      await boss.schedule(SLA_CHECK, env().SLA_CHECK_CRON ?? SLA_CHECK_CRON, {}, { tz });
      await boss.work(SLA_CHECK, logged(SLA_CHECK, async () => (await runSlaCheck()).escalated));
    }
    log.info('jobs started', { action: env().SLA_JOBS !== 'off' ? 'scoring and SLA' : 'scoring' });
    return boss;
  } catch (error) {
    // The app serves without its background jobs rather than not at all; the error says why.
    log.error('jobs not started: scores change only on edits', { error });
    await boss.stop({ graceful: false }).catch(() => {});
    return null;
  }
}

/**
 * Runs a fetched batch one job at a time, each as one log line — the queue's name, the job's id, how long, what it
 * counted, or its error (rethrown, so pg-boss retries the batch): the two-instance test reads these lines to see
 * that each scheduled run ran once across instances.
 */
function logged<T>(job: string, run: (item: Job<T>) => Promise<number | void>): (jobs: Job<T>[]) => Promise<void> {
  return async (jobs) => {
    for (const item of jobs) {
      const started = performance.now();
      try {
        const count = await run(item);
        log.info('job', { job, jobId: item.id, durationMs: performance.now() - started, count: count ?? undefined });
      } catch (error) {
        log.error('job', { job, jobId: item.id, durationMs: performance.now() - started, error });
        throw error;
      }
    }
  };
}

/** Whether this process runs background jobs at all: JOBS=off (or the older SCORING_JOBS=off) says no. */
export function jobsEnabled(): boolean {
  const { JOBS, SCORING_JOBS } = env();
  return JOBS !== 'off' && SCORING_JOBS !== 'off';
}

export function startScoringJobs(): Promise<PgBoss | null> {
  slot.overturnBoss ??= jobsEnabled() ? boot() : Promise.resolve(null);
  return slot.overturnBoss;
}

/** Stops the jobs in this process (tests; a graceful shutdown). */
export async function stopScoringJobs(): Promise<void> {
  const boss = await slot.overturnBoss;
  slot.overturnBoss = undefined;
  await boss?.stop({ graceful: true });
}

/**
 * After a payer's rules change, its open denials need new deadlines and scores: queued for the worker when
 * the jobs run in this process, otherwise (tests, scripts) done right away.
 */
export async function requestPayerRescore(payerId: string): Promise<'queued' | 'done'> {
  const boss = await slot.overturnBoss;
  if (boss) {
    await boss.send(PAYER_RESCORE, { payerId }, { singletonKey: payerId });
    return 'queued';
  }
  await rescoreOpenDenials(todayIso(), { payerId });
  return 'done';
}

/**
 * After a code-mapping change, the open denials it touches are re-classified: queued for the worker when the
 * jobs run in this process (the page shows its status from code_mapping_change), otherwise done right away.
 */
export async function requestReclassification(changeId: string): Promise<'queued' | 'done'> {
  const boss = await slot.overturnBoss;
  if (boss) {
    await boss.send(CODE_RECLASSIFY, { changeId }, { singletonKey: changeId });
    return 'queued';
  }
  await reclassifyDenials(changeId, todayIso());
  return 'done';
}
