// The write-off approval inbox (issue 14): specialists can never approve a write-off — no controls, the page turned
// away, the API refusing with 403 — and a manager approves five at once after a confirmation naming the count and
// the dollars.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SAME_ORIGIN } from './support/app-origin';
import { expect, test, type Denial, type Person } from './support/fixtures';

/** Pending write-offs as a specialist's requests leave them: the denial waiting, the write-off row naming its reason. */
async function requested(db: PrismaClient, by: Person, denials: Denial[], reasonCode = 'other') {
  for (const d of denials) {
    const { deniedCents } = await db.denial.findUniqueOrThrow({ where: { id: d.id }, select: { deniedCents: true } });
    await db.writeOff.create({ data: { denialId: d.id, amountCents: deniedCents, reasonCode, reason: 'Patient deceased, estate closed', status: 'pending', requestedById: by.id } });
  }
}

test('a specialist cannot approve a write-off: no controls, the inbox is forbidden, and the API answers 403', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const [denial] = await data.denials([{ team, owner: sam, status: 'writeoff_pending', deniedCents: 90_000 }]);
  await requested(db, sam, [denial!]);
  await signIn(page, sam);

  await page.goto(`/denials/${denial!.id}`);
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Approve write-off/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Write-off approvals' })).toHaveCount(0);

  await page.goto('/approvals');
  await expect(page).toHaveURL(/\/forbidden/);

  const res = await page.request.post('/api/write-offs/decisions', {
    headers: SAME_ORIGIN,
    data: { items: [{ id: denial!.id, version: 0 }], approve: true },
  });
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ ok: false, code: 'forbidden' });
  expect((await db.denial.findUniqueOrThrow({ where: { id: denial!.id } })).status).toBe('writeoff_pending');
});

test('a manager approves five write-offs at once, confirming the count and the total', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team, name: `Sam ${data.tag}` });
  const manager = await data.person('manager', { team });
  const amounts = [60_000, 70_000, 80_000, 90_000, 100_050];
  const denials = await data.denials(amounts.map((deniedCents) => ({ team, owner: sam, status: 'writeoff_pending' as const, deniedCents, carcCodes: ['50'] })));
  await requested(db, sam, denials.slice(0, 4));
  // One contradicts its denial: "duplicate" without CARC 18.
  await requested(db, sam, denials.slice(4), 'duplicate');
  await signIn(page, manager);
  await page.goto('/queue');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Write-off approvals' }).click();
  await expect(page.getByRole('heading', { name: 'Write-off approvals' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Pending write-offs' });
  for (const d of denials) await expect(table.getByRole('link', { name: d.patientControlNumber })).toBeVisible();
  await expect(table.locator(`tr[data-denial-id="${denials[4]!.id}"]`)).toContainText('no CARC 18');

  for (const d of denials) await table.getByRole('checkbox', { name: `Select write-off of ${d.patientControlNumber}` }).check();
  await expect(page.getByTestId('selection-summary')).toHaveText('5 write-offs selected · $4,000.50');
  await page.getByRole('button', { name: 'Approve selected' }).click();

  const dialog = page.getByRole('dialog', { name: 'Approve 5 write-offs totalling $4,000.50?' });
  await expect(dialog).toContainText('closes 5 denials as written off');
  await expect(dialog).toContainText('cannot be undone');
  await expect(dialog).toContainText('1 write-off has a reason that contradicts the denial');
  await dialog.getByRole('button', { name: 'Approve 5 write-offs' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Approved 5 write-offs ($4,000.50 written off).' })).toBeVisible();
  await expect(page.getByText('No write-off waits for approval.')).toBeVisible();
  const statuses = await db.denial.findMany({ where: { id: { in: denials.map((d) => d.id) } }, select: { status: true } });
  expect(statuses.map((s) => s.status)).toEqual(Array(5).fill('written_off'));
  expect(await db.notification.count({ where: { userId: sam.id, kind: 'approval_decided', denialId: { in: denials.map((d) => d.id) } } })).toBe(5);
});
