import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

/** Escalates the denial on screen with a reason, and waits for its escalation card. */
async function escalate(page: Page, reason: string) {
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate to a manager' });
  await dialog.getByLabel('Reason (required)').fill(reason);
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(page.getByRole('region', { name: 'Open escalation' })).toContainText(reason);
}

// Issue 14: a specialist escalates with a reason from the denial page; the manager finds it in the escalation
// queue, with the reason, and resolves it with a note; the denial's timeline tells both steps.
test('a specialist escalates with a reason; the manager resolves it from the escalation queue; the timeline shows both', async ({ page, data, signIn, pageAs }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const lee = await data.person('manager', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', deadlineInDays: 6, deniedCents: 254_000, patientName: `Escalated ${data.tag}, Eve` });
  const reason = `Payer refuses the corrected claim as a duplicate ${data.tag}`;
  const decision = `Appeal at level 2, I called the rep ${data.tag}`;

  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate to a manager' });
  await expect(dialog.getByRole('button', { name: 'Escalate' })).toBeDisabled();
  await dialog.getByLabel('Reason (required)').fill(reason);
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  const card = page.getByRole('region', { name: 'Open escalation' });
  await expect(card).toContainText(reason);
  await expect(card).toContainText(`Raised by ${sam.name}`);
  // Sam may raise it, not handle it; and it cannot be raised twice.
  await expect(card.getByRole('button', { name: /^Resolve/ })).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Escalate…' })).toHaveCount(0);

  const manager = await pageAs(lee);
  await manager.goto('/queue');
  await manager.getByRole('link', { name: 'Escalations' }).click();
  await expect(manager.getByRole('heading', { name: 'Escalations' })).toBeVisible();
  const row = manager.getByRole('table', { name: 'Open escalations' }).locator('tr', { hasText: denial.patientName });
  await expect(row).toContainText(reason);
  await expect(row).toContainText(sam.name);
  await expect(row).toContainText('$2,540');
  await expect(row).toContainText('6 days left');
  if (process.env.E2E_SCREENSHOTS) await manager.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/escalations-queue.png`, fullPage: true });
  await row.getByRole('button', { name: /^Resolve/ }).click();
  const resolve = manager.getByRole('dialog', { name: 'Resolve the escalation' });
  await expect(resolve).toContainText(reason);
  await resolve.getByLabel('Decision (required)').fill(decision);
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(manager.getByRole('table', { name: 'Open escalations' }).locator('tr', { hasText: denial.patientName })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Open escalation' })).toHaveCount(0);
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.locator('li', { hasText: 'escalated it to the managers' })).toContainText(reason);
  await expect(timeline.locator('li', { hasText: 'resolved the escalation' })).toContainText(decision);
  await expect(timeline.locator('li', { hasText: 'resolved the escalation' })).toContainText(lee.name);
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/escalation-timeline.png`, fullPage: true });
});

test('a manager returns one to its owner and reassigns another from the denial page', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const ria = await data.person('specialist', { team });
  const lee = await data.person('manager', { team });
  const [first, second] = await data.denials([
    { team, owner: sam, status: 'in_progress', patientName: `Returned ${data.tag}, Rae` },
    { team, owner: sam, status: 'in_progress', patientName: `Reassigned ${data.tag}, Rex` },
  ]);
  await signIn(page, sam);
  for (const d of [first!, second!]) {
    await page.goto(`/denials/${d.id}`);
    await escalate(page, `Need a decision on ${d.patientName}`);
  }

  await signIn(page, lee);
  await page.goto(`/denials/${first!.id}`);
  await page.getByRole('region', { name: 'Open escalation' }).getByRole('button', { name: /^Return/ }).click();
  const returning = page.getByRole('dialog', { name: 'Return to the owner' });
  await returning.getByLabel('What to do (required)').fill('Send the level 1 appeal with the op note');
  await returning.getByRole('button', { name: 'Return' }).click();
  await expect(page.getByRole('region', { name: 'Open escalation' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('returned the escalation to the owner');

  await page.goto(`/denials/${second!.id}`);
  await page.getByRole('region', { name: 'Open escalation' }).getByRole('button', { name: /^Reassign/ }).click();
  const reassigning = page.getByRole('dialog', { name: 'Reassign the denial' });
  await reassigning.getByLabel('New owner (required)').selectOption({ label: ria.name });
  await reassigning.getByLabel('Note (required)').fill('Ria knows this payer');
  await reassigning.getByRole('button', { name: 'Reassign' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(`reassigned the escalated denial to ${ria.name}`);
  await expect(page.getByText(`Owner: ${ria.name}`)).toBeVisible();
});

test('a specialist withdraws their own escalation', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress' });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  await escalate(page, 'Payer has not answered in 30 days');
  await page.getByRole('region', { name: 'Open escalation' }).getByRole('button', { name: /^Withdraw/ }).click();
  const withdraw = page.getByRole('dialog', { name: 'Withdraw the escalation' });
  await expectAccessible(page, 'withdraw dialog', withdraw);
  await withdraw.getByLabel('Why (required)').fill('The payer called back and reprocessed it');
  await withdraw.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByRole('region', { name: 'Open escalation' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline' }).locator('li', { hasText: 'withdrew the escalation' })).toContainText('The payer called back and reprocessed it');
  await expect(page.getByRole('button', { name: 'Escalate…' })).toBeVisible();
});

test('the escalation queue for a specialist is refused', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/escalations');
  await expect(page).toHaveURL(/\/forbidden/);
  await expectAccessible(page, 'escalations refused');
});
