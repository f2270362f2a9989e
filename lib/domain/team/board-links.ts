// Every number on the team board is a link to the queue showing exactly the denials it counts: the group (a
// person, the unassigned pool, a payer, a category, or everything in reach) and the measure, as queue filters.
import type { DenialCategory } from '../codes';
import { type QueueParams, queueParamsToSearch } from '../queue-params';

export const BOARD_MEASURES = ['open', 'workedToday', 'workedWeek', 'followUpsOverdue', 'followUpsToday', 'inWindow', 'missed', 'escalations', 'atRisk'] as const;
export type BoardMeasure = (typeof BOARD_MEASURES)[number];

export type BoardGroup =
  | { kind: 'person'; id: string }
  | { kind: 'pool' }
  | { kind: 'payer'; id: string }
  | { kind: 'category'; category: DenialCategory }
  | { kind: 'all' };

const MEASURE_FILTERS: Record<BoardMeasure, Partial<QueueParams>> = {
  open: {},
  workedToday: { worked: 'today' },
  workedWeek: { worked: '7d' },
  followUpsOverdue: { follow: 'overdue' },
  followUpsToday: { follow: 'today' },
  inWindow: { due: 'window' },
  missed: { due: 'missed' },
  escalations: { escalation: 'open' },
  atRisk: { risk: 'at_risk' },
};

const isWorked = (m: BoardMeasure) => m === 'workedToday' || m === 'workedWeek';

/** Whether the board counts this measure for this group: the pool has no one to have worked it. */
export function boardCounts(group: BoardGroup, measure: BoardMeasure): boolean {
  return !(group.kind === 'pool' && isWorked(measure));
}

function groupFilters(group: BoardGroup, measure: BoardMeasure): Partial<QueueParams> {
  switch (group.kind) {
    case 'person':
      // A person's work is what they wrote on timelines, whoever owns the denial now; the rest is what they own.
      return isWorked(measure) ? { by: group.id } : { owner: group.id };
    case 'pool':
      return { owner: 'none' };
    case 'payer':
      return { payer: [group.id] };
    case 'category':
      return { category: [group.category] };
    case 'all':
      return {};
  }
}

/** The queue URL behind one number: every team's view (still only what the viewer reaches), these filters. */
export function boardLink(group: BoardGroup, measure: BoardMeasure): string {
  const params: QueueParams = { view: 'all', ...groupFilters(group, measure), ...MEASURE_FILTERS[measure] };
  return `/queue?${queueParamsToSearch(params).toString()}`;
}
