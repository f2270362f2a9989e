'use client';
import type { QueueParams } from '@/lib/domain/queue-params';
import { UNTOUCHED_DAYS } from '@/lib/domain/team/at-risk';

/**
 * The filters the team board's links add (follow-ups, worked, escalations waiting, risk), shown as removable
 * chips: the filter bar has no control for them, and a queue narrowed by something invisible would mislead.
 */
export function BoardFilterChips({ params, people, set }: { params: QueueParams; people: { id: string; name: string }[]; set: (patch: Partial<QueueParams>) => void }) {
  const chips: { key: string; label: string; clear: Partial<QueueParams> }[] = [];
  if (params.follow) chips.push({ key: 'follow', label: params.follow === 'overdue' ? 'Follow-up overdue' : 'Follow-up due today', clear: { follow: undefined } });
  if (params.worked || (params.by && !params.workedFrom && !params.workedTo)) {
    const who = params.by ? (people.find((p) => p.id === params.by)?.name ?? 'one person') : 'anyone';
    const when = params.worked === 'today' ? 'today' : 'in the last 7 days';
    chips.push({ key: 'worked', label: `Worked ${when} by ${who}`, clear: { worked: undefined, by: undefined } });
  }
  if (params.escalation) chips.push({ key: 'escalation', label: 'Escalation waiting', clear: { escalation: undefined } });
  if (params.risk)
    chips.push({
      key: 'risk',
      label: params.risk === 'untouched' ? `Untouched for ${UNTOUCHED_DAYS} days` : `At risk (deadline before follow-up, or untouched ${UNTOUCHED_DAYS} days)`,
      clear: { risk: undefined },
    });
  return chips.map((chip) => (
    <span key={chip.key} data-testid="board-filter-chip" className="inline-flex h-7 items-center gap-1 rounded-full border border-brand-100 bg-brand-50 pl-2.5 pr-1 font-medium text-brand-900">
      {chip.label}
      <button type="button" onClick={() => set(chip.clear)} aria-label={`Remove filter: ${chip.label}`} className="rounded-full px-1 text-brand-700 hover:bg-brand-100 hover:text-brand-900">
        <span aria-hidden="true">×</span>
      </button>
    </span>
  ));
}
