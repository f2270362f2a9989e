// The signed-in user's saved queue views.
import { NextResponse } from 'next/server';
import { listSavedViews } from '@/lib/server/saved-views/list-saved-views';
import { withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'view_queue' }, async ({ actor }) => NextResponse.json(await listSavedViews(actor)));
