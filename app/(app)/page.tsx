import { redirect } from 'next/navigation';
import { homeFor } from '@/components/nav-items';
import { requireUser } from '@/lib/server/auth';

export default async function HomePage() {
  const user = await requireUser();
  redirect(homeFor(user.role));
}
