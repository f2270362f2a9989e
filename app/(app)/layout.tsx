import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { navFor } from '@/components/nav-items';
import { requireActor } from '@/lib/server/auth';

// Every page under (app) needs a live session; each page still names its own action. The menu holds what the
// actor's role may open, computed here on the server.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell user={{ name: actor.name, email: actor.email, role: actor.role }} nav={navFor(actor.role)}>
      {children}
    </AppShell>
  );
}
