// withUser's log line (lib/server/route.ts → lib/server/log.ts): one JSON line per request with the route's
// pattern, the status, the duration, the request id and the actor's id — and nothing of what the handler held,
// even when its error's message quotes a patient.
import { NextResponse } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';

const actor: Actor = { id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', role: 'specialist', teamId: null, orgWide: false, name: 'Jane Doe', email: 'jane.doe@overturn.test' } as Actor;
vi.mock('@/lib/server/auth', () => ({ getActor: async () => actor }));

const { withUser } = await import('@/lib/server/route');

function capture(stream: 'stdout' | 'stderr'): string[] {
  const lines: string[] = [];
  vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const DENIAL = '0193ffff-0000-7000-8000-000000000001';
const call = (handler: ReturnType<typeof withUser>, headers: Record<string, string> = {}) =>
  handler(new Request(`http://localhost/api/denials/${DENIAL}?q=Jane%20Doe`, { headers }), { params: Promise.resolve({ id: DENIAL }) });

describe('the request log line', () => {
  it('names the route, status, duration, request id and actor — and echoes the request id', async () => {
    const out = capture('stdout');
    const res = await call(
      withUser({ may: 'view_denial' }, async () => NextResponse.json({ patientName: 'Jane Doe' })),
      { 'x-request-id': 'lb-1234' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-1234');
    const lines = out.filter((l) => l.startsWith('{"level"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      level: 'info',
      time: expect.any(String),
      msg: 'request',
      route: 'GET /api/denials/:id',
      status: 200,
      durationMs: expect.any(Number),
      requestId: 'lb-1234',
      actorId: actor.id,
    });
  });

  it('logs an internal error as its class and frames on stderr, never its message or the query', async () => {
    const err = capture('stderr');
    const res = await call(
      withUser({ may: 'view_denial' }, async () => {
        throw new TypeError('cannot read claim CLM-0042 of Jane Doe (member W123456789)');
      }),
    );
    expect(res.status).toBe(500);
    const generated = res.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const lines = err.filter((l) => l.startsWith('{"level"'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', status: 500, route: 'GET /api/denials/:id', requestId: generated, actorId: actor.id, errorType: 'TypeError' });
    expect(lines[0]).not.toMatch(/Jane|CLM-0042|W123456789|jane\.doe/);
  });
});
