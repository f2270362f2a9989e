// What people read for a denial's status, deadline kind and queue views.
import type { DenialStatus } from './lifecycle';
import type { DeadlineWindow, QueueSort, QueueView } from './queue-params';

export const STATUS_LABEL: Record<DenialStatus, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending_info: 'Pending information',
  appealed: 'Appealed',
  corrected_resubmitted: 'Corrected & resubmitted',
  writeoff_pending: 'Write-off pending',
  resolved_paid: 'Paid',
  resolved_partial: 'Partially paid',
  written_off: 'Written off',
};

export function statusLabel(status: string, appealLevel?: string | null): string {
  const label = (STATUS_LABEL as Record<string, string>)[status] ?? status;
  if (status !== 'appealed' || !appealLevel) return label;
  return appealLevel === 'external' ? 'Appealed · external' : `Appealed · L${appealLevel}`;
}

export const DEADLINE_KIND_LABEL: Record<string, string> = {
  appeal_1: 'Level 1 appeal',
  appeal_2: 'Level 2 appeal',
  appeal_3: 'Level 3 appeal',
  appeal_4: 'Level 4 appeal',
  appeal_5: 'Level 5 appeal',
  appeal_external: 'External review',
  timely_filing: 'Timely filing (resubmit)',
};

export const VIEW_LABEL: Record<QueueView, string> = {
  mine: 'My queue',
  team: 'My team',
  unassigned: 'Unassigned',
  follow_ups: 'Follow-ups due',
  deadlines: 'Deadlines this week',
  all: 'All teams',
};

export const SORT_LABEL: Record<QueueSort, string> = {
  score: 'Priority score',
  deadline: 'Deadline (soonest)',
  amount: 'Amount (largest)',
  age: 'Age (oldest)',
};

export const DEADLINE_WINDOW_LABEL: Record<DeadlineWindow, string> = {
  missed: 'Missed',
  today: 'Due today',
  '7d': 'Due within 7 days',
  '14d': 'Due within 14 days',
  '30d': 'Due within 30 days',
  window: 'Inside payer warning window',
  none: 'No deadline known',
};
