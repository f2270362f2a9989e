import { expect, test } from './support/fixtures';

const DAY_MS = 86_400_000;
const daysFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS);

test('a manager lands on the team board and opens a specialist’s overdue follow-ups in the queue', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team, name: `Sam Board ${data.tag}` });
  const manager = await data.person('manager', { team });
  const [late1, late2, later, none] = await data.denials([
    { team, owner: sam, status: 'in_progress', patientName: `Overdue ${data.tag}, One` },
    { team, owner: sam, status: 'assigned', patientName: `Overdue ${data.tag}, Two` },
    { team, owner: sam, status: 'assigned', patientName: `Later ${data.tag}, Three` },
    { team, owner: sam, status: 'assigned', patientName: `Unset ${data.tag}, Four` },
  ]);
  await db.denial.updateMany({ where: { id: { in: [late1!.id, late2!.id] } }, data: { followUpDate: daysFromToday(-3) } });
  await db.denial.update({ where: { id: later!.id }, data: { followUpDate: daysFromToday(5) } });
  void none;

  await signIn(page, manager);
  await page.goto('/');
  await expect(page).toHaveURL(/\/team$/);
  const people = page.getByRole('table', { name: 'Work by person' });
  const row = people.getByRole('row', { name: new RegExp(sam.name) });
  await expect(row.getByRole('link', { name: `4 open denials, ${sam.name}` })).toBeVisible();
  await expect(row.getByRole('link', { name: `Move work from ${sam.name}…` })).toHaveAttribute('href', `/team/move?from=${sam.id}`);

  await row.getByRole('link', { name: `2 follow-ups overdue, ${sam.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/queue\\?view=all&owner=${sam.id}&follow=overdue`));
  const denials = page.getByRole('table', { name: 'Denials' });
  await expect(denials.getByText(`Overdue ${data.tag}, One`)).toBeVisible();
  await expect(denials.getByText(`Overdue ${data.tag}, Two`)).toBeVisible();
  await expect(denials.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('board-filter-chip')).toHaveText(/Follow-up overdue/);
});
