import { readFile } from 'node:fs/promises';
import { parseCsv } from '@/lib/domain/csv';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

test('front desk sees their causes with no dollar amount, and is refused the queue, a denial, the dashboard and exports', async ({ page, data, signIn }) => {
  const payer = await data.payer({ name: `Desk Payer ${data.tag}` });
  const [denial] = await data.denials([
    { payer, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'], deniedCents: 123_456_78, patientName: `Hidden ${data.tag}, Pat` },
    { payer, category: 'authorization_referral', department: 'front_desk', carcCodes: ['197'], deniedCents: 55_00 },
    { payer, category: 'medical_necessity', department: 'clinical', carcCodes: ['50'], deniedCents: 77_00 },
  ]);
  await signIn(page, await data.person('front_desk'));

  await page.goto('/feedback');
  await expect(page.getByRole('heading', { name: 'Root-cause feedback' })).toBeVisible();
  const byPayer = page.getByRole('table', { name: 'Front-desk denials by payer and month' });
  // Two of the payer's three denials are the front desk's; medical necessity is not shown.
  await expect(byPayer.getByRole('row', { name: new RegExp(payer.name) })).toContainText('2');
  await expect(page.getByRole('table', { name: 'Front-desk denials by cause and month' }).getByRole('row', { name: /Medical necessity/ })).toHaveCount(0);
  await expect(page.getByText('What to check before the visit').first()).toBeVisible();
  // The current month is partial every day but its last.
  const tomorrow = new Date(Date.now() + 86_400_000);
  if (tomorrow.getDate() !== 1) await expect(page.getByRole('note')).toContainText(/partial month/);
  const main = page.getByRole('main');
  await expect(main).not.toContainText('$');
  await expect(main).not.toContainText(`Hidden ${data.tag}`);
  await expect(main).not.toContainText(`M${data.tag}`);
  await expect(page.getByRole('button', { name: /Save .* checklist/ })).toHaveCount(0);

  await page.goto('/queue');
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto(`/denials/${denial!.id}`);
  await expect(page).toHaveURL(/\/forbidden/);
  expect((await page.request.get(`/api/denials/${denial!.id}`)).status()).toBe(403);
  // Nor the dashboard (dollar figures) and exports (patient lists).
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/forbidden$/);
  expect((await page.request.get('/api/exports/queue')).status()).toBe(403);
  expect((await page.request.get('/api/exports/audit')).status()).toBe(403);
  expect((await page.request.get('/api/exports/prevention')).status()).toBe(403);
  // The prevention log reads, and offers no export.
  await page.goto('/feedback/prevention');
  await expect(page.getByRole('heading', { name: 'Prevention log' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
});

test('a manager logs a prevention issue and sees it in the log, with the denials that show it', async ({ page, data, signIn }) => {
  const payer = await data.payer({ name: `Prevent Payer ${data.tag}` });
  await data.denials([{ payer, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'] }]);
  const manager = await data.person('manager', { team: await data.team() });
  await signIn(page, manager);

  await page.goto('/feedback/prevention');
  // The log comes first; the form is folded under its summary when there are issues already.
  const fold = page.locator('details', { has: page.locator('summary', { hasText: 'Log an issue' }) });
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  const form = page.getByRole('form', { name: 'Log an issue' });
  const title = `Coverage ended ${data.tag}`;
  await form.getByLabel('Issue').fill(title);
  await form.getByLabel('Cause').selectOption({ label: 'Eligibility and coverage' });
  await form.getByLabel('CARC (optional)').fill('27');
  await form.getByLabel('Payer').selectOption({ label: payer.name });
  await form.getByLabel('Action taken').fill('Eligibility checked at every check-in');
  await form.getByLabel('Owner').selectOption({ label: manager.name });
  await form.getByLabel('Status').selectOption({ label: 'In progress' });
  await expectAccessible(page, 'the prevention log, logging an issue');
  await form.getByRole('button', { name: 'Log issue' }).click();
  await expect(form.getByRole('status')).toHaveText('Logged.');

  const card = page.getByRole('region', { name: title });
  await expect(card).toContainText('In progress');
  await expect(card).toContainText('1 in the last 90 days');
  await card.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('table')).toContainText(payer.name);
  await expectAccessible(page, 'a prevention issue');

  // The log goes out as a CSV with the issue in it.
  await page.goto('/feedback/prevention');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^prevention-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header = [], ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
  const row = rows.find((r) => r[header.indexOf('Issue')] === title);
  expect(row?.[header.indexOf('Status')]).toBe('In progress');
  expect(row?.[header.indexOf('Payer')]).toBe(payer.name);
});

test('a manager rewrites a checklist and the page shows their list', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('manager', { team: await data.team() }));
  await page.goto('/feedback');
  const editor = page.getByLabel(/^Registration and demographics ·/);
  const line = `Ask for photo id at every visit ${data.tag}`;
  await editor.fill(`${line}\nCompare the name with the card`);
  await page.getByRole('button', { name: 'Save registration and demographics checklist' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Registration and demographics · your list')).toHaveValue(new RegExp(line));
  await expectAccessible(page, 'feedback with the checklist editor');
});
