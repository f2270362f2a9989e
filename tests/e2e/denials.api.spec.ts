import { expect, test } from '@playwright/test';
import { denialIdByClaim } from './support/denials';
import { DEMO, signIn } from './support/login';

test('the queue API answers a specialist with a keyset page and its total', async ({ page }) => {
  await signIn(page, DEMO.specialist);
  const res = await page.request.get('/api/denials?view=team&limit=25');
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.rows.length).toBeGreaterThan(0);
  expect(body.total).toEqual({ count: expect.any(Number), capped: expect.any(Boolean), estimated: expect.any(Boolean) });
  expect(body.total.count).toBeGreaterThan(0);
  expect(body.rows[0]).toMatchObject({ id: expect.any(String), version: expect.any(Number), why: expect.stringContaining('recovery') });
  if (body.nextCursor) {
    const next = await page.request.get(`/api/denials?view=team&limit=25&cursor=${body.nextCursor}`);
    expect(next.status()).toBe(200);
    expect((await next.json()).total).toBeNull();
  }
});

test('the queue API refuses bad parameters with 422 and names them', async ({ page }) => {
  await signIn(page, DEMO.specialist);
  for (const query of ['sort=patientName', 'min=lots', 'category=not_a_category', 'limit=5000', 'carc=50%27;--', 'cursor=garbage']) {
    const res = await page.request.get(`/api/denials?${query}`);
    expect(res.status(), query).toBe(422);
    expect((await res.json()).code).toBe('invalid_input');
  }
});

test('the queue API keeps the all-teams view to managers', async ({ page }) => {
  await signIn(page, DEMO.specialist);
  expect((await page.request.get('/api/denials?view=all')).status()).toBe(403);
});

test('the denial API: 200 for the team, 403 for another team and for front desk, 404 for none', async ({ page, browser }) => {
  await signIn(page, DEMO.specialist);
  const mine = await denialIdByClaim(page.request, 'E2E-STALE-1', 'mine');
  const ok = await page.request.get(`/api/denials/${mine}`);
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ id: mine, patientControlNumber: 'E2E-STALE-1', claim: { lines: expect.any(Array) } });
  expect((await page.request.get(`/api/denials/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, DEMO.manager);
  const otherTeam = await denialIdByClaim(manager.request, 'E2E-OTHERTEAM-1');
  await managerContext.close();
  expect((await page.request.get(`/api/denials/${otherTeam}`)).status()).toBe(403);

  const deskContext = await browser.newContext();
  const desk = await deskContext.newPage();
  await signIn(desk, DEMO.frontDesk);
  const refused = await desk.request.get(`/api/denials/${mine}`);
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).not.toContain('Stale');
  expect((await desk.request.get('/api/denials')).status()).toBe(403);
  await deskContext.close();
});
