// The bell's poll: the unread count only. Passive: an open tab polling is not activity, so it does not keep an
// idle session alive (lib/server/auth.ts getActor).
import { NextResponse } from 'next/server';
import { countUnreadNotifications } from '@/lib/server/notifications/list-notifications';
import { withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'view_notifications', passive: true }, async ({ actor }) =>
  NextResponse.json({ unread: await countUnreadNotifications(actor) }, { headers: { 'cache-control': 'no-store' } }),
);
