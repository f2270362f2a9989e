import 'server-only';
import { DEFAULT_SLA, type SlaSettings } from '@/lib/domain/sla';
import { db } from '../db';
import { runSlaCheck } from '../sla/run-sla-check';
import { DEMO_TEAMS } from './demo-people';

// Each demo team with SLAs of its own, so the Team SLAs page has something to show and the first check escalates
// a handful of denials (their timelines name the rule). The organisation default stays as installed: all off.
const DEMO_SLAS: Record<(typeof DEMO_TEAMS)[number], SlaSettings> = {
  'Professional billing': { ...DEFAULT_SLA, followUpOverdueEnabled: true, followUpOverdueDays: 14, deadlineUnworkedEnabled: true, deadlineWithinDays: 7, deadlineIdleDays: 14 },
  // Unassigned stays off here: the page shows what switching it on would escalate (most of the team's pool).
  'Hospital billing': { ...DEFAULT_SLA, deadlineUnworkedEnabled: true, deadlineWithinDays: 10, deadlineIdleDays: 14, unassignedHours: 72 },
};

export async function seedDemoSlas(today: string): Promise<{ escalated: number }> {
  for (const [name, settings] of Object.entries(DEMO_SLAS)) {
    const team = await db.team.findUnique({ where: { name }, select: { id: true } });
    if (team) await db.teamSla.upsert({ where: { teamId: team.id }, create: { teamId: team.id, ...settings, version: 1 }, update: {} });
  }
  const { escalated } = await runSlaCheck({ today });
  return { escalated };
}
