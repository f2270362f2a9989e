import { expect, test } from './support/fixtures';
import { remit835, uniqueTag } from './support/remit-files';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const MAPPING = encodeURIComponent(JSON.stringify({ patientControlNumber: 'a' }));

/** NDJSON lines of an import answer. */
async function events(res: { text(): Promise<string> }) {
  return (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; [k: string]: unknown });
}

test.describe('without a session', () => {
  const calls: [string, string][] = [
    ['POST', '/api/imports/835?filename=a.835'],
    ['POST', '/api/imports/csv/preview'],
    ['POST', `/api/imports/csv?filename=a.csv&source=s&mapping=${MAPPING}`],
    ['GET', `/api/imports/${SOME_ID}/raw`],
    ['GET', `/api/imports/${SOME_ID}/rejected.csv`],
  ];
  for (const [method, url] of calls) {
    test(`${method} ${url.split('?')[0]} answers 401`, async ({ request }) => {
      const res = await request.fetch(url, { method, data: method === 'POST' ? Buffer.from('ISA') : undefined });
      expect(res.status()).toBe(401);
      expect(await res.json()).toMatchObject({ ok: false, code: 'unauthenticated' });
    });
  }
});

test('front-desk staff may not import or download', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('front_desk'));
  for (const res of [
    await page.request.post('/api/imports/835?filename=a.835', { data: Buffer.from(remit835(uniqueTag()).text) }),
    await page.request.post('/api/imports/csv/preview', { data: Buffer.from('a,b\n1,2\n') }),
    await page.request.get(`/api/imports/${SOME_ID}/raw`),
  ]) {
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden' });
  }
});

test('a specialist imports but may not download a raw remittance (managers only)', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  const res = await page.request.get(`/api/imports/${SOME_ID}/raw`);
  expect(res.status()).toBe(403);
});

test.describe('malformed requests answer 422 with a reason', () => {
  test.beforeEach(async ({ page, data, signIn }) => signIn(page, await data.person('manager', { team: await data.team() })));

  test('an 835 without a file name', async ({ page }) => {
    const res = await page.request.post('/api/imports/835', { data: Buffer.from(remit835(uniqueTag()).text) });
    expect(res.status()).toBe(422);
    expect((await res.json()).issues).toHaveProperty('filename');
  });

  test('an empty file', async ({ page }) => {
    const res = await page.request.post('/api/imports/835?filename=empty.835', { data: Buffer.alloc(0) });
    expect(res.status()).toBe(422);
    expect((await res.json()).message).toContain('empty');
  });

  test('a CSV import whose mapping is not JSON, names an unknown field, or lacks a source', async ({ page }) => {
    const body = { data: Buffer.from('a,b\n1,2\n') };
    for (const query of [
      'filename=a.csv&source=s&mapping=%7Bnope',
      `filename=a.csv&source=s&mapping=${encodeURIComponent(JSON.stringify({ shoeSize: 'a' }))}`,
      `filename=a.csv&mapping=${MAPPING}`,
    ]) {
      const res = await page.request.post(`/api/imports/csv?${query}`, body);
      expect(res.status(), query).toBe(422);
    }
  });

  test('a raw download with an id that is not a uuid; an unknown id is 404', async ({ page }) => {
    expect((await page.request.get('/api/imports/42/raw')).status()).toBe(422);
    expect((await page.request.get(`/api/imports/${SOME_ID}/raw`)).status()).toBe(404);
  });
});

test('an 835 import streams progress then its result, and the raw file comes back byte for byte', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('manager', { team: await data.team() }));
  const tag = uniqueTag();
  const remit = remit835(tag);
  const name = `api-${tag} ünïcode.835`;
  const res = await page.request.post(`/api/imports/835?filename=${encodeURIComponent(name)}`, { data: Buffer.from(remit.text) });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/x-ndjson');
  const lines = await events(res);
  expect(lines.some((e) => e.type === 'progress')).toBe(true);
  const last = lines.at(-1) as { type: string; result: { ok: boolean; fileId: string; claims: number; denialsCreated: number } };
  expect(last.type).toBe('result');
  expect(last.result).toMatchObject({ ok: true, claims: 3, denialsCreated: 2 });

  const raw = await page.request.get(`/api/imports/${last.result.fileId}/raw`);
  expect(raw.status()).toBe(200);
  expect(raw.headers()['content-type']).toBe('application/edi-x12');
  expect(raw.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  expect(raw.headers()['cache-control']).toContain('no-store');
  expect((await raw.body()).toString('utf8')).toBe(remit.text);
});
