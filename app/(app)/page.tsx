import { redirect } from 'next/navigation';
import { homeFor } from '@/components/nav-items';
import { requireActor } from '@/lib/server/auth';
import { answers503WhenDown } from '@/lib/server/page-outage';

export default answers503WhenDown(async function HomePage() {
  const actor = await requireActor();
  redirect(homeFor(actor.role));
});
