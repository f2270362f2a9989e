import { denialIdByClaim } from './support/denials';
import { expect, test } from './support/fixtures';

test('the queue API answers a specialist with a keyset page of their team and its total', async ({ page, data, signIn }) => {
  const team = await data.team();
  const specialist = await data.person('specialist', { team });
  // One more than a page: the first page says there is a next one.
  await data.denials(Array.from({ length: 26 }, () => ({ team })));
  await data.denial({ team: await data.team() }); // another team's: not in this team's view
  await signIn(page, specialist);

  const res = await page.request.get('/api/denials?view=team&limit=25');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.rows).toHaveLength(25);
  expect(body.total).toEqual({ count: 26, capped: false, estimated: false });
  expect(body.rows[0]).toMatchObject({ id: expect.any(String), version: expect.any(Number), why: expect.stringContaining('recovery') });
  expect(body.nextCursor).toEqual(expect.any(String));

  // The next page carries the rest and no total (counted once, on the first page).
  const next = await page.request.get(`/api/denials?view=team&limit=25&cursor=${body.nextCursor}`);
  expect(next.status()).toBe(200);
  const rest = await next.json();
  expect(rest.total).toBeNull();
  expect(rest.rows).toHaveLength(1);
  expect(body.rows.map((r: { id: string }) => r.id)).not.toContain(rest.rows[0].id);
});

test('the queue API refuses bad parameters with 422 and names them', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  for (const query of ['sort=patientName', 'min=lots', 'category=not_a_category', 'limit=5000', 'carc=50%27;--', 'cursor=garbage']) {
    const res = await page.request.get(`/api/denials?${query}`);
    expect(res.status(), query).toBe(422);
    expect((await res.json()).code).toBe('invalid_input');
  }
});

test('the queue API keeps the all-teams view to managers', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  expect((await page.request.get('/api/denials?view=all')).status()).toBe(403);
});

test('the denial API: 200 for the team, the same 404 for another team\'s and for none, 403 for front desk', async ({ page, data, signIn, pageAs }) => {
  const specialist = await data.person('specialist', { team: await data.team() });
  const [mine, otherTeam] = await data.denials([
    { owner: specialist, status: 'in_progress', patientName: `Stale ${data.tag}, Stan` },
    { owner: await data.person('specialist', { team: await data.team() }) },
  ]);
  await signIn(page, specialist);
  expect(await denialIdByClaim(page.request, mine!.patientControlNumber, 'mine')).toBe(mine!.id);
  const ok = await page.request.get(`/api/denials/${mine!.id}`);
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ id: mine!.id, patientControlNumber: mine!.patientControlNumber, claim: { lines: expect.any(Array) } });
  // Another team's denial is indistinguishable from one that does not exist: its existence does not leak.
  const unknown = await page.request.get(`/api/denials/00000000-0000-4000-8000-000000000000`);
  const foreign = await page.request.get(`/api/denials/${otherTeam!.id}`);
  expect(unknown.status()).toBe(404);
  expect(foreign.status()).toBe(404);
  expect(await foreign.json()).toEqual(await unknown.json());

  const desk = await pageAs(await data.person('front_desk'));
  const refused = await desk.request.get(`/api/denials/${mine!.id}`);
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).not.toContain('Stale');
  expect((await desk.request.get('/api/denials')).status()).toBe(403);
});
