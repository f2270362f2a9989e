import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

test('a specialist records a corrected claim: the checklist for the denial, a refusal at its field, then the resubmission on the denial', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', category: 'units_days', carcCodes: ['16'], rarcCodes: ['M53'] });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  await page.getByRole('button', { name: /^Corrected & resubmitted…/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Corrected & resubmitted' });
  await expect(dialog).toBeVisible();
  const m53 = dialog.getByRole('checkbox', { name: /^M53 \(days\/units of service/ });
  await expect(m53).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /^Units in SV104/ })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^Replacement claim \(frequency 7\)/ })).toBeChecked();
  const payerClaim = dialog.getByLabel(/^Payer claim number/);
  await expect(payerClaim).toHaveValue(`${denial.patientControlNumber}-PCCN`);
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/resubmit-dialog.png` });

  // A replacement without the claim it replaces: the server refuses it, at the field, and the dialog stays open.
  await m53.check();
  await payerClaim.fill('');
  await dialog.getByRole('button', { name: 'Record resubmission' }).click();
  await expect(payerClaim).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('A replacement needs the payer’s claim number of the original claim (REF*F8).')).toBeVisible();
  await expectAccessible(page, 'resubmission dialog with a refused field', dialog);
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/resubmit-dialog-error.png` });

  await payerClaim.fill(`ICN-${data.tag}`);
  await dialog.getByLabel(/^New claim number/).fill(`NEW-${data.tag}`);
  await dialog.getByLabel(/^What was corrected/).fill('Units now match the span of dates');
  await dialog.getByRole('button', { name: 'Record resubmission' }).click();
  await expect(dialog).toHaveCount(0);

  const sent = page.getByRole('list', { name: 'Corrected claims sent' });
  await expect(sent).toContainText('Replacement claim (frequency 7)');
  await expect(sent).toContainText(`ICN-${data.tag}`);
  await expect(sent).toContainText(`NEW-${data.tag}`);
  await expect(sent).toContainText('1 checklist item ticked');
  await expect(page.getByText(/sent a replacement claim \(frequency 7\) on/)).toBeVisible();
  await expect(page.getByText('Corrected & resubmitted').first()).toBeVisible();
});
