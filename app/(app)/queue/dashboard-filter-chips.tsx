'use client';
import { appealLevelLabel } from '@/lib/domain/appeal-levels';
import type { QueueParams } from '@/lib/domain/queue-params';

const range = (from: string | undefined, to: string | undefined) => (from && to ? (from === to ? `on ${from}` : `${from} to ${to}`) : from ? `from ${from}` : `through ${to}`);

/**
 * The filters the dashboard's links add (a period's history, place, provider, team, avoidable, appeal level,
 * money back), as removable chips: the filter bar has no control for them, and a queue narrowed by something
 * invisible would mislead. While a history range is on, the queue spans every status in reach, whatever the tab.
 */
export function DashboardFilterChips({ params, people, set }: { params: QueueParams; people: { id: string; name: string }[]; set: (patch: Partial<QueueParams>) => void }) {
  const chips: { key: string; label: string; clear: Partial<QueueParams> }[] = [];
  // Far-future "to" dates stand for "open today, however new" (dashboard-links.ts openLink): say so plainly.
  const openedTo = params.openedTo && params.openedTo > '2100' ? undefined : params.openedTo;
  if (params.openedFrom || params.openedTo)
    chips.push({ key: 'opened', label: params.openedFrom || openedTo ? `First denied ${range(params.openedFrom, openedTo)}` : 'Any first-denied date', clear: { openedFrom: undefined, openedTo: undefined } });
  if (params.resolvedFrom || params.resolvedTo) chips.push({ key: 'resolved', label: `Resolved ${range(params.resolvedFrom, params.resolvedTo)}`, clear: { resolvedFrom: undefined, resolvedTo: undefined } });
  if (params.workedFrom || params.workedTo) {
    const who = params.by ? (people.find((p) => p.id === params.by)?.name ?? 'one person') : 'anyone';
    chips.push({ key: 'workedRange', label: `Worked ${range(params.workedFrom, params.workedTo)} by ${who}`, clear: { workedFrom: undefined, workedTo: undefined, by: undefined } });
  }
  if (params.location) chips.push({ key: 'location', label: params.location === 'none' ? 'No location named' : `Location: ${params.location}`, clear: { location: undefined } });
  if (params.provider) chips.push({ key: 'provider', label: params.provider === 'none' ? 'No provider named' : `Provider: ${params.provider}`, clear: { provider: undefined } });
  if (params.team) chips.push({ key: 'team', label: 'One team', clear: { team: undefined } });
  if (params.avoidable) chips.push({ key: 'avoidable', label: params.avoidable === 'true' ? 'Avoidable' : 'Not avoidable', clear: { avoidable: undefined } });
  if (params.level) chips.push({ key: 'level', label: params.level === 'none' ? 'Never appealed' : `Appeal: ${appealLevelLabel(params.level)}`, clear: { level: undefined } });
  if (params.recovered) chips.push({ key: 'recovered', label: params.recovered === 'true' ? 'Money recovered' : 'Nothing recovered', clear: { recovered: undefined } });
  if (params.review) chips.push({ key: 'review', label: 'Flagged: no longer a denial by the code mapping', clear: { review: undefined } });
  return chips.map((chip) => (
    <span key={chip.key} data-testid="dashboard-filter-chip" className="inline-flex h-7 items-center gap-1 rounded-full border border-brand-100 bg-brand-50 pl-2.5 pr-1 font-medium text-brand-900">
      {chip.label}
      <button type="button" onClick={() => set(chip.clear)} aria-label={`Remove filter: ${chip.label}`} className="rounded-full px-1 text-brand-700 hover:bg-brand-100 hover:text-brand-900">
        <span aria-hidden="true">×</span>
      </button>
    </span>
  ));
}
