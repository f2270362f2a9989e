'use client';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { VIEW_LABEL } from '@/lib/domain/denial-labels';
import { QUEUE_VIEWS, type QueueParams, type QueueView } from '@/lib/domain/queue-params';

/**
 * The views as tabs (switching keeps the filters), with the sort at the right end of the row. An import filter
 * stands in for the view (none is current); choosing one leaves the import.
 */
export function ViewTabs({
  current,
  canViewAll,
  params,
  navigate,
  children,
}: {
  current: QueueView | null;
  /** The server says whether this viewer has the every-team view. */
  canViewAll: boolean;
  params: QueueParams;
  navigate: (p: QueueParams) => void;
  children?: ReactNode;
}) {
  const views = QUEUE_VIEWS.filter((v) => v !== 'all' || canViewAll);
  return (
    <div className="mb-3 flex flex-wrap items-end gap-1 border-b border-slate-200">
      <nav aria-label="Queue views" className="flex flex-wrap gap-1">
        {views.map((view) => (
          <button
            key={view}
            type="button"
            aria-current={view === current ? 'page' : undefined}
            onClick={() => navigate({ ...params, view, import: undefined })}
            className={cn(
              '-mb-px border-b-2 px-3 py-1.5 text-sm font-medium',
              view === current ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
            )}
          >
            {VIEW_LABEL[view]}
          </button>
        ))}
      </nav>
      <div className="mb-1.5 ml-auto">{children}</div>
    </div>
  );
}
