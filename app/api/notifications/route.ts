// The signed-in user's notifications, newest first (the bell's list and /notifications).
import { NextResponse } from 'next/server';
import { listNotificationsInput } from '@/lib/domain/contracts/notifications';
import { listNotifications } from '@/lib/server/notifications/list-notifications';
import { parseSearch, withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'view_notifications' }, async ({ actor, req }) =>
  NextResponse.json(await listNotifications(actor, parseSearch(req, listNotificationsInput)), { headers: { 'cache-control': 'no-store' } }),
);
