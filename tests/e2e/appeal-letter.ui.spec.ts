import { readFile } from 'node:fs/promises';
import { pdfText } from '../support/pdf-text';
import { appealReadyForLetter } from './support/appeals';
import { expect, test } from './support/fixtures';

// A specialist drafts an appeal letter from a template, edits it, saves it, finds it after a reload, and downloads
// it as a PDF whose text is read back.
test('a specialist drafts, edits, saves and downloads an appeal letter', async ({ page, data, signIn }) => {
  const { specialist, denial, template, appeal } = await appealReadyForLetter(data);
  const patient = denial.patientName.split(',').map((p) => p.trim()).reverse().join(' ');
  await signIn(page, specialist);

  await page.goto(`/denials/${denial.id}/appeals/${appeal.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Level 1 appeal: ${denial.patientName}`);
  await expect(page.getByText(`Claim ${appeal.claimNumber}`)).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  await page.getByLabel('Template', { exact: true }).selectOption({ label: `${template.name} (v1)` });
  await expect(page.getByRole('status').filter({ hasText: 'ready to draft' })).toBeVisible();
  await page.getByRole('button', { name: 'Draft letter' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Drafted from “${template.name}” (version 1)` })).toBeVisible();

  const text = page.getByLabel('Letter text');
  await expect(text).toHaveValue(new RegExp(`Claim number:\\*\\* ${appeal.claimNumber}`));
  const preview = page.getByRole('article', { name: 'Letter preview' });
  await expect(preview).toContainText(patient);
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('Appeal of a medical necessity denial');

  // Edit one paragraph: the preview follows, the page says it is unsaved until Ctrl+S.
  const edited = (await text.inputValue()).replace('To the appeals department:', `To the appeals department, attention of the reviewer ${data.tag}:`);
  await text.fill(edited);
  await expect(preview).toContainText(`attention of the reviewer ${data.tag}`);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await text.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved (letter version 2)' })).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Letter text')).toHaveValue(edited);
  await expect(page.getByText(`From “${template.name}”, template version 1`)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`appeal-letter-${appeal.claimNumber}-L1.pdf`);
  const pdf = await pdfText(new Uint8Array(await readFile((await download.path())!)));
  expect(pdf.text).toContain(appeal.claimNumber);
  expect(pdf.text).toContain(patient);
  expect(pdf.text.replace(/\s+/g, ' ')).toContain(`attention of the reviewer ${data.tag}`);

  await page.getByRole('link', { name: 'Printable letter' }).click();
  await expect(page.getByRole('article', { name: 'Letter' })).toContainText(`attention of the reviewer ${data.tag}`);
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  await page.goto(`/denials/${denial.id}`);
  await expect(page.getByText(`drafted the level 1 appeal letter from “${template.name}” (template version 1)`)).toBeVisible();
  await expect(page.getByText('edited the level 1 appeal letter (letter version 2)')).toBeVisible();
});

test('a template’s missing fields are listed, with where to fill them in, before anything is drafted', async ({ page, data, signIn, db }) => {
  const { specialist, denial, template, appeal } = await appealReadyForLetter(data);
  const { payerId } = await db.denial.findUniqueOrThrow({ where: { id: denial.id }, select: { payerId: true } });
  await db.payer.update({ where: { id: payerId }, data: { appealsAddress: null } });
  await signIn(page, specialist);
  await page.goto(`/denials/${denial.id}/appeals/${appeal.id}`);
  await page.getByLabel('Template', { exact: true }).selectOption({ label: `${template.name} (v1)` });
  const alert = page.getByRole('alert').filter({ hasText: 'Fill these in before drafting' });
  await expect(alert).toContainText('Payer appeals address: set the payer’s appeals address under Payer rules');
  await expect(page.getByRole('button', { name: 'Draft letter' })).toBeDisabled();
});
