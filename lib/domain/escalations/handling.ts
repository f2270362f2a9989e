// How a manager handles an escalation (issue 14). Pure: labels and wording shared by the server, the queue page,
// the denial page's dialogs and the timeline.
import { SLA_RULE_LABELS, isSlaRule } from '../sla';
export const ESCALATION_OUTCOMES = ['resolved', 'returned', 'reassigned'] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

/** How an escalation ends: a manager's outcome, or its raiser taking it back. */
export type EscalationEnd = EscalationOutcome | 'withdrawn';

/** Every status an escalation row can hold: open until a manager, its raiser or the denial's closing ends it. */
export type EscalationStatus = 'open' | EscalationEnd;

export const ESCALATION_OUTCOME_VERB: Record<EscalationEnd, string> = {
  resolved: 'resolved',
  returned: 'returned to the owner',
  reassigned: 'reassigned',
  withdrawn: 'withdrawn',
};

/** The shortest reason or note worth keeping: "ok" says nothing to whoever reads it next. */
export const ESCALATION_TEXT_MIN = 3;
export const ESCALATION_TEXT_MAX = 2000;

/** "3 h", "2 days": how long an escalation has waited, from whole hours. */
export function waitingText(hours: number): string {
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** Who raised it, as a sentence part: the person's name, or the SLA rule that fired. */
export function raisedByText(raisedBy: string | null, slaRule: string | null): string {
  if (isSlaRule(slaRule)) return `Team SLA: ${SLA_RULE_LABELS[slaRule]}`;
  if (slaRule) return `Team SLA: ${slaRule}`;
  return raisedBy ?? 'a former user';
}
