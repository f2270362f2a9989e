import { expect, test } from './support/fixtures';

test('a manager routes a payer to a team in turn: the preview counts it, the re-run gives the denials owners', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const [ana, ben] = [await data.person('specialist', { team }), await data.person('specialist', { team })];
  const payer = await data.payer();
  const denials = await data.denials([0, 1, 2, 3].map((i) => ({ payer, team: null, owner: null, deniedCents: 10_000 * (i + 1) })));

  await signIn(page, await data.person('manager', { team }));
  await page.goto('/assignment-rules');
  await expect(page.getByRole('heading', { name: 'Assignment rules' })).toBeVisible();
  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByRole('form', { name: 'New rule' });
  const name = `${payer.name} in turn`;
  await form.getByLabel('Name').fill(name);
  await form.getByRole('checkbox', { name: payer.name }).check();
  await form.getByLabel('Denied amount').fill('over 150');
  await form.getByLabel('Team').selectOption({ label: team.name });
  await form.getByLabel('Owner').selectOption({ label: 'Round-robin among the team’s specialists' });
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(form.getByRole('status', { name: 'Preview' })).toContainText('Today it would route 3 open denials ($900)');

  // The amount range was only to see the preview follow the draft: route every denial of the payer.
  await form.getByLabel('Denied amount').fill('');
  await form.getByRole('button', { name: 'Preview' }).click();
  await expect(form.getByRole('status', { name: 'Preview' })).toContainText('Today it would route 4 open denials ($1,000)');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Saved “${name}”.` })).toBeVisible();
  await expect(page.getByRole('listitem', { name: new RegExp(`: ${name}$`) })).toContainText(`${team.name}, round-robin among the team’s specialists`);

  await page.getByRole('button', { name: 'Re-run rules…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Route these denials now?' });
  await expect(confirm).toContainText(`${name} → ${team.name}: 4 ($1,000), 2 owners`);
  await confirm.getByRole('button', { name: 'Route 4' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Routed 4 denials (4 with an owner).' })).toBeVisible();

  const rows = await db.denial.findMany({ where: { id: { in: denials.map((d) => d.id) } }, select: { ownerId: true, teamId: true, status: true } });
  expect(rows.every((r) => r.teamId === team.id && r.status === 'assigned')).toBe(true);
  expect(rows.filter((r) => r.ownerId === ana.id)).toHaveLength(2);
  expect(rows.filter((r) => r.ownerId === ben.id)).toHaveLength(2);
  expect(await db.notification.count({ where: { userId: { in: [ana.id, ben.id] }, kind: 'assignment' } })).toBe(2);

  await page.goto(`/denials/${denials[0]!.id}`);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(`routed it to ${team.name}, owner`);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(`(assignment rule “${name}”)`);
});

test('two managers editing one rule: the later save is refused with the conflict, not applied over the first', async ({ page, data, db, signIn, pageAs }) => {
  const team = await data.team();
  const payer = await data.payer();
  const rule = await db.assignmentRule.create({
    data: { name: `${payer.name} queue`, position: 500, teamId: team.id, strategy: 'team_only', payerIds: [payer.id], categories: [], departments: [], carcCodes: [], rarcCodes: [], providerNpis: [] },
  });
  const row = (p: typeof page) => p.getByRole('listitem', { name: new RegExp(`: ${rule.name}$`) });

  await signIn(page, await data.person('manager', { team }));
  await page.goto('/assignment-rules');
  await row(page).getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('form', { name: `Edit “${rule.name}”` }).getByLabel('Name').fill(`${rule.name} (mine)`);

  const theirs = await pageAs(await data.person('manager', { team }));
  await theirs.goto('/assignment-rules');
  await row(theirs).getByRole('button', { name: 'Edit' }).click();
  const theirForm = theirs.getByRole('form', { name: `Edit “${rule.name}”` });
  await theirForm.getByLabel('Name').fill(`${rule.name} (theirs)`);
  await theirForm.getByRole('button', { name: 'Save rule' }).click();
  await expect(theirs.getByRole('status').filter({ hasText: `Saved “${rule.name} (theirs)”.` })).toBeVisible();
  await theirs.context().close();

  await page.getByRole('form', { name: `Edit “${rule.name}”` }).getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Someone else changed this rule while you were editing it.' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: new RegExp(`: ${rule.name} \\(theirs\\)$`) })).toBeVisible();
  expect((await db.assignmentRule.findUniqueOrThrow({ where: { id: rule.id } })).name).toBe(`${rule.name} (theirs)`);
});

test('assignment rules are for managers only', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/assignment-rules');
  await expect(page).toHaveURL(/\/forbidden/);
});
