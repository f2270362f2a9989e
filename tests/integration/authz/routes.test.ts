// The transports refuse a role without the action before anything is read: admin gets 403 on every import route.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db, pool } from '@/lib/server/db';
import { createPerson } from '../../support/denial-factory';

const current: { actor: Actor | null } = { actor: null };
// The session is next-auth's business; here the request's Actor is whoever the test says.
vi.mock('@/lib/server/auth', () => ({ getActor: async () => current.actor }));

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const params = <P extends Record<string, string>>(p: P = {} as P) => ({ params: Promise.resolve(p) });
const post = (url: string) => new Request(`http://localhost${url}`, { method: 'POST', body: 'ISA*00', headers: { 'content-length': '6' } });

beforeAll(async () => {
  current.actor = await createPerson('admin');
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('an administrator and the import routes', () => {
  it('answers 403 to uploads, previews, import downloads and raw files', async () => {
    const routes = await Promise.all([
      import('@/app/api/imports/835/route'),
      import('@/app/api/imports/csv/route'),
      import('@/app/api/imports/csv/preview/route'),
      import('@/app/api/imports/[id]/raw/route'),
      import('@/app/api/imports/[id]/rejected.csv/route'),
    ]);
    const [x12, csv, preview, raw, rejected] = routes;
    const responses = [
      await x12.POST(post('/api/imports/835?filename=a.835'), params()),
      await csv.POST(post('/api/imports/csv?filename=a.csv&source=s&mapping=%7B%7D'), params()),
      await preview.POST(post('/api/imports/csv/preview'), params()),
      await raw.GET(new Request(`http://localhost/api/imports/${SOME_ID}/raw`), params({ id: SOME_ID })),
      await rejected.GET(new Request(`http://localhost/api/imports/${SOME_ID}/rejected.csv`), params({ id: SOME_ID })),
    ];
    for (const res of responses) {
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  it('answers 403 to the denial queue and a denial', async () => {
    const [list, one] = await Promise.all([import('@/app/api/denials/route'), import('@/app/api/denials/[id]/route')]);
    expect((await list.GET(new Request('http://localhost/api/denials'), params())).status).toBe(403);
    expect((await one.GET(new Request(`http://localhost/api/denials/${SOME_ID}`), params({ id: SOME_ID }))).status).toBe(403);
  });
});
