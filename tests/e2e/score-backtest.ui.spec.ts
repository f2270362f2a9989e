import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

// Two days of the past no other test opens denials in: Monday 3 and Tuesday 4 June 2019.
const openedOn = (day: string) => new Date(`${day}T12:00:00Z`);

test('a manager replays their own resolved denials and sees the queue score compared with the usual orders', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const manager = await data.person('manager', { team });
  await data.person('specialist', { team });
  // Same category and deadline (months away): the orders differ by amount and age. Two paid ones on Monday, the
  // largest (a write-off) on Tuesday.
  const [small, medium, largest] = await data.denials([
    { team, status: 'resolved_paid', deniedCents: 100_000 },
    { team, status: 'resolved_paid', deniedCents: 200_000 },
    { team, status: 'written_off', deniedCents: 500_000 },
  ]);
  for (const [denial, day] of [[small!, '2019-06-03'], [medium!, '2019-06-03'], [largest!, '2019-06-04']] as const) {
    await db.denial.update({ where: { id: denial.id }, data: { openedAt: openedOn(day) } });
  }

  await signIn(page, manager);
  await page.goto('/team');
  await page.getByRole('link', { name: 'Score backtest' }).click();
  await expect(page).toHaveURL(/\/team\/backtest$/);
  await expect(page.getByRole('heading', { name: 'Score backtest' })).toBeVisible();

  // Two working days, one specialist (the team's) working one denial a day.
  const form = page.getByRole('form', { name: 'Backtest settings' });
  await form.getByLabel('From (opened on or after)').fill('2019-06-03');
  await form.getByLabel('To').fill('2019-06-04');
  await form.getByLabel('Denials per specialist per day').fill('1');
  await form.getByLabel('Amount weight').fill('0');
  await form.getByRole('button', { name: 'Run backtest' }).click();

  await expect(page.getByRole('heading', { name: /3 resolved denials from 2019-06-03 to 2019-06-04: 2 working days, 1 specialist × 1 a day/ })).toBeVisible();
  await expect(page.getByText('History shows $3,000 recovered on these denials')).toBeVisible();
  const results = page.getByRole('table', { name: 'Backtest results by policy' });
  const row = (name: string) => results.getByRole('row', { name: new RegExp(`^${name}`) });
  // Monday: the score and largest first take the $2,000 one; Tuesday the $5,000 write-off over the $1,000 one.
  // Oldest first (and deadline first, all due alike) works Monday's two.
  await expect(row('Queue score \\(current weights\\)')).toContainText('$2,000');
  await expect(row('Queue score \\(current weights\\)')).toContainText('66.7%');
  await expect(row('Largest first')).toContainText('$2,000');
  await expect(row('Oldest first')).toContainText('$3,000');
  await expect(row('Oldest first')).toContainText('most recovered');
  await expect(row('Deadline first')).toContainText('$3,000');
  // Without the amount every score ties (Monday's outcome raised the payer's likelihood for all): the oldest wins.
  await expect(row('Queue score \\(your weights\\)')).toContainText('$3,000');
  await expect(page.getByText('using them in the queue needs a change of configuration')).toBeVisible();

  await expect(page.getByRole('img', { name: /Line chart of dollars recovered/ })).toBeVisible();
  await page.getByText('Show as a table').click();
  const weekly = page.getByRole('table', { name: 'Dollars recovered so far, week by week' });
  await expect(weekly.getByRole('row', { name: /2019-06-04/ })).toContainText('$3,000');
  await expectAccessible(page, 'score backtest with results and the table view');
});

test('the backtest refuses a period that ends after today and says why', async ({ page, data, signIn }) => {
  const manager = await data.person('manager', { team: await data.team() });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await signIn(page, manager);
  await page.goto(`/team/backtest?from=${day(-30)}&to=${day(5)}`);
  await expect(page.getByText('The period cannot end after today')).toBeVisible();
  // The form keeps what was asked, to be corrected.
  await expect(page.getByRole('form', { name: 'Backtest settings' }).getByLabel('To')).toHaveValue(day(5));
  await expect(page.getByRole('table', { name: 'Backtest results by policy' })).toHaveCount(0);
});

test('a specialist has no score backtest: not in the menu, and the page is refused', async ({ page, data, signIn }) => {
  const specialist = await data.person('specialist', { team: await data.team() });
  await signIn(page, specialist);
  await page.goto('/queue');
  await expect(page.getByRole('link', { name: 'Score backtest' })).toHaveCount(0);
  await page.goto('/team/backtest');
  await expect(page).toHaveURL(/\/forbidden/);
});
