import { expect, test } from './support/fixtures';

const daysAgo = (n: number) => new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - n * 86_400_000);

test('a manager turns on a team SLA, runs the check, and the denial’s timeline names the rule', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const owner = await data.person('specialist', { team });
  const [late, onTime] = await data.denials([{ owner }, { owner }]);
  await db.denial.update({ where: { id: late!.id }, data: { followUpDate: daysAgo(5) } });
  await db.denial.update({ where: { id: onTime!.id }, data: { followUpDate: daysAgo(1) } });

  await signIn(page, await data.person('manager', { team }));
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Team SLAs' }).click();
  await expect(page.getByRole('heading', { name: 'Team SLAs' })).toBeVisible();
  const card = page.getByRole('region', { name: team.name });
  const form = card.getByRole('form', { name: `SLA for ${team.name}` });
  await expect(card.getByText('Organisation default')).toBeVisible(); // inherits it until saved
  await expect(card.getByText('1 denial would escalate if switched on')).toBeVisible(); // default: more than 3 days overdue

  // Counted with unsaved numbers first: a day overdue is enough at 0.
  await form.getByLabel('Follow-up overdue days').fill('0');
  await form.getByRole('button', { name: 'Count with these numbers' }).click();
  await expect(card.getByText('With these numbers: 2 denials would escalate if switched on')).toBeVisible();
  await form.getByLabel('Follow-up overdue days').fill('3');
  await form.getByRole('checkbox', { name: 'Follow-up overdue' }).check();
  await form.getByRole('button', { name: 'Save SLA' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved. The next check (within 15 minutes) applies it.');
  await expect(card.getByText('Own settings')).toBeVisible();
  await expect(card.getByText('1 denial would escalate now')).toBeVisible();

  // A number out of range is refused before anything is saved.
  await form.getByLabel('Unassigned hours').fill('1000');
  await form.getByRole('button', { name: 'Save SLA' }).click();
  await expect(card.getByRole('alert')).toHaveText('Please correct the numbers. Unassigned hours: A whole number of hours from 1 to 720.');
  await form.getByLabel('Unassigned hours').fill('48');

  await page.getByRole('button', { name: 'Run the check now' }).click();
  // The server's own 15-minute check may have got there first (then: nothing left); the timeline is the proof.
  await expect(page.getByRole('status').filter({ hasText: /^Checked/ })).toHaveText(/^Checked: (escalated 1 denial|nothing to escalate)\.$/);
  await expect(card.getByText('0 denials would escalate now').first()).toBeVisible();

  await page.goto(`/denials/${late!.id}`);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('Overturn escalated it by the team SLA: Follow-up overdue');
  await expect(timeline).toContainText('Follow-up overdue by 5 days (team SLA: 3)');
  await page.goto(`/denials/${onTime!.id}`);
  await expect(page.getByRole('list', { name: 'Timeline' })).not.toContainText('team SLA');
});

test('team SLAs are for managers only', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Queue' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Team SLAs' })).toHaveCount(0);
  await page.goto('/team/slas');
  await expect(page).toHaveURL(/\/forbidden/);
});
