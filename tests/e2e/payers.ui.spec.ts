import { expect, test } from './support/fixtures';

test('a manager edits a payer’s appeal window; a stale save is refused with the conflict message', async ({ page, data, signIn, pageAs }) => {
  // A commercial payer of this test's own, on its type's default rules (as the demo payers start).
  const payer = await data.payer();
  const team = await data.team();
  await signIn(page, await data.person('manager', { team }));
  await page.goto('/payers');
  const card = page.getByRole('region', { name: payer.name });
  await card.getByRole('button', { name: 'Edit rules' }).click();
  const form = page.getByRole('form', { name: `Rules for ${payer.name}` });
  await form.getByLabel('Level 1 days').fill('150');
  // The payer's own name for a level, a threshold with its year, and its status-check interval.
  await form.getByLabel('Level 1 name').fill('Provider dispute');
  await form.getByLabel('Level 2 amount in controversy').fill('1,000');
  await form.getByLabel('Level 2 threshold year').fill('2026');
  await form.getByLabel('Status check (days after filing)').fill('21');
  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await expect(card).toContainText('Provider dispute: 150 d · Level 2 appeal: 60 d (≥ $1000 in 2026)');
  await expect(card).toContainText('status check 21 d after filing');

  // A second manager window opened before the next save still holds the old version.
  await card.getByRole('button', { name: 'Edit rules' }).click();
  await form.getByLabel('Warning window (days)').fill('21');
  const theirs = await pageAs(await data.person('manager', { team }));
  await theirs.goto('/payers');
  const theirCard = theirs.getByRole('region', { name: payer.name });
  await theirCard.getByRole('button', { name: 'Edit rules' }).click();
  await theirs.getByRole('form', { name: `Rules for ${payer.name}` }).getByLabel('Level 1 days').fill('120');
  await theirs.getByRole('form', { name: `Rules for ${payer.name}` }).getByRole('button', { name: 'Save rules' }).click();
  await expect(theirs.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await theirs.context().close();

  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved this payer’s rules' })).toBeVisible();
  await expect(card).toContainText('Provider dispute: 120 d');
});

test('payer rules are for managers only', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/payers');
  await expect(page).toHaveURL(/\/forbidden/);
});

test('a manager sets the payer’s appeals address, which letters print', async ({ page, data, signIn }) => {
  const payer = await data.payer();
  await signIn(page, await data.person('manager', { team: await data.team() }));
  await page.goto('/payers');
  const card = page.getByRole('region', { name: payer.name });
  await expect(card).toContainText('no appeals address');
  await card.getByRole('button', { name: 'Edit rules' }).click();
  const form = page.getByRole('form', { name: `Rules for ${payer.name}` });
  await form.getByLabel(/Appeals address/).fill('Appeals Unit\nPO Box 100\nDallas, TX 75201');
  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await expect(card).toContainText('appeals to Appeals Unit, PO Box 100, Dallas, TX 75201');
});
