import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { SAME_ORIGIN } from './support/app-origin';
import { expect, test } from './support/fixtures';
import { denialsCsv, remit835, uniqueTag } from './support/remit-files';

/** The number under a label in a file's summary. */
function stat(card: Locator, label: string): Locator {
  return card.locator('dl > div').filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
}

/** Drops files on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name));
    return dt;
  }, files);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
}

/** A select of the CSV mapping step, by its field's name (required ones say so). */
function field(card: Locator, label: string): Locator {
  return card.getByRole('combobox', { name: new RegExp(`^${label}( \\(required\\))?$`) });
}

async function expectFinished(card: Locator, name: string) {
  await expect(card.getByRole('progressbar', { name: `Upload of ${name}` })).toHaveAttribute('aria-valuenow', '100');
  await expect(card.getByRole('progressbar', { name: `Processing of ${name}` })).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
}

test('an 835 dropped on the upload page is imported with progress, summarised, listed in the history and downloadable raw', async ({ page, data, signIn }) => {
  const me = await data.person('manager', { team: await data.team() });
  await signIn(page, me);
  await page.goto('/imports/upload');
  const tag = uniqueTag();
  const remit = remit835(tag);
  const name = `e2e-${tag}.835`;

  await dropFiles(page, [{ name, text: remit.text }]);
  const card = page.getByRole('region', { name });
  await expectFinished(card, name);
  await expect(card.getByTestId('file-status')).toHaveText('Imported');
  await expect(stat(card, 'Claims')).toHaveText('3');
  await expect(stat(card, 'Denials created')).toHaveText('2');
  await expect(stat(card, 'Recoveries matched')).toHaveText('0');

  // The same bytes again are refused, pointing at the first import.
  await dropFiles(page, [{ name: `again-${name}`, text: remit.text }]);
  const again = page.getByRole('region', { name: `again-${name}` });
  await expect(again.getByTestId('file-status')).toHaveText('Already imported', { timeout: 30_000 });
  await again.getByRole('link', { name: 'See the first import' }).click();
  await expect(page).toHaveURL(/\/imports\?file=/);
  await expect(page.getByText('Showing one import.')).toBeVisible();

  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  // Cells after the file's row header: imported, claims, denials, recoveries, …
  await expect(row.getByRole('cell').nth(1)).toHaveText('3');
  await expect(row.getByRole('cell').nth(2)).toHaveText('2');
  await expect(row).toContainText(`by ${me.name}`);

  const download = page.waitForEvent('download');
  await row.getByRole('link', { name: `Download raw file ${name}` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(name);
  expect(await readFile(await file.path(), 'utf8')).toBe(remit.text);
});

test('the denials of an uploaded 835 appear in the queue with their patient control numbers', async ({ page, data, signIn }) => {
  const me = await data.person('manager', { team: await data.team() });
  await signIn(page, me);
  await page.goto('/imports/upload');
  const tag = uniqueTag();
  const remit = remit835(tag);
  const name = `queue-${tag}.835`;
  await page.getByLabel('Files to import').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(remit.text) });
  const card = page.getByRole('region', { name });
  await expectFinished(card, name);
  await expect(stat(card, 'Denials created')).toHaveText('2');

  // The link opens exactly this import's denials; they are nobody's yet, so the unassigned view has each one too.
  await card.getByRole('link', { name: 'See the 2 new denials in the queue' }).click();
  await expect(page).toHaveURL(/\/queue\?import=/);
  for (const pcn of remit.deniedClaims) await expect(page.getByRole('table', { name: 'Denials' }).getByText(pcn)).toBeVisible();
  for (const pcn of remit.deniedClaims) {
    await page.goto(`/queue?view=unassigned&q=${pcn}`);
    await expect(page.getByText(pcn).first()).toBeVisible();
  }
  // The paid claim (only CO-45, an expected adjustment) is stored but never queued.
  await page.goto(`/queue?view=all&q=${remit.paidClaim}`);
  await expect(page.getByRole('heading', { name: 'Queue' })).toBeVisible();
  await expect(page.getByText(remit.paidClaim)).toHaveCount(0);
});

test('a file that cannot be read is not imported, and the error names the segment and element', async ({ page, data, signIn }) => {
  const me = await data.person('specialist', { team: await data.team() });
  await signIn(page, me);
  await page.goto('/imports/upload');
  const tag = uniqueTag();
  const broken = remit835(tag).text.replace(`CLP*E2E${tag}A*4*200.00`, `CLP*E2E${tag}A*4*2OO.00`);
  const name = `broken-${tag}.835`;
  await dropFiles(page, [{ name, text: broken }, { name: `empty-${tag}.835`, text: '' }]);

  const card = page.getByRole('region', { name });
  await expect(card.getByTestId('file-status')).toHaveText('Not imported', { timeout: 30_000 });
  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported');
  await expect(alert).toContainText(/Segment \d+ · CLP · element 03/);

  const empty = page.getByRole('region', { name: `empty-${tag}.835` });
  await expect(empty.getByRole('alert')).toContainText('The file is empty');
});

