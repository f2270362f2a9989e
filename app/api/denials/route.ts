// The denial queue, one keyset page at a time (view, filters and sort from the URL).
import { NextResponse } from 'next/server';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { todayIso } from '@/lib/server/clock';
import { listQueue } from '@/lib/server/denials/list-queue';
import { parseSearch, withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'view_queue' }, async ({ actor, req }) => {
  const params = parseSearch(req, queueParamsSchema);
  const page = await listQueue(actor, params, todayIso());
  return NextResponse.json(page, { headers: { 'cache-control': 'no-store' } });
});
