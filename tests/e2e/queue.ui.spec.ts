import { expect, test } from '@playwright/test';
import { denialIdByClaim } from './support/denials';
import { DEMO, signIn } from './support/login';

// The fixture denials (tests/support/e2e-fixtures.ts) have known claim references: each test works its own.

test('a specialist works a denial using only the keyboard, and finds it in the right views afterwards', async ({ page }) => {
  await signIn(page, DEMO.specialist);
  await page.goto('/queue?view=unassigned&q=E2E-KEYBOARD-1');
  const table = page.getByRole('table', { name: 'Denials' });
  await expect(table.getByRole('row', { name: /Keyboard, Kim/ })).toBeVisible();

  // Open it from the queue.
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/denials\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /Keyboard, Kim/ })).toBeVisible();

  // Assign it to me.
  await page.keyboard.press('a');
  await expect(page.getByText('Owner: Sam Specialist')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned to you.' })).toBeVisible();

  // Add a note.
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'Add a note' })).toBeVisible();
  await page.keyboard.type('Called Aetna: records requested, ref 4471.');
  await page.keyboard.press('Control+Enter');
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Called Aetna: records requested, ref 4471.');

  // Set a follow-up (the dialog proposes a week from today; Enter accepts it).
  await page.keyboard.press('f');
  await expect(page.getByRole('dialog', { name: 'Follow-up date' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Follow-up: (?!none)/)).toBeVisible();
  await expect(timeline).toContainText('set the follow-up for');

  // Move it along its life: in progress, then appealed at level 1.
  await page.keyboard.press('s');
  await expect(page.getByRole('dialog', { name: 'Change status' })).toBeVisible();
  await expect(page.getByLabel('New status')).toHaveValue('in_progress');
  await page.keyboard.press('Enter');
  await expect(timeline).toContainText('Assigned → In progress');
  await page.keyboard.press('s');
  await expect(page.getByLabel('New status')).toHaveValue('appealed');
  await expect(page.getByLabel('Appeal level')).toHaveValue('1');
  await page.keyboard.press('Enter');
  await expect(timeline).toContainText('appealed it at level 1');
  await expect(page.getByText('Appealed · L1').first()).toBeVisible();

  // It is in my queue and my team's, appealed, with the follow-up; it is no longer unassigned.
  await page.keyboard.press('u');
  await expect(page).toHaveURL(/\/queue/);
  await page.goto('/queue?view=mine&q=E2E-KEYBOARD-1');
  const mine = table.getByRole('row', { name: /Keyboard, Kim/ });
  await expect(mine).toContainText('Appealed · L1');
  await expect(mine).toContainText('Sam Specialist');
  await page.goto('/queue?view=team&q=E2E-KEYBOARD-1');
  await expect(table.getByRole('row', { name: /Keyboard, Kim/ })).toBeVisible();
  await page.goto('/queue?view=unassigned&q=E2E-KEYBOARD-1');
  await expect(page.getByText('No denials match these filters.')).toBeVisible();
});

test('a stale edit is refused with the conflict message and the fresh state', async ({ page, browser }) => {
  await signIn(page, DEMO.specialist);
  const id = await denialIdByClaim(page.request, 'E2E-STALE-1', 'mine');
  await page.goto(`/denials/${id}`);
  await expect(page.getByRole('heading', { name: /Stale, Stan/ })).toBeVisible();

  // Meanwhile a teammate adds a note from their own session.
  const theirs = await browser.newContext();
  const riley = await theirs.newPage();
  await signIn(riley, DEMO.specialist2);
  await riley.goto(`/denials/${id}`);
  await riley.keyboard.press('n');
  await riley.keyboard.type('Payer says resubmit with records.');
  await riley.keyboard.press('Control+Enter');
  await expect(riley.getByRole('list', { name: 'Timeline' })).toContainText('Payer says resubmit with records.');
  await theirs.close();

  // Sam's page still holds the old version: his edit is refused, not silently applied over Riley's.
  await page.keyboard.press('n');
  await page.keyboard.type('My note from a stale page.');
  await page.keyboard.press('Control+Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(alert).toContainText('Riley Specialist changed this denial while you were working on it');
  // The fresh state is shown: Riley's note is on the timeline, Sam's is not.
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Payer says resubmit with records.');
  await expect(timeline).not.toContainText('My note from a stale page.');
  // Trying again on the fresh version works, and the draft was kept.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue('My note from a stale page.');
  await page.keyboard.press('Control+Enter');
  await expect(timeline).toContainText('My note from a stale page.');
});

test('a front-desk user is refused a denial’s detail page', async ({ page, browser }) => {
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, DEMO.manager);
  const id = await denialIdByClaim(manager.request, 'E2E-OTHERTEAM-1');
  await managerContext.close();

  await signIn(page, DEMO.frontDesk);
  await page.goto(`/denials/${id}`);
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { name: /don.t have access/ })).toBeVisible();
  await expect(page.getByText('Other, Olivia')).toHaveCount(0);
});

test('the queue shows a manager every team’s work, with codes explained on hover', async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto('/queue?view=all&q=E2E-OTHERTEAM-1');
  const row = page.getByRole('table', { name: 'Denials' }).getByRole('row', { name: /Other, Olivia/ });
  await expect(row).toContainText('Jordan Specialist');
  await row.getByRole('button', { name: /^CARC 50/ }).hover();
  await expect(page.getByRole('tooltip')).toContainText('medical necessity');
});
