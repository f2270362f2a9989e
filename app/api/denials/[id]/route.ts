// One denial in full (claim, codes, deadlines, score, timeline); reading it is an audited PHI read.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { todayIso } from '@/lib/server/clock';
import { getDenial } from '@/lib/server/denials/get-denial';
import { withUser } from '@/lib/server/route';

const params = z.object({ id: z.uuid() });

export const GET = withUser<{ id: string }>({ may: 'view_denial' }, async ({ actor, params: raw }) => {
  const { id } = params.parse(raw);
  const detail = await getDenial(actor, id, todayIso());
  return NextResponse.json(detail, { headers: { 'cache-control': 'no-store' } });
});
