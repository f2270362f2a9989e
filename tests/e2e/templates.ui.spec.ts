import { expect, test } from './support/fixtures';

test('a manager edits a starter template and saves version 2; the history shows both versions', async ({ page, data, signIn }) => {
  const template = await data.template({ category: 'timely_filing' });
  const manager = await data.person('manager', { team: await data.team() });
  await signIn(page, manager);
  await page.goto('/templates');
  await page.getByRole('region', { name: 'Timely filing' }).getByRole('link', { name: template.name }).click();
  await expect(page.getByRole('heading', { name: template.name })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Version 1' })).toContainText('clearinghouse acceptance report');

  await page.getByRole('button', { name: 'Edit template' }).click();
  const editor = page.getByRole('textbox', { name: 'Template text' });
  // An unknown field is named before saving, and the save waits for it to be fixed.
  await editor.fill('# Timely filing\n\nRe: {{claim.numbr}}');
  await expect(page.getByText('Unknown merge field: claim.numbr')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save as version 2' })).toBeDisabled();

  // A field from the sidebar goes in at the cursor.
  await editor.fill('# Timely filing\n\nPatient: \n\nThe claim was sent on time.');
  await editor.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(26, 26));
  await page.getByRole('button', { name: 'Insert Patient name' }).click();
  await expect(editor).toHaveValue('# Timely filing\n\nPatient: {{patient.name}}\n\nThe claim was sent on time.');
  await expect(page.getByRole('article', { name: 'Preview of your text' }).getByRole('heading', { name: 'Timely filing' })).toBeVisible();

  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as version 2' })).toBeVisible();
  await expect(page.getByText('Current: version 2')).toBeVisible();
  const history = page.getByRole('list', { name: 'Version history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText(`Version 2 (current)${manager.name}`);
  await expect(history.getByRole('listitem').nth(1)).toContainText('Version 1Overturn starter set');

  // Any version can be previewed.
  await page.getByRole('button', { name: 'Preview version 1' }).click();
  await expect(page.getByRole('article', { name: 'Version 1' })).toContainText('clearinghouse acceptance report');
  await page.getByRole('button', { name: 'Preview version 2' }).click();
  await expect(page.getByRole('article', { name: 'Version 2' })).toContainText('The claim was sent on time.');
});

test('a specialist reads templates but is not offered editing', async ({ page, data, signIn }) => {
  const template = await data.template({ category: 'bundling' });
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/templates');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letter templates' })).toBeVisible();
  await page.getByRole('link', { name: template.name }).click();
  await expect(page.getByRole('article', { name: 'Version 1' })).toContainText('Why the service is separately payable');
  await expect(page.getByRole('button', { name: 'Edit template' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'New template' })).toHaveCount(0);
});

test('an administrator sets the letterhead: a bad NPI is refused at the field, a good one saved', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('admin'));
  await page.goto('/admin/organization');
  const form = page.getByRole('form', { name: 'Organisation details' });
  await form.getByLabel('Organisation name').fill(`Riverside Family Practice ${data.tag}`);
  await form.getByLabel('Address line 1').fill('12 Mill Road');
  await form.getByLabel('Address line 2').fill('Springfield, IL 62701');
  await form.getByLabel('NPI (organisation, type 2)').fill('1234567890');
  await form.getByLabel('TIN (EIN)').fill('371234567');
  await form.getByLabel('Contact name').fill('Dana Ortiz');
  await form.getByLabel('Contact phone').fill('(217) 555-0100');
  await form.getByLabel('Contact email').fill('billing@riverside.example');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields' })).toBeVisible();
  await expect(form.getByText('This NPI’s check digit is wrong')).toBeVisible();
  await expect(form.getByLabel('NPI (organisation, type 2)')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('NPI (organisation, type 2)').fill('1234567893');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('NPI (organisation, type 2)')).toHaveValue('1234567893');
  await expect(form.getByLabel('TIN (EIN)')).toHaveValue('37-1234567');
  await expect(form.getByLabel('Organisation name')).toHaveValue(`Riverside Family Practice ${data.tag}`);
});
