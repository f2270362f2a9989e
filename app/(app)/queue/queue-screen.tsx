'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { QueueOptionsDto } from '@/lib/domain/contracts/denials';
import { PageHeader } from '@/components/ui/page-header';
import { DEFAULT_VIEW, type QueueParams, queueParamsSchema, queueParamsToSearch } from '@/lib/domain/queue-params';
import { QueueBody } from './queue-body';
import { QueueFilters, SortSelect } from './queue-filters';
import { SavedViewsMenu } from './saved-views-menu';
import { ViewTabs } from './view-tabs';

export interface QueueContext {
  me: { id: string; name: string };
  /** Payers, people and what the viewer may do (options.viewer), all from the server. */
  options: QueueOptionsDto;
  today: string;
}

/** The URL is the queue's state (view, filters, sort): bookmarkable, shareable, and the query key. */
export function QueueScreen(ctx: QueueContext) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const parsed = useMemo(() => queueParamsSchema.safeParse(Object.fromEntries(searchParams)), [searchParams]);
  const params: QueueParams = useMemo(() => {
    if (!parsed.success) return {};
    const { cursor: _cursor, ...rest } = parsed.data;
    return rest;
  }, [parsed]);
  const search = queueParamsToSearch(params).toString();

  const navigate = useCallback(
    (next: QueueParams) => {
      const query = queueParamsToSearch(next).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  return (
    <>
      <PageHeader
        title="Denial queue"
        description="Worth the most, most likely recovered, soonest due — first. j/k move · Enter opens · a assign to me · f follow-up · n note · x select"
        actions={<SavedViewsMenu search={search} />}
      />
      <ViewTabs current={params.view ?? DEFAULT_VIEW} canViewAll={ctx.options.viewer.canViewAll} params={params} navigate={navigate}>
        <SortSelect params={params} navigate={navigate} />
      </ViewTabs>
      <QueueFilters params={params} navigate={navigate} ctx={ctx} />
      {parsed.success ? (
        <QueueBody key={search} search={search} params={params} ctx={ctx} />
      ) : (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          This queue link has filters that are not valid ({parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}).{' '}
          <button type="button" className="font-medium underline" onClick={() => navigate({})}>
            Reset the filters
          </button>
        </div>
      )}
    </>
  );
}
