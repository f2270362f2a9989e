import type { QueueView } from '@/lib/domain/queue-params';

const TEXT: Record<QueueView, string> = {
  mine: 'Nothing assigned to you is open. Take work from Unassigned, or check your team’s queue.',
  team: 'Your team has no open denials.',
  unassigned: 'Every open denial you can work has an owner.',
  follow_ups: 'No follow-ups are due today.',
  deadlines: 'No deadline falls in the next seven days.',
  all: 'There are no open denials.',
};

export function EmptyQueue({ view, filtered }: { view?: QueueView; filtered: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="text-sm font-medium text-slate-800">{filtered ? 'No denials match these filters.' : 'All clear.'}</p>
      <p className="mt-1 text-sm text-slate-600">{filtered ? 'Widen or clear the filters to see more.' : TEXT[view ?? 'mine']}</p>
    </div>
  );
}
