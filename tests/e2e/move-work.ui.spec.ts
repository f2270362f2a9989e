import { expect, test } from './support/fixtures';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a manager moves all of one specialist’s payer to another with a reason; the new owner finds them in their queue, notified', async ({ page, data, db, signIn, pageAs }) => {
  const team = await data.team();
  const alex = await data.person('specialist', { team, name: `Alex ${data.tag}` });
  const bo = await data.person('specialist', { team, name: `Bo ${data.tag}` });
  const manager = await data.person('manager', { team, name: `Lee ${data.tag}` });
  const aetna = await data.payer({ name: `Aetna ${data.tag}` });
  const other = await data.payer();
  await data.denials([
    { team, owner: alex, payer: aetna, status: 'in_progress', deniedCents: 1_000_00, patientName: `Moved ${data.tag}, One` },
    { team, owner: alex, payer: aetna, status: 'assigned', deniedCents: 250_00, patientName: `Moved ${data.tag}, Two` },
    { team, owner: alex, payer: aetna, status: 'in_progress', deniedCents: 84_00, patientName: `Moved ${data.tag}, Three` },
    { team, owner: alex, payer: other, status: 'in_progress', deniedCents: 500_00, patientName: `Stays ${data.tag}, Four` },
  ]);

  // The team board links here with the person prefilled.
  await signIn(page, manager);
  await page.goto(`/team/move?from=${alex.id}`);
  const form = page.getByRole('form', { name: 'Move work' });
  await expect(form.getByLabel('From')).toHaveValue(alex.id);
  await expect(form.getByRole('status')).toHaveText(`${alex.name} has 4 denials ($1,834) open in everything.`);
  await form.getByLabel('Payer').selectOption({ label: aetna.name });
  await expect(form.getByRole('status')).toHaveText(`${alex.name} has 3 denials ($1,334) open in ${aetna.name}.`);
  await form.getByLabel('To', { exact: true }).selectOption({ label: bo.name });
  await form.getByLabel('Reason (required)').fill('Alex moves to the Medicare desk');
  await form.getByRole('button', { name: 'Review the move…' }).click();

  const confirm = page.getByRole('dialog', { name: `Move 3 denials ($1,334) to ${bo.name}?` });
  await expect(confirm).toContainText(`${alex.name}’s open denials in ${aetna.name}: 3 denials ($1,334) go to ${bo.name}`);
  await expect(confirm).toContainText('no one-step undo');
  await confirm.getByRole('button', { name: 'Move 3 denials' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Moved 3 denials ($1,334) to ${bo.name}.` })).toBeVisible();
  await expect(form.getByRole('status').first()).toHaveText(`${alex.name} has no open denials in ${aetna.name}.`);
  await expect(page.getByRole('link', { name: 'Back to the team board' })).toHaveAttribute('href', '/team?fresh=1');

  // The new owner sees them in their own queue; the other payer's denial stayed with Alex.
  const theirs = await pageAs(bo);
  await theirs.goto(`/queue?view=mine&q=${data.tag}`);
  const table = theirs.getByRole('table', { name: 'Denials' });
  for (const name of ['One', 'Two', 'Three']) await expect(table.getByRole('row', { name: new RegExp(`Moved ${data.tag}, ${name}`) })).toBeVisible();
  await expect(table.getByRole('row', { name: /Stays/ })).toHaveCount(0);

  // One notification for the move, under the bell; opening it marks it read and it leads to the moved denials.
  const notes = await db.notification.findMany({ where: { userId: bo.id } });
  expect(notes).toHaveLength(1);
  expect(notes[0]!.href).toBe(`/queue?view=mine&payer=${aetna.id}`);
  const bell = theirs.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const item = theirs.getByRole('menuitem').filter({ hasText: `${manager.name} moved 3 denials ($1,334) to you: ${aetna.name}` });
  await expect(item).toContainText('Alex moves to the Medicare desk');
  await expect(item).toContainText('New');
  await item.click();
  await expect(theirs).toHaveURL(new RegExp(`/queue\\?view=mine&payer=${aetna.id}`));
  await expect(theirs.getByRole('button', { name: 'Notifications, none unread' })).toBeVisible();
});

test('a manager marks a specialist away; the cover finds their due follow-up in My queue, marked, and pickers name the cover', async ({ page, data, db, signIn, pageAs }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team, name: `Sam ${data.tag}` });
  const riley = await data.person('specialist', { team, name: `Riley ${data.tag}` });
  const manager = await data.person('manager', { team });
  const [due, pool] = await data.denials([
    { team, owner: sam, status: 'in_progress', patientName: `Covered ${data.tag}, Due` },
    { team, status: 'new', patientName: `Pool ${data.tag}, Any` },
  ]);
  await db.denial.update({ where: { id: due!.id }, data: { followUpDate: new Date(`${daysFromToday(-1)}T00:00:00Z`) } });

  await signIn(page, manager);
  await page.goto('/team/away');
  await page.getByRole('button', { name: `Mark away for ${sam.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Mark ${sam.name} away` });
  await dialog.getByLabel('Last day away').fill(daysFromToday(3));
  await dialog.getByLabel('Covered by (required)').selectOption({ label: riley.name });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${sam.name} is away` })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(sam.name) })).toContainText(riley.name);

  // The reassign menu names the absence and the cover.
  await page.goto(`/denials/${pool!.id}`);
  await expect(page.getByLabel('Reassign to').locator('option', { hasText: new RegExp(`^${sam.name} \\(away until .+, covered by ${riley.name}\\)$`) })).toHaveCount(1);

  const cover = await pageAs(riley);
  await cover.goto(`/queue?view=mine&q=${data.tag}`);
  const row = cover.getByRole('table', { name: 'Denials' }).getByRole('row', { name: new RegExp(`Covered ${data.tag}, Due`) });
  await expect(row).toContainText(`covering for ${sam.name}`);
});

test('a manager reassigns a colleague’s denial from its page: the reason is required and shows on the timeline', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const riley = await data.person('specialist', { team });
  const [denial] = await data.denials([{ team, owner: sam, status: 'in_progress', deniedCents: 42_00 }]);
  await signIn(page, await data.person('manager', { team }));
  await page.goto(`/denials/${denial!.id}`);
  await page.getByLabel('Reassign to').selectOption({ label: riley.name });
  const dialog = page.getByRole('dialog', { name: `Reassign to ${riley.name}` });
  await expect(dialog).toContainText('1 denial ($42)');
  const submit = dialog.getByRole('button', { name: 'Reassign' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel('Reason (required)').fill('Riley knows this payer’s portal');
  await submit.click();
  await expect(page.getByText(`Owner: ${riley.name}`)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Riley knows this payer’s portal');
  expect(await db.notification.count({ where: { userId: riley.id, denialId: denial!.id, kind: 'assignment' } })).toBe(1);
});
