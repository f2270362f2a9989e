import { readFile } from 'node:fs/promises';
import { formatDate } from '@/components/denials/format';
import { addDays } from '@/lib/domain/dates';
import { SAME_ORIGIN } from './support/app-origin';
import { expect, test } from './support/fixtures';
import { payment835 } from './support/remit-files';
import { samplePdf, samplePng } from './support/sample-files';
import { pdfText } from '../support/pdf-text';

// The appeal chain from the denial page: draft the level the payer offers (with its deadline), record its
// submission, record the payer's decision behind a confirmation, and the next level is offered with a deadline
// counted from that decision (plus Medicare's 5-day receipt presumption).

const today = () => new Date().toISOString().slice(0, 10);

test('a specialist drafts a redetermination, records its submission and an upheld decision, then drafts the reconsideration due 185 days later', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const payer = await data.payer({ payerType: 'medicare' });
  const denial = await data.denial({ team, owner: sam, payer, status: 'in_progress', patientName: 'Appeal, Ada', deniedCents: 48_000 });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);

  const appeals = page.getByRole('region', { name: 'Appeals' });
  await expect(appeals).toContainText('No appeal filed yet.');
  // Notice 20 days ago + 5 days' presumed receipt + 120 days.
  await expect(appeals).toContainText(`Due ${formatDate(addDays(today(), 105))}`);
  await appeals.getByRole('button', { name: 'Draft redetermination' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Level 1 appeal drafted.' })).toBeVisible();

  const first = appeals.getByRole('listitem', { name: 'Redetermination: Draft' });
  await expect(first).toContainText('105 days left');
  await first.getByRole('button', { name: 'Record submission…' }).click();
  const submit = page.getByRole('dialog', { name: 'Record submission — Redetermination' });
  await submit.getByLabel('How').selectOption('fax');
  await submit.getByLabel(/Payer reference/).fill('FAX-2026-0042');
  await submit.getByRole('button', { name: 'Record submission' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Submitted: waiting on the payer, status check/ })).toBeVisible();

  const sent = appeals.getByRole('listitem', { name: 'Redetermination: Awaiting decision' });
  await expect(sent).toContainText('Fax · ref FAX-2026-0042');
  // Medicare's default status check: 60 days after submission.
  await expect(sent).toContainText(`Status check${formatDate(addDays(today(), 60))}`);
  await expect(page.getByText('Appealed · L1').first()).toBeVisible();

  await sent.getByRole('button', { name: 'Record decision…' }).click();
  const decide = page.getByRole('dialog', { name: 'Record decision — Redetermination' });
  await decide.getByLabel('Upheld').check();
  await expect(decide.getByLabel(/Amount the payer pays/)).toHaveCount(0);
  await decide.getByRole('button', { name: 'Review…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Record “upheld”?' });
  await expect(confirm).toContainText('Nothing is recovered; $480 stays denied');
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Record upheld' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Decision recorded: upheld' })).toBeVisible();

  await expect(appeals.getByRole('listitem', { name: 'Redetermination: Decided' })).toContainText('Upheld');
  // The reconsideration counts from this decision: 5 days' presumed receipt + 180 days.
  await expect(appeals).toContainText(`Next: Reconsideration`);
  await expect(appeals).toContainText(`Due ${formatDate(addDays(today(), 185))}`);
  await appeals.getByRole('button', { name: 'Draft reconsideration' }).click();
  await expect(appeals.getByRole('listitem', { name: 'Reconsideration: Draft' })).toContainText('185 days left');

  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline).toContainText('drafted a level 1 appeal');
  await expect(timeline).toContainText('FAX-2026-0042');
});

test('a decision paying more than is still denied is refused in the dialog, and an overturn resolves the denial as paid', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', patientName: 'Overturn, Otto', deniedCents: 30_000 });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);
  const appeals = page.getByRole('region', { name: 'Appeals' });
  await appeals.getByRole('button', { name: 'Draft level 1 appeal' }).click();
  await appeals.getByRole('listitem', { name: 'Level 1 appeal: Draft' }).getByRole('button', { name: 'Record submission…' }).click();
  await page.getByRole('dialog', { name: /Record submission/ }).getByRole('button', { name: 'Record submission' }).click();
  await appeals.getByRole('listitem', { name: 'Level 1 appeal: Awaiting decision' }).getByRole('button', { name: 'Record decision…' }).click();

  const decide = page.getByRole('dialog', { name: 'Record decision — Level 1 appeal' });
  await expect(decide.getByLabel(/Amount the payer pays/)).toHaveValue('300');
  await decide.getByLabel(/Amount the payer pays/).fill('300.01');
  await decide.getByRole('button', { name: 'Review…' }).click();
  await expect(decide.getByRole('alert')).toHaveText('At most $300 is still denied.');
  await decide.getByLabel(/Amount the payer pays/).fill('300');
  await decide.getByRole('button', { name: 'Review…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Record $300 recovered?' });
  await expect(confirm).toContainText('resolved as paid');
  await confirm.getByRole('button', { name: 'Record $300 recovered' }).click();

  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('Paid $300');
  await expect(appeals.getByRole('listitem', { name: 'Level 1 appeal: Decided' })).toContainText('$300 recovered');
});

