// GET /api/ready: 200 while this instance can serve — the database answers within a short timeout and has every
// migration this version needs — else 503 with a reason (no data, no stack) and Retry-After. For the balancer:
// unauthenticated, not audited, outside the proxy (proxy.ts), cheap (one read of a table of a few dozen rows).
import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/server/readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { 'cache-control': 'no-store' };
  if (readiness.ready) return NextResponse.json({ status: 'ready' }, { headers });
  const { reason, message, pending } = readiness;
  return NextResponse.json({ status: 'unavailable', reason, message, pending }, { status: 503, headers: { ...headers, 'retry-after': '5' } });
}
