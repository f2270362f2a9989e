// CSV exports: the queue view a manager filtered, downloaded and opened; the audit trail searched and exported
// by an admin; front desk refused the queue export.
import { readFile } from 'node:fs/promises';
import type { Download } from '@playwright/test';
import { parseCsv } from '@/lib/domain/csv';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

async function openCsv(download: Download): Promise<{ header: string[]; rows: string[][] }> {
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.charCodeAt(0), 'a UTF-8 BOM for Excel').toBe(0xfeff);
  const [header = [], ...rows] = parseCsv(text);
  return { header, rows };
}

test('a manager filters the queue to one payer, exports it and finds only that payer’s denials in the file', async ({ page, data, signIn }) => {
  const team = await data.team();
  const manager = await data.person('manager', { team });
  const kept = await data.payer({ name: `Kept Health ${data.tag}` });
  const other = await data.payer({ name: `Other Health ${data.tag}` });
  await data.denials([
    { team, payer: kept, patientName: `Kept ${data.tag}, One`, deniedCents: 12_345 },
    { team, payer: kept, patientName: `=Kept ${data.tag}, Two` },
    { team, payer: other, patientName: `Other ${data.tag}, Three` },
  ]);

  await signIn(page, manager);
  await page.goto('/queue?view=team');
  const denials = page.getByRole('table', { name: 'Denials' });
  await expect(denials.getByText(`Other ${data.tag}, Three`)).toBeVisible();
  await page.getByRole('combobox', { name: 'Payer' }).selectOption({ label: kept.name });
  await expect(page).toHaveURL(new RegExp(`payer=${kept.id}`));
  await expect(denials.getByText(`Other ${data.tag}, Three`)).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^denial-queue-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await openCsv(download);
  const patient = csv.header.indexOf('Patient');
  const names = csv.rows.map((r) => r[patient]).sort();
  expect(names).toEqual([`'=Kept ${data.tag}, Two`, `Kept ${data.tag}, One`]);
  expect(csv.rows.every((r) => r[csv.header.indexOf('Payer')] === kept.name)).toBe(true);
  expect(csv.rows.map((r) => r[csv.header.indexOf('Denied amount')])).toContain('123.45');
});

test('an admin searches the audit trail for one person and exports what was found', async ({ page, data, signIn, pageAs }) => {
  const team = await data.team();
  const worker = await data.person('specialist', { team });
  const admin = await data.person('admin');
  await data.denial({ team, owner: worker, status: 'assigned', patientName: `Audited ${data.tag}, Read` });
  // The specialist reads the queue: an audited PHI read.
  const theirs = await pageAs(worker);
  await theirs.goto('/queue');
  await expect(theirs.getByRole('table', { name: 'Denials' }).getByText(`Audited ${data.tag}, Read`)).toBeVisible();

  await signIn(page, admin);
  await page.goto('/');
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  const search = page.getByRole('search', { name: 'Search the audit trail' });
  await search.getByLabel('User').selectOption({ value: worker.id });
  await search.getByLabel('Action').fill('denial.list');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`user=${worker.id}`));
  const events = page.getByRole('table', { name: 'Audit events, newest first' });
  await expect(events.getByRole('row').nth(1)).toContainText('denial.list');
  await expect(events.getByRole('row').nth(1)).toContainText(worker.name);
  await expectAccessible(page, 'the audit trail');

  const [download] = await Promise.all([page.waitForEvent('download'), search.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await openCsv(download);
  expect(csv.rows.length).toBeGreaterThan(0);
  expect(csv.rows.every((r) => r[csv.header.indexOf('Action')] === 'denial.list' && r[csv.header.indexOf('User email')] === worker.email)).toBe(true);
});

test('front desk is refused the queue export', async ({ page, data, signIn }) => {
  const frontDesk = await data.person('front_desk', { team: await data.team() });
  await signIn(page, frontDesk);
  const response = await page.request.get('/api/exports/queue?view=team');
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ ok: false, code: 'forbidden' });
});

test('a manager exports the dashboard filtered to one payer and opens its numbers', async ({ page, data, signIn }) => {
  const team = await data.team();
  const manager = await data.person('manager', { team });
  const payer = await data.payer({ name: `Dash Export ${data.tag}` });
  await data.denials([
    { team, payer, deniedCents: 120_00, category: 'medical_necessity' },
    { team, payer, deniedCents: 80_05, category: 'coding_modifiers' },
  ]);
  await signIn(page, manager);
  await page.goto(`/dashboard?payer=${payer.id}`);
  await expect(page.getByTestId('headline-denied-dollars')).toContainText('$200'); // the page rounds to dollars; the file keeps the cents

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^denial-dashboard-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await openCsv(download);
  expect(csv.header).toEqual(['Table', 'Row', 'Measure', 'Value', 'Unit']);
  const denied = csv.rows.find((r) => r[0] === 'Headline numbers' && r[1] === 'Denied dollars' && r[2]!.startsWith('This period'));
  expect(denied?.slice(3)).toEqual(['200.05', 'USD']);
  const byCategory = csv.rows.filter((r) => r[0] === 'Denial dollars by category' && r[2] === 'This period');
  expect(byCategory.map((r) => [r[1], r[3]]).sort()).toEqual([
    ['Coding and modifiers', '80.05'],
    ['Medical necessity', '120.00'],
  ]);
});