test('the whole appeal: a level-1 letter from a template, edited; upheld; level 2 filed with its new deadline; a paying 835 resolves the denial and overturns the appeal', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team, title: 'Denial specialist' });
  const payer = await data.payer();
  const denial = await data.denial({ team, owner: sam, payer, status: 'in_progress', category: 'medical_necessity', deniedCents: 10_000 });
  await data.letterReady(denial);
  const template = await data.template({ category: 'medical_necessity' });
  const patient = denial.patientName.split(',').map((p) => p.trim()).reverse().join(' ');
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);

  // Level 1 from the denial page, then its letter in the appeal's workspace.
  const appeals = page.getByRole('region', { name: 'Appeals' });
  await appeals.getByRole('button', { name: 'Draft level 1 appeal' }).click();
  await appeals.getByRole('listitem', { name: 'Level 1 appeal: Draft' }).getByRole('link', { name: 'Letter & packet' }).click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: `${template.name} (v1)` });
  await expect(page.getByRole('status').filter({ hasText: 'ready to draft' })).toBeVisible();
  await page.getByRole('button', { name: 'Draft letter' }).click();
  const text = page.getByLabel('Letter text');
  await expect(text).toHaveValue(new RegExp(`Claim number:\\*\\* ${denial.patientControlNumber}`));
  await text.fill((await text.inputValue()).replace('To the appeals department:', `To the appeals department, for reviewer ${data.tag}:`));
  await text.press('Control+s');
  await expect(page.getByRole('status').filter({ hasText: 'Saved (letter version 2)' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Letter preview' })).toContainText(patient);

  // A PDF and an image attached to this appeal, joined behind the letter into one packet, read back.
  const files = page.getByRole('region', { name: 'Attachments for this appeal' }).getByRole('form', { name: 'Upload an attachment' });
  for (const [name, mimeType, buffer, kind] of [
    ['op-note.pdf', 'application/pdf', Buffer.from(await samplePdf(1, `Operative note ${data.tag}`)), 'Medical records'],
    ['eob.png', 'image/png', Buffer.from(samplePng(60, 80)), 'EOB / remittance advice'],
  ] as const) {
    await files.getByLabel('File (PDF, PNG, JPEG or TIFF)').setInputFiles({ name, mimeType, buffer });
    await files.getByLabel('What it is').selectOption({ label: kind });
    await files.getByRole('button', { name: 'Upload' }).click();
    await expect(files.getByRole('progressbar', { name: `Uploading ${name}` })).toHaveAttribute('aria-valuenow', '100');
    await expect(files.getByText(`Attached “${name}”`)).toBeVisible();
  }
  const packet = page.getByRole('region', { name: 'Appeal packet' });
  await expect(packet.getByRole('checkbox', { name: /eob\.png/ })).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), packet.getByRole('button', { name: 'Build packet and download' }).click()]);
  const pdf = await pdfText(new Uint8Array(await readFile((await download.path())!)));
  const packetText = pdf.text.replace(/\s+/g, ' ');
  expect(packetText).toContain(denial.patientControlNumber);
  expect(packetText).toContain(patient);
  expect(packetText).toMatch(/not deemed a .?medical necessity.? by the payer/);
  expect(packetText).toContain(`for reviewer ${data.tag}`);
  expect(packetText).toContain(`Operative note ${data.tag} page 1`);
  // Cover + letter + one PDF page + the image as a page.
  expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
  await expect(packet).toContainText(`${pdf.pages.length} pages`);

  // Sent, upheld: level 2 is offered, due 60 days from the decision (the commercial default).
  await page.goto(`/denials/${denial.id}`);
  await appeals.getByRole('listitem', { name: 'Level 1 appeal: Draft' }).getByRole('button', { name: 'Record submission…' }).click();
  await page.getByRole('dialog', { name: /Record submission/ }).getByRole('button', { name: 'Record submission' }).click();
  await appeals.getByRole('listitem', { name: 'Level 1 appeal: Awaiting decision' }).getByRole('button', { name: 'Record decision…' }).click();
  const decide = page.getByRole('dialog', { name: 'Record decision — Level 1 appeal' });
  await decide.getByLabel('Upheld').check();
  await decide.getByRole('button', { name: 'Review…' }).click();
  await page.getByRole('dialog', { name: 'Record “upheld”?' }).getByRole('button', { name: 'Record upheld' }).click();
  await expect(appeals).toContainText(`Next: Level 2 appeal`);
  await expect(appeals).toContainText(`Due ${formatDate(addDays(today(), 60))}`);
  await appeals.getByRole('button', { name: 'Draft level 2 appeal' }).click();
  await appeals.getByRole('listitem', { name: 'Level 2 appeal: Draft' }).getByRole('button', { name: 'Record submission…' }).click();
  await page.getByRole('dialog', { name: /Record submission/ }).getByLabel(/Payer reference/).fill(`L2-${data.tag}`);
  await page.getByRole('dialog', { name: /Record submission/ }).getByRole('button', { name: 'Record submission' }).click();
  await expect(appeals.getByRole('listitem', { name: 'Level 2 appeal: Awaiting decision' })).toContainText(`ref L2-${data.tag}`);

  // The payer pays the claim on a later remittance: the denial resolves as paid and the open appeal is overturned.
  const paid = await page.request.post(`/api/imports/835?filename=pay-${data.tag}.835`, {
    data: Buffer.from(payment835({ payerIdentifier: payer.identifier, patientControlNumber: denial.patientControlNumber, payerClaimNumber: `${denial.patientControlNumber}-PCCN`, cents: 10_000 })),
    headers: SAME_ORIGIN,
  });
  expect(paid.status()).toBe(200);
  expect(await paid.text()).toContain('"recoveriesMatched":1');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('Paid $100');
  await expect(appeals.getByRole('listitem', { name: 'Level 2 appeal: Decided' })).toContainText('Overturned');
  await expect(appeals.getByRole('listitem', { name: 'Level 2 appeal: Decided' })).toContainText('$100 recovered');
});
