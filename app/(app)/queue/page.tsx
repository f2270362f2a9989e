import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import { denialKeys } from '@/lib/client/denials';
import { queueParamsSchema, queueParamsToSearch } from '@/lib/domain/queue-params';
import { requireRole } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { denialActor } from '@/lib/server/denials/dto';
import { auditQueueRead, listQueue } from '@/lib/server/denials/list-queue';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { AppError } from '@/lib/server/errors';
import { requestOrigin } from '@/lib/server/request-context';
import { QueueScreen } from './queue-screen';

export const metadata = { title: 'Queue' };

type Search = Record<string, string | string[] | undefined>;

// The first page is read here and handed to the browser's query cache under the key its hook uses, so the
// table paints with the HTML; paging, filters and refreshes then go through GET /api/denials.
export default async function QueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireRole('specialist', 'manager');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = queueParamsSchema.safeParse(raw);
  const today = todayIso();
  const qc = new QueryClient();
  const [options] = await Promise.all([
    listQueueOptions(user),
    (async () => {
      if (!parsed.success) return;
      const { cursor: _cursor, ...params } = parsed.data;
      const actor = denialActor(user, { id: user.id, email: user.email, ...(await requestOrigin()) });
      try {
        const page = await listQueue(actor, params, today);
        await auditQueueRead(actor, params, page.rows.length);
        qc.setQueryData(denialKeys.queuePage(queueParamsToSearch(params).toString(), null), page);
      } catch (error) {
        // A view this role may not see: the browser asks again and shows the refusal.
        if (!(error instanceof AppError)) throw error;
      }
    })(),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <QueueScreen me={{ id: user.id, name: user.name }} role={user.role} teamId={user.teamId} options={options} today={today} />
    </HydrationBoundary>
  );
}
