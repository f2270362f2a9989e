import { expect, test } from './support/fixtures';

// Closed denials read as history (their outcome, no deadline, score or assign), a manager reopens one with a
// reason, and a write-off asks first and can be taken back for a moment.

test('a paid denial opened from history shows its outcome, no deadline or assign; a manager reopens it with a reason', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team, name: `Sam Payer ${data.tag}` });
  const manager = await data.person('manager', { team });
  const { patientControlNumber: pcn } = await data.denial({
    team,
    owner: sam,
    status: 'resolved_paid',
    patientName: 'Paid, Pat',
    deniedCents: 120_000,
    deadlineInDays: 27,
    closedBy: sam,
  });
  await signIn(page, manager);

  // History: the "all" view with the paid status shows the row's outcome in place of its deadline and score.
  await page.goto(`/queue?view=all&status=resolved_paid&q=${pcn}`);
  const row = page.getByRole('table', { name: 'Denials' }).getByRole('row', { name: /Paid, Pat/ });
  await expect(row).toContainText('Paid $1,200');
  await expect(row).toContainText('Closed — not scored');
  await expect(row).not.toContainText('d left');
  await row.getByRole('link', { name: 'Paid, Pat' }).click();

  await expect(page.getByRole('heading', { name: /Paid, Pat/ })).toBeVisible();
  const outcome = page.getByRole('region', { name: 'Outcome' });
  await expect(outcome).toContainText('Paid $1,200');
  await expect(outcome).toContainText('$1,200 of $1,200 denied');
  await expect(outcome).toContainText(sam.name);
  await expect(page.getByText('Deadline', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Priority score')).toHaveCount(0);
  await expect(page.getByText(/d left|due in/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Assign to me/ })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('paid-denial-1440x900.png') });

  await page.getByRole('button', { name: 'Reopen…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reopen this denial' });
  await expect(dialog).toContainText('Paid $1,200');
  await expect(dialog.getByRole('button', { name: 'Reopen' })).toBeDisabled();
  await dialog.getByLabel('Reason (required)').fill('A later remittance reversed the payment.');
  await dialog.getByRole('button', { name: 'Reopen' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Reopened: in progress.' })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('reopened it: Paid → In progress');
  await expect(timeline).toContainText('A later remittance reversed the payment.');
  await expect(page.getByRole('region', { name: 'Outcome' })).toHaveCount(0);
  await expect(page.getByText('Priority score')).toBeVisible();
});

test('a specialist does not see Reopen on a closed denial', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'written_off', patientName: 'Closed, Cleo' });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('Written off');
  await expect(page.getByRole('button', { name: 'Reopen…' })).toHaveCount(0);
});

test('a write-off below the threshold asks first, showing the amount, and can be undone within the window', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', patientName: 'Small, Sid', deniedCents: 12_345 });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);

  await page.getByRole('button', { name: /Write off…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Write off $123.45' });
  await expect(dialog).toContainText('$123.45 will be written off now and the denial closed.');
  await expect(dialog).toContainText('Undo button is offered');
  await dialog.getByLabel('Reason (required)').selectOption({ label: 'Small balance' });
  await dialog.getByLabel('Detail (optional)').fill('Too small to chase');
  await dialog.getByRole('button', { name: 'Write off $123.45' }).click();

  const notice = page.getByRole('status').filter({ hasText: 'Written off.' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('Written off $123.45');
  await notice.getByRole('button', { name: 'Undo' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Undone: back to in progress.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Outcome' })).toHaveCount(0);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('undid the last change: Written off → In progress');
  await expect(page.getByText(/withdrawn — Small balance — Too small to chase/)).toBeVisible();
});

test('a recovery larger than the denial is refused with a message, and nothing is recorded', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', patientName: 'Over, Olga', deniedCents: 624_000 });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);

  await page.getByRole('button', { name: /Change status/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Change status' });
  await dialog.getByLabel('New status').selectOption({ label: 'Paid' });
  await dialog.getByLabel(/Amount paid/).fill('9,000');
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The payer cannot have paid more than the denied amount ($6,240).');

  // The dialog stays open with the amount; closing it leaves the denial as it was.
  await expect(dialog.getByLabel(/Amount paid/)).toHaveValue('9,000');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Outcome' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline' })).not.toContainText('changed the status');
});
