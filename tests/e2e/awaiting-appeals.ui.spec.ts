import type { PrismaClient } from '@/lib/generated/prisma/client';
import { expectAccessible } from './support/axe';
import { expect, test, type Denial } from './support/fixtures';

const DAY_MS = 86_400_000;
const daysFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS);

/** A level-1 appeal submitted 40 days ago, its status check `checkInDays` from today. */
function submittedAppeal(db: PrismaClient, denial: Denial, checkInDays: number, reference: string) {
  return db.appeal.create({
    data: { denialId: denial.id, level: '1', submittedAt: daysFromToday(-40), method: 'fax', payerReference: reference, statusCheckOn: daysFromToday(checkInDays) },
  });
}

test('a specialist sees the appeal whose status check is overdue first, marked overdue, and opens its denial', async ({ page, data, db, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const other = await data.person('specialist', { team: await data.team() });
  const [later, overdue, today, foreign] = await data.denials([
    { team, owner: sam, status: 'appealed', patientName: `Later ${data.tag}, Lou` },
    { team, owner: sam, status: 'appealed', patientName: `Overdue ${data.tag}, Ola`, deniedCents: 43_210 },
    { team, owner: sam, status: 'appealed', patientName: `Today ${data.tag}, Tia` },
    { owner: other, status: 'appealed', patientName: `Foreign ${data.tag}, Fay` },
  ]);
  await submittedAppeal(db, later!, 12, `REF-L-${data.tag}`);
  await submittedAppeal(db, overdue!, -4, `REF-O-${data.tag}`);
  await submittedAppeal(db, today!, 0, `REF-T-${data.tag}`);
  await submittedAppeal(db, foreign!, -20, `REF-F-${data.tag}`);

  await signIn(page, sam);
  await page.goto('/queue');
  await page.getByRole('link', { name: 'Appeals awaiting decision' }).click();
  await expect(page.getByRole('heading', { name: 'Appeals awaiting decision' })).toBeVisible();
  await page.getByLabel('Owner').selectOption('me');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/owner=me/);

  const rows = page.getByRole('table', { name: 'Appeals awaiting decision' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText(overdue!.patientName);
  await expect(rows.nth(0)).toContainText('4 days overdue');
  await expect(rows.nth(0)).toContainText(`REF-O-${data.tag}`);
  await expect(rows.nth(0)).toContainText('$432.10');
  await expect(rows.nth(1)).toContainText(today!.patientName);
  await expect(rows.nth(1)).toContainText('Due today');
  await expect(rows.nth(2)).toContainText(later!.patientName);
  await expect(page.getByText(foreign!.patientName)).toHaveCount(0);
  await expectAccessible(page, 'appeals awaiting decision');
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/appeals-awaiting.png`, fullPage: true });

  await rows.nth(0).getByRole('link', { name: overdue!.patientControlNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/denials/${overdue!.id}$`));
  await expect(page.getByRole('toolbar', { name: 'Actions' })).toBeVisible();
});
