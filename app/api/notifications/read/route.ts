// Marks the notifications the viewer opened as read.
import { NextResponse } from 'next/server';
import { markNotificationsReadInput } from '@/lib/domain/contracts/notifications';
import { markNotificationsRead } from '@/lib/server/notifications/mark-notifications-read';
import { withUser } from '@/lib/server/route';

export const POST = withUser({ may: 'view_notifications' }, async ({ actor, req }) =>
  NextResponse.json(await markNotificationsRead(actor, markNotificationsReadInput.parse(await req.json().catch(() => null)))),
);
