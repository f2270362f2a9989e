// A team's SLA as the Team SLAs page shows and edits it (lib/domain/sla.ts has the rules themselves).
import type { SlaRule, SlaSettings } from '../sla';

export interface TeamSlaDto {
  /** null: the organisation default (teams without their own settings, and denials with no team). */
  teamId: string | null;
  teamName: string;
  settings: SlaSettings;
  /** 'team': its own; 'organization': inherits the default; 'none': nothing stored, every rule off. */
  source: 'team' | 'organization' | 'none';
  version: number;
  updatedAt: string | null;
  /** Whether this viewer may save it (their own team, or any for an organisation-wide manager). */
  canEdit: boolean;
  /** Open, not-escalated denials meeting each rule now with these numbers (whether the rule is on or not). */
  wouldFire: Record<SlaRule, number>;
}
