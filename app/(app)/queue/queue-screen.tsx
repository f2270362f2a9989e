'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { useQueuePage } from '@/lib/client/denials';
import type { QueueOptionsDto } from '@/lib/domain/contracts/denials';
import { ShortcutsHelp } from '@/components/shortcuts/shortcuts-help';
import { PageHeader } from '@/components/ui/page-header';
import { DEFAULT_VIEW, type QueueParams, parseQueueUrl, queueParamsToSearch } from '@/lib/domain/queue-params';
import { ExportCsvLink } from './export-csv-link';
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

/**
 * The URL is the queue's state (view, filters, sort and the page's keyset cursor): bookmarkable, shareable,
 * kept on reload, and the query key. A parameter that means nothing is dropped with a notice (parseQueueUrl).
 */
export function QueueScreen(ctx: QueueContext) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { params, cursor, dropped } = useMemo(() => {
    const read = parseQueueUrl(Object.fromEntries(searchParams));
    const { cursor: pageCursor, ...rest } = read.params;
    return { params: rest as QueueParams, cursor: pageCursor ?? null, dropped: read.dropped };
  }, [searchParams]);
  const search = queueParamsToSearch(params).toString();
  // The same query QueueBody reads (one fetch): the page names the import it is filtered to.
  const page = useQueuePage(search, cursor);
  const fromImport = params.import ? (page.data ? (page.data.fromImport?.filename ?? null) : undefined) : undefined;

  const href = useCallback(
    (next: QueueParams) => {
      const query = queueParamsToSearch(next).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname],
  );
  // A new view, filter or sort replaces the entry and starts at page 1; turning a page pushes one, so Back
  // returns to the page before.
  const navigate = useCallback((next: QueueParams) => router.replace(href(next), { scroll: false }), [router, href]);
  const turnPage = useCallback((next: string | null) => router.push(href({ ...params, ...(next ? { cursor: next } : {}) }), { scroll: false }), [router, href, params]);

  return (
    <>
      <PageHeader
        title="Denial queue"
        description="Worth the most, most likely recovered, soonest due — first. Press ? for keyboard shortcuts."
        actions={
          <>
            {ctx.options.viewer.canExport ? <ExportCsvLink search={search} /> : null}
            <SavedViewsMenu search={search} />
          </>
        }
      />
      <ViewTabs current={params.import ? null : (params.view ?? DEFAULT_VIEW)} canViewAll={ctx.options.viewer.canViewAll} params={params} navigate={navigate}>
        <SortSelect params={params} navigate={navigate} />
      </ViewTabs>
      <QueueFilters params={params} navigate={navigate} ctx={ctx} fromImport={fromImport} />
      {dropped.length > 0 ? (
        <div role="status" className="mb-2 flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-900">
          <span>{dropped.map((d) => `${d.notice}.`).join(' ')}</span>
          <button type="button" className="ml-auto font-medium underline" onClick={() => router.replace(href({ ...params, ...(cursor ? { cursor } : {}) }), { scroll: false })}>
            Dismiss
          </button>
        </div>
      ) : null}
      <QueueBody key={search} search={search} cursor={cursor} turnPage={turnPage} params={params} ctx={ctx} />
      <ShortcutsHelp />
    </>
  );
}
