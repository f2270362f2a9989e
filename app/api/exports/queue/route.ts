// The queue view and filters the user sees, every row, as a streamed CSV download (the queue page's URL parameters).
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { todayIso } from '@/lib/server/clock';
import { exportQueue } from '@/lib/server/export/export-queue';
import { parseSearch, withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'export_lists' }, async ({ actor, req }) => exportQueue(actor, parseSearch(req, queueParamsSchema), todayIso()));
