import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

// PI-P14 is this spec's own combination: no other test gives a claim a PI-P14 adjustment.
test('an admin searches a code, changes its category, sees the preview count, saves and sees the job finish', async ({ page, data, db, signIn }) => {
  // A retry against the same database: the earlier attempt's denials are closed, so the count is this test's own.
  await db.denial.updateMany({ where: { carcCodes: { has: 'P14' }, status: { notIn: ['resolved_paid', 'resolved_partial', 'written_off'] } }, data: { status: 'written_off' } });
  const admin = await data.person('admin');
  const denials = await data.denials([
    { category: 'bundling', department: 'coding', carcCodes: ['P14'] },
    { category: 'bundling', department: 'coding', carcCodes: ['P14'] },
    { category: 'bundling', department: 'coding', carcCodes: ['P14'] },
    { category: 'bundling', department: 'coding', carcCodes: ['P14'], status: 'resolved_paid' },
  ]);
  for (const d of denials) {
    const { claimId, deniedCents } = await db.denial.findUniqueOrThrow({ where: { id: d.id }, select: { claimId: true, deniedCents: true } });
    await db.adjustment.create({ data: { claimId, groupCode: 'PI', reasonCode: 'P14', amountCents: deniedCents, kind: 'denial', category: 'bundling' } });
  }

  await signIn(page, admin);
  await page.goto('/');
  await page.getByRole('link', { name: 'Code mappings' }).click();
  await expect(page).toHaveURL(/\/admin\/codes$/);
  await page.getByLabel('Code, description or category').fill('PI-P14');
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: /PI-P14/ });
  await expect(row).toContainText('included in the payment/allowance');
  await row.getByRole('button', { name: 'Edit PI-P14' }).click();

  const editor = page.getByRole('region', { name: 'Edit PI-P14' });
  await editor.getByLabel('Category').selectOption({ label: 'Documentation requested' });
  await editor.getByLabel('Department').selectOption({ label: 'Billing' });
  await editor.getByRole('button', { name: 'Preview change' }).click();
  // The three open denials made above; the closed one keeps its classification.
  await expect(editor.getByRole('status')).toContainText('This change would reclassify 3 open denials');
  await expectAccessible(page, 'code mappings with a preview');
  await editor.getByRole('button', { name: 'Save change (3 open denials)' }).click();
  await expect(editor.getByRole('status')).toContainText('Saved.');

  const change = page.getByRole('row', { name: 'Change to PI-P14' }).first();
  await expect(change).toContainText('Bundling · Coding');
  await expect(change).toContainText('Documentation requested · Billing');
  await expect(change).toContainText('Done');
  await expect(change.getByRole('cell').nth(5)).toHaveText('3');

  const stored = await db.denial.findMany({ where: { id: { in: denials.map((d) => d.id) } }, select: { id: true, category: true } });
  const byId = new Map(stored.map((s) => [s.id, s.category]));
  expect(denials.map((d) => byId.get(d.id))).toEqual(['documentation_requested', 'documentation_requested', 'documentation_requested', 'bundling']);
});

// PI-B9 is this spec's own too. Made "not a denial": the open denial is flagged, not closed, and says so.
test('a code made "not a denial" flags its open denials for review instead of closing them', async ({ page, data, db, signIn, pageAs }) => {
  await db.denial.updateMany({ where: { carcCodes: { has: 'B9' }, status: { notIn: ['resolved_paid', 'resolved_partial', 'written_off'] } }, data: { status: 'written_off' } });
  const team = await data.team();
  const specialist = await data.person('specialist', { team });
  const [denial] = await data.denials([{ owner: specialist, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['B9'] }]);
  const { claimId, deniedCents } = await db.denial.findUniqueOrThrow({ where: { id: denial!.id }, select: { claimId: true, deniedCents: true } });
  await db.adjustment.create({ data: { claimId, groupCode: 'PI', reasonCode: 'B9', amountCents: deniedCents, kind: 'denial', category: 'eligibility_coverage' } });

  await signIn(page, await data.person('admin'));
  await page.goto('/admin/codes');
  await page.getByLabel('Code, description or category').fill('PI-B9');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Edit PI-B9' }).click();
  const editor = page.getByRole('region', { name: 'Edit PI-B9' });
  await editor.getByLabel('Is a denial').uncheck();
  await expect(editor.getByText('Open denials it applies to are flagged for review, never closed by this change.')).toBeVisible();
  await editor.getByRole('button', { name: 'Preview change' }).click();
  await expect(editor.getByRole('status')).toContainText('1 open denial would no longer be a denial: it is flagged for review, not closed.');
  await editor.getByRole('button', { name: 'Save change (1 open denial)' }).click();
  const change = page.getByRole('row', { name: 'Change to PI-B9' }).first();
  await expect(change).toContainText('Not a denial');
  await expect(change).toContainText('Done');

  const theirs = await pageAs(specialist);
  await theirs.goto(`/denials/${denial!.id}`);
  await expect(theirs.getByText('Review: no longer a denial by the code mapping')).toBeVisible();
  await expect(theirs.getByText('flagged it for review: a code-mapping change says it is no longer a denial (not closed)')).toBeVisible();
  expect((await db.denial.findUniqueOrThrow({ where: { id: denial!.id } })).status).toBe('assigned');
});

test('the code mappings page refuses everyone but an administrator', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('manager', { team: await data.team(), orgWide: true }));
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Code mappings' })).toHaveCount(0);
  const refused = await page.request.get('/api/code-mappings?q=50');
  expect(refused.status()).toBe(403);
  await page.goto('/admin/codes');
  await expect(page).toHaveURL(/\/forbidden$/);
});
