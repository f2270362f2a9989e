import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import { denialKeys } from '@/lib/client/denials';
import { parseQueueUrl, queueParamsToSearch } from '@/lib/domain/queue-params';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { listQueue } from '@/lib/server/denials/list-queue';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { AppError } from '@/lib/server/errors';
import { QueueScreen } from './queue-screen';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Queue' };

type Search = Record<string, string | string[] | undefined>;

// The page the URL names (its filters, and its cursor when there is one) is read here and handed to the browser's query cache under the key its hook uses, so the
// table paints with the HTML; paging, filters and refreshes then go through GET /api/denials.
// While the database is down: 503 via /unavailable, not the error page's 500 (lib/server/page-outage.ts).
export default answers503WhenDown(async function QueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission('view_queue');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { params } = parseQueueUrl(raw);
  const today = todayIso();
  const qc = new QueryClient();
  const [options] = await Promise.all([
    listQueueOptions(actor),
    (async () => {
      const { cursor = null, ...view } = params;
      try {
        const page = await listQueue(actor, params, today);
        qc.setQueryData(denialKeys.queuePage(queueParamsToSearch(view).toString(), cursor), page);
      } catch (error) {
        // A view this role may not see, or a stale cursor: the browser asks again and shows the refusal.
        if (!(error instanceof AppError)) throw error;
      }
    })(),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <QueueScreen me={{ id: actor.id, name: actor.name }} options={options} today={today} />
    </HydrationBoundary>
  );
});
