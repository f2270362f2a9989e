import { expect, test } from './support/fixtures';

// Finding a claim in the queue, and the queue's URL: search, years on old dates, the page kept on reload,
// the `?` shortcuts overlay, and a bad parameter dropped with a notice. Each test makes its own denials.

test('searching a patient’s last name in lower case finds their denials', async ({ page, data, signIn }) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  const surname = `Wíllíams${data.tag}`; // accented in the record, typed plain
  await data.denials([
    { team, patientName: `${surname.toUpperCase()}, JOHN` },
    { team, patientName: `${surname}, Ana` },
    { team, patientName: `Other${data.tag}, Bea` },
  ]);
  await signIn(page, me);
  await page.goto('/queue?view=team');
  await page.keyboard.press('/');
  await page.keyboard.type(`williams${data.tag}`.toLowerCase());
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Denials' });
  await expect(table.getByRole('row', { name: new RegExp(`JOHN`) })).toBeVisible();
  await expect(table.getByRole('row', { name: /, Ana/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Other/ })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`q=williams${data.tag.toLowerCase()}`));
});

test('a date from another year shows its year; this year’s does not', async ({ page, data, signIn }) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  await data.denial({ team, patientName: `Old${data.tag}, Ola`, deadlineDate: '2011-10-30' });
  await signIn(page, me);
  await page.goto(`/queue?view=team&q=old${data.tag}`);
  await expect(page.getByRole('row', { name: /Ola/ })).toContainText('Oct 30, 2011');
});

test('the page is in the URL: a reload keeps it, Back returns to the page before', async ({ page, data, signIn }) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  await data.denials(Array.from({ length: 27 }, (_, i) => ({ team, patientName: `Pager${data.tag}, P${i}`, deniedCents: 10_000 + i * 100 })));
  await signIn(page, me);
  await page.goto(`/queue?view=team&limit=25&q=pager${data.tag}`);
  await expect(page.getByText('Page 1 · 1–25')).toBeVisible();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText('Page 2 · 26–27')).toBeVisible();
  await expect(page).toHaveURL(/cursor=/);
  const rows = await page.getByRole('table', { name: 'Denials' }).getByRole('row').allTextContents();

  await page.reload();
  await expect(page.getByText('Page 2 · 26–27')).toBeVisible();
  expect(await page.getByRole('table', { name: 'Denials' }).getByRole('row').allTextContents()).toEqual(rows);

  await page.goBack();
  await expect(page.getByText('Page 1 · 1–25')).toBeVisible();
  await expect(page).not.toHaveURL(/cursor=/);
  await page.goForward();
  await expect(page.getByText('Page 2 · 26–27')).toBeVisible();
});

test('`?` lists every keyboard shortcut in a dialog that Escape closes', async ({ page, data, signIn }, testInfo) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  await data.denial({ team, patientName: `Keys${data.tag}, Kay` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, me);
  await page.goto('/queue?view=team');
  await expect(page.getByRole('table', { name: 'Denials' })).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const does of ['Next row', 'Previous row', 'Open the denial', 'Assign to me', 'Set a follow-up date', 'Add a note', 'Select or unselect the row', 'Clear the selection', 'Search by name, claim number or member id', 'Change the status', 'Request a write-off', 'Back to the queue']) {
    await expect(dialog.getByText(does).first()).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('queue-shortcuts-1440x900.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a bad URL parameter is dropped with a short notice, not a validation dump', async ({ page, data, signIn }) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  await data.denial({ team, patientName: `Bogus${data.tag}, Bo` });
  await signIn(page, me);
  await page.goto(`/queue?view=team&status=bogus&q=bogus${data.tag}`);
  await expect(page.getByRole('status').filter({ hasText: 'Ignored an unknown status filter.' })).toBeVisible();
  await expect(page.getByText(/status\.0|Invalid option/)).toHaveCount(0);
  // The rest of the URL still applies.
  await expect(page.getByRole('row', { name: /Bogus.*, Bo/ })).toBeVisible();
});
