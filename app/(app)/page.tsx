import { redirect } from 'next/navigation';
import { homeFor } from '@/components/nav-items';
import { requireActor } from '@/lib/server/auth';

export default async function HomePage() {
  const actor = await requireActor();
  redirect(homeFor(actor.role));
}
