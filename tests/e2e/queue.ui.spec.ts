import { expect, test } from './support/fixtures';

// Each test makes its own team, people and denials (support/fixtures.ts): nothing here touches another test's rows.

test('a specialist works a denial using only the keyboard, and finds it in the right views afterwards', async ({ page, data, signIn }) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  const { patientControlNumber: pcn } = await data.denial({ team, patientName: 'Keyboard, Kim', deniedCents: 421_000 });
  await signIn(page, me);
  await page.goto(`/queue?view=unassigned&q=${pcn}`);
  const table = page.getByRole('table', { name: 'Denials' });
  await expect(table.getByRole('row', { name: /Keyboard, Kim/ })).toBeVisible();

  // Open it from the queue.
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/denials\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /Keyboard, Kim/ })).toBeVisible();

  // Assign it to me.
  await page.keyboard.press('a');
  await expect(page.getByText(`Owner: ${me.name}`)).toBeVisible();
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
  await page.goto(`/queue?view=mine&q=${pcn}`);
  const mine = table.getByRole('row', { name: /Keyboard, Kim/ });
  await expect(mine).toContainText('Appealed · L1');
  await expect(mine).toContainText(me.name);
  await page.goto(`/queue?view=team&q=${pcn}`);
  await expect(table.getByRole('row', { name: /Keyboard, Kim/ })).toBeVisible();
  await page.goto(`/queue?view=unassigned&q=${pcn}`);
  await expect(page.getByText('No denials match these filters.')).toBeVisible();
});

test('a stale edit is refused with the conflict message and the fresh state', async ({ page, data, signIn, pageAs }) => {
  const team = await data.team();
  const me = await data.person('specialist', { team });
  const teammate = await data.person('specialist', { team });
  const { id } = await data.denial({ owner: me, status: 'in_progress', patientName: 'Stale, Stan' });
  await signIn(page, me);
  await page.goto(`/denials/${id}`);
  await expect(page.getByRole('heading', { name: /Stale, Stan/ })).toBeVisible();

  // Meanwhile a teammate adds a note from their own session.
  const riley = await pageAs(teammate);
  await riley.goto(`/denials/${id}`);
  await riley.keyboard.press('n');
  await riley.keyboard.type('Payer says resubmit with records.');
  await riley.keyboard.press('Control+Enter');
  await expect(riley.getByRole('list', { name: 'Timeline' })).toContainText('Payer says resubmit with records.');
  await riley.context().close();

  // Sam's page still holds the old version: his edit is refused, not silently applied over Riley's.
  await page.keyboard.press('n');
  await page.keyboard.type('My note from a stale page.');
  await page.keyboard.press('Control+Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'Not saved.' });
  await expect(alert).toContainText(`${teammate.name} changed this denial while you were working on it`);
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

test('a front-desk user is refused a denial’s detail page', async ({ page, data, signIn }) => {
  const owner = await data.person('specialist', { team: await data.team() });
  const { id } = await data.denial({ owner, patientName: 'Other, Olivia' });

  await signIn(page, await data.person('front_desk'));
  await page.goto(`/denials/${id}`);
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { name: /don.t have access/ })).toBeVisible();
  await expect(page.getByText('Other, Olivia')).toHaveCount(0);
});

test('the queue shows an organisation-wide manager every team’s work, with codes explained on hover', async ({ page, data, signIn }) => {
  const otherTeamsSpecialist = await data.person('specialist', { team: await data.team() });
  const { patientControlNumber: pcn } = await data.denial({ owner: otherTeamsSpecialist, patientName: 'Other, Olivia', carcCodes: ['50'] });
  await signIn(page, await data.person('manager', { team: await data.team(), orgWide: true }));
  await page.goto(`/queue?view=all&q=${pcn}`);
  const row = page.getByRole('table', { name: 'Denials' }).getByRole('row', { name: /Other, Olivia/ });
  await expect(row).toContainText(otherTeamsSpecialist.name);
  await row.getByRole('button', { name: /^CARC 50/ }).hover();
  await expect(page.getByRole('tooltip')).toContainText('medical necessity');
});
