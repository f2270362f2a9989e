// GET /api/health: the process is up and answering (a balancer's liveness probe). Touches no database — a
// database outage is /api/ready's business, and restarting instances would not end it.
import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
