import { HydrationBoundary, QueryClient, dehydrate } from '@tanstack/react-query';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { denialKeys } from '@/lib/client/denials';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { roleMay } from '@/lib/domain/permissions';
import { getDenial } from '@/lib/server/denials/get-denial';
import { reassignTargets } from '@/lib/server/escalations/reassign-targets';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { AppError } from '@/lib/server/errors';
import { DenialDetail } from './denial-detail';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Denial' };

// Front desk and admin are sent to /forbidden before anything is read; anyone outside the denial's team (a
// manager without organisation-wide scope too) is refused by getDenial, and the refusal is audited.
// While the database is down: 503 via /unavailable, not the error page's 500 (lib/server/page-outage.ts).
export default answers503WhenDown(async function DenialPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('view_denial');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const today = todayIso();
  let detail;
  try {
    detail = await getDenial(actor, id, today);
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') redirect('/forbidden');
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const [{ people }, specialists] = await Promise.all([listQueueOptions(actor), roleMay(actor.role, 'handle_escalation') ? reassignTargets(actor) : []]);
  const qc = new QueryClient();
  qc.setQueryData(denialKeys.detail(id), detail);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <DenialDetail id={id} me={{ id: actor.id, name: actor.name }} today={today} people={people} specialists={specialists} />
    </HydrationBoundary>
  );
});
