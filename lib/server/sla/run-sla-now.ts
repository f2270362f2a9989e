import 'server-only';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { mayEditSla } from './list-team-slas';
import { type Result, fail } from '../errors';
import { type SlaRunResult, runSlaCheck } from './run-sla-check';

/**
 * A manager's "Run now": the scheduled check, at once (after saving an SLA, rather than waiting up to 15 minutes),
 * over the SLAs they may edit — their team's, or every one for an organisation-wide manager. The escalations are
 * the system's, exactly as a scheduled run raises them; who asked is audited.
 */
export async function runSlaCheckNow(actor: Actor): Promise<Result<SlaRunResult>> {
  if (!can(actor, 'manage_team_slas')) return fail('forbidden', 'Only managers run the SLA check.');
  const result = await runSlaCheck({ only: (teamId) => mayEditSla(actor, teamId) });
  await audit(actor, { action: 'team_sla.run_now', entityType: 'team_sla', details: { ...result } }, db);
  return { ok: true, data: result };
}
