import type { Locator, Page } from '@playwright/test';
import { formatBytes } from '@/lib/client/import-files';
import { expect, test } from './support/fixtures';
import { remit835, uniqueTag } from './support/remit-files';

// Imports that need a look say so (issue 12): the review reason on the summary and in the history, a refused
// upload listed as Failed with its error's position, and the link from an upload to exactly its new denials.
// Each test uploads its own file, with claim ids unique to the run.

async function upload(page: Page, name: string, text: string): Promise<Locator> {
  await page.goto('/imports/upload');
  await page.getByLabel('Files to import').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
  return page.getByRole('region', { name });
}

test('an 835 whose payment does not balance is imported as needing review, with the figures, on the summary and in the history', async ({ page, data, signIn }) => {
  const me = await data.person('specialist', { team: await data.team() });
  await signIn(page, me);
  const tag = uniqueTag();
  const name = `short-${tag}.835`;
  const reason = 'Payment $199.00 (BPR02) does not equal claim payments $200.00 less provider adjustments $0.00.';

  const card = await upload(page, name, remit835(tag, { unbalanced: true }).text);
  await expect(card.getByTestId('file-status')).toHaveText('Imported · needs review', { timeout: 30_000 });
  await expect(card.getByText('Needs review:')).toBeVisible();
  await expect(card).toContainText(reason);

  await card.getByRole('link', { name: 'View in import history' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByText('Needs review')).toBeVisible();
  await expect(row).toContainText(reason);
});

test('an 835 that cannot be read shows the error with its position, then is listed in the history as Failed', async ({ page, data, signIn }) => {
  const me = await data.person('specialist', { team: await data.team() });
  await signIn(page, me);
  const tag = uniqueTag();
  const name = `malformed-${tag}.835`;
  const text = remit835(tag).text.replace(`CLP*E2E${tag}B*1*300.00`, `CLP*E2E${tag}B*1*3OO.00`);

  const card = await upload(page, name, text);
  await expect(card.getByTestId('file-status')).toHaveText('Not imported', { timeout: 30_000 });
  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported');
  const position = (await alert.locator('.font-mono').textContent())!;
  expect(position).toMatch(/^Segment \d+ · CLP · element 03$/);
  await expect(alert).toContainText('"3OO.00"');

  await page.goto('/imports');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row.getByText('Failed', { exact: true })).toBeVisible();
  await expect(row).toContainText(position);
  await expect(row).toContainText('"3OO.00"');
  await expect(row).toContainText(`by ${me.name}`);
  await expect(row).toContainText(`X12 835 · ${formatBytes(Buffer.byteLength(text))}`);
  // Nothing was imported, so there is nothing to download or count.
  await expect(row.getByRole('link')).toHaveCount(0);

  // The first claim was read before the error, and still no claim of the file reached the queue.
  await page.goto(`/queue?view=unassigned&q=E2E${tag}A`);
  await expect(page.getByRole('table', { name: 'Denials' }).getByText(`E2E${tag}A`)).toHaveCount(0);
});

test('after an upload, the link opens the queue with exactly that import’s new denials and a removable chip', async ({ page, data, signIn }) => {
  const me = await data.person('manager', { team: await data.team() });
  await signIn(page, me);
  // An earlier file of the same shape: its denials are in the same Unassigned view, but not this import's.
  const earlier = remit835(uniqueTag());
  await upload(page, `earlier-${uniqueTag()}.835`, earlier.text).then((card) => expect(card.getByTestId('file-status')).toHaveText('Imported', { timeout: 30_000 }));
  const tag = uniqueTag();
  const remit = remit835(tag);
  const name = `good-${tag}.835`;

  const card = await upload(page, name, remit.text);
  await expect(card.getByTestId('file-status')).toHaveText('Imported', { timeout: 30_000 });
  await card.getByRole('link', { name: 'See the 2 new denials in the queue' }).click();
  await expect(page).toHaveURL(/\/queue\?import=[0-9a-f-]{36}$/);
  const importUrl = page.url();

  await expect(page.getByTestId('import-chip')).toHaveText(`From import ${name}×`);
  const table = page.getByRole('table', { name: 'Denials' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  for (const pcn of remit.deniedClaims) await expect(table.getByText(pcn)).toBeVisible();
  await expect(table.getByText(remit.paidClaim)).toHaveCount(0);
  for (const pcn of earlier.deniedClaims) await expect(table.getByText(pcn)).toHaveCount(0);
  // The import stands in for the view: no tab is current.
  await expect(page.getByRole('navigation', { name: 'Queue views' }).locator('[aria-current="page"]')).toHaveCount(0);

  // The history row links the same way.
  await page.goto('/imports');
  await page.getByRole('link', { name: `See the 2 denials from ${name} in the queue` }).click();
  await expect(page).toHaveURL(importUrl);
  await expect(rows).toHaveCount(2);

  // Removing the chip leaves the import.
  await page.getByRole('button', { name: `Remove filter: From import ${name}` }).click();
  await expect(page).not.toHaveURL(/import=/);
  await expect(page.getByTestId('import-chip')).toHaveCount(0);
});