test('a CSV export is mapped, imported, and its bad rows are listed with line numbers and reasons', async ({ page, data, signIn }) => {
  const me = await data.person('specialist', { team: await data.team() });
  await signIn(page, me);
  await page.goto('/imports/upload');
  const tag = uniqueTag();
  const csv = denialsCsv(tag);
  const name = `export-${tag}.csv`;
  const source = `E2E clearinghouse ${tag}`;
  await page.getByLabel('Files to import').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv.text) });

  const card = page.getByRole('region', { name });
  await expect(card.getByTestId('file-status')).toHaveText('Map columns');
  await card.getByRole('combobox', { name: 'Source', exact: true }).fill(source);
  const choices: [string, string][] = [
    ['Patient control number', 'Account #'],
    ['Payer name', 'Insurance'],
    ['Payer ID', 'Payer Ref'],
    ['Billed', 'Charge'],
    ['Paid', 'Payment'],
    ['CARC', 'Reason'],
    ['RARC', 'Remark'],
    ['Group code', 'Adj Group'],
    ['Service date', 'DOS'],
  ];
  for (const [name, column] of choices) await field(card, name).selectOption(column);
  await expect(card.getByRole('table', { name: 'First rows as mapped' })).toContainText(csv.goodClaims[0]!);
  await card.getByRole('button', { name: /^Import/ }).click();

  await expectFinished(card, name);
  await expect(card.getByTestId('file-status')).toHaveText('Imported · rows rejected');
  await expect(stat(card, 'Rows imported')).toHaveText('3');
  await expect(stat(card, 'Rows rejected')).toHaveText('2');
  const rejected = card.getByRole('table', { name: 'Rejected rows' });
  for (const line of csv.badLines) {
    const row = rejected.getByRole('row').filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
    await expect(row.getByRole('cell').nth(1)).not.toBeEmpty();
  }
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`export-${tag}-rejected-rows.csv`);
  const written = await readFile(await file.path(), 'utf8');
  expect(written.split('\n')[0]).toBe('line,reason');
  expect(written).toMatch(/^3,.+$/m);
  expect(written).toMatch(/^5,.+$/m);

  // The history keeps the rejected rows for later, as a CSV from the server.
  await card.getByRole('link', { name: 'View in import history' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(`by ${me.name}`);
  const later = page.waitForEvent('download');
  await row.getByRole('link', { name: '2 rejected rows (CSV)' }).click();
  expect(await readFile(await (await later).path(), 'utf8')).toBe(written);

  // The mapping was saved under the source: the next export from it arrives already mapped.
  await page.goto('/imports/upload');
  const next = `export-${tag}-2.csv`;
  await page.getByLabel('Files to import').setInputFiles({ name: next, mimeType: 'text/csv', buffer: Buffer.from(denialsCsv(uniqueTag()).text) });
  const nextCard = page.getByRole('region', { name: next });
  await nextCard.getByRole('combobox', { name: 'Source', exact: true }).fill(source);
  await expect(field(nextCard, 'Patient control number')).toHaveValue('Account #');
  await expect(field(nextCard, 'Billed')).toHaveValue('Charge');
  await expect(nextCard.getByText(`Saved mapping for “${source}” applied.`)).toBeVisible();
});

test('the history lists each import with its counts, expandable warnings and the upload button', async ({ page, data, signIn }) => {
  const me = await data.person('specialist', { team: await data.team() });
  await signIn(page, me);
  const tag = uniqueTag();
  const name = `unbalanced-${tag}.835`;
  const res = await page.request.post(`/api/imports/835?filename=${name}`, { data: Buffer.from(remit835(tag, { unbalanced: true }).text), headers: SAME_ORIGIN });
  expect(res.status()).toBe(200);

  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Upload' })).toHaveAttribute('href', '/imports/upload');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(`by ${me.name}`);
  // Specialists import but do not download raw remittances (managers only).
  await expect(row.getByRole('link', { name: /Download raw file/ })).toHaveCount(0);

  const toggle = row.getByRole('button', { name: /warnings?$/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('table', { name: `Warnings for ${name}` })).toContainText('payment-imbalance');
});

test('front-desk staff are sent away from the import pages', async ({ page, data, signIn }) => {
  const me = await data.person('front_desk');
  await signIn(page, me);
  for (const path of ['/imports', '/imports/upload']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
  }
});
