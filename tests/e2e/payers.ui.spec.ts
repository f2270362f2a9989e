import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './support/login';

test('a manager edits a payer’s appeal window; a stale save is refused with the conflict message', async ({ page, browser }) => {
  await signIn(page, DEMO.manager);
  await page.goto('/payers');
  const card = page.getByRole('region', { name: 'Cigna' });
  await card.getByRole('button', { name: 'Edit rules' }).click();
  const form = page.getByRole('form', { name: 'Rules for Cigna' });
  await form.getByLabel('Level 1 days').fill('150');
  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await expect(card).toContainText('Level 1: 150 d');

  // A second manager window opened before the next save still holds the old version.
  await card.getByRole('button', { name: 'Edit rules' }).click();
  await form.getByLabel('Warning window (days)').fill('21');
  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signIn(theirs, DEMO.manager);
  await theirs.goto('/payers');
  const theirCard = theirs.getByRole('region', { name: 'Cigna' });
  await theirCard.getByRole('button', { name: 'Edit rules' }).click();
  await theirs.getByRole('form', { name: 'Rules for Cigna' }).getByLabel('Level 1 days').fill('120');
  await theirs.getByRole('form', { name: 'Rules for Cigna' }).getByRole('button', { name: 'Save rules' }).click();
  await expect(theirs.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await other.close();

  await form.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else saved this payer’s rules' })).toBeVisible();
  await expect(card).toContainText('Level 1: 120 d');
});

test('payer rules are for managers only', async ({ page }) => {
  await signIn(page, DEMO.specialist);
  await page.goto('/payers');
  await expect(page).toHaveURL(/\/forbidden/);
});
