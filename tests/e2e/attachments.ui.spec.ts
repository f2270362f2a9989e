import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import { pdfText } from '../support/pdf-text';
import { appealReadyForLetter } from './support/appeals';
import { expect, test } from './support/fixtures';

async function samplePdf(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`${label} page ${i}`, { x: 72, y: 700, size: 18, font });
  return doc.save();
}

function samplePng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(180);
  return new Uint8Array(PNG.sync.write(png));
}

// Attachments on the denial page: upload with a progress bar, listed, downloaded, removed with a confirmation; a
// file of another type is refused with the server's reason.

test('a specialist uploads a PDF and a PNG, downloads one and removes the other; a refused type shows why', async ({ page, data, signIn }) => {
  const team = await data.team();
  const sam = await data.person('specialist', { team, name: `Sam Files ${data.tag}` });
  const denial = await data.denial({ team, owner: sam, status: 'in_progress', patientName: 'Files, Fay' });
  await signIn(page, sam);
  await page.goto(`/denials/${denial.id}`);

  const panel = page.getByRole('region', { name: 'Attachments' });
  await expect(panel).toContainText('No files attached yet.');
  const form = panel.getByRole('form', { name: 'Upload an attachment' });

  const send = async (name: string, mimeType: string, buffer: Buffer, kind: string) => {
    await form.getByLabel('File (PDF, PNG, JPEG or TIFF)').setInputFiles({ name, mimeType, buffer });
    await form.getByLabel('What it is').selectOption({ label: kind });
    await form.getByRole('button', { name: 'Upload' }).click();
  };

  const pdf = Buffer.from(await samplePdf(2, 'Visit notes'));
  await send('visit-notes.pdf', 'application/pdf', pdf, 'Medical records');
  const progress = form.getByRole('progressbar', { name: 'Uploading visit-notes.pdf' });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(progress).toHaveAttribute('aria-valuetext', 'Uploaded');
  await expect(form).toContainText('Attached “visit-notes.pdf”');
  const table = panel.getByRole('table', { name: 'Attachments' });
  await expect(table.getByRole('row', { name: /visit-notes\.pdf/ })).toContainText('Medical records');
  await expect(table.getByRole('row', { name: /visit-notes\.pdf/ })).toContainText(sam.name);

  await send('eob.png', 'image/png', Buffer.from(samplePng(60, 80)), 'EOB / remittance advice');
  await expect(form.getByRole('progressbar', { name: 'Uploading eob.png' })).toHaveAttribute('aria-valuenow', '100');
  await expect(table.getByRole('row', { name: /eob\.png/ })).toContainText('EOB / remittance advice');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('attached “eob.png” (EOB / remittance advice');
  await page.screenshot({ path: test.info().outputPath('attachments-panel-1440x900.png'), fullPage: true });

  const downloading = page.waitForEvent('download');
  await table.getByRole('link', { name: 'Download visit-notes.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('visit-notes.pdf');
  const saved = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of saved) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).equals(pdf)).toBe(true);

  await table.getByRole('button', { name: 'Remove eob.png' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this attachment?' });
  await expect(confirm).toContainText('“eob.png” (EOB / remittance advice');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(table.getByRole('row', { name: /eob\.png/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('removed the attachment “eob.png”');
  await expect(panel).toContainText('1 file');

  // A page saved as .pdf is refused by its content, with the server's reason.
  await send('scan.pdf', 'application/pdf', Buffer.from('<!DOCTYPE html><html><body>Not a scan</body></html>'), 'Other');
  await expect(form.getByRole('alert')).toContainText('“scan.pdf” is not a PDF, PNG, JPEG or TIFF file (checked by its content, not its name). It looks like an HTML page.');
  await expect(table.getByRole('row', { name: /scan\.pdf/ })).toHaveCount(0);
});

test('on an appeal, a specialist attaches a PDF and an image to it, builds the packet in their order and downloads it', async ({ page, data, signIn }) => {
  const { specialist, denial, template, appeal } = await appealReadyForLetter(data);
  await signIn(page, specialist);
  await page.goto(`/denials/${denial.id}/appeals/${appeal.id}`);
  await page.getByLabel('Template', { exact: true }).selectOption({ label: `${template.name} (v1)` });
  await page.getByRole('button', { name: 'Draft letter' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Drafted from “${template.name}”` })).toBeVisible();

  const panel = page.getByRole('region', { name: 'Attachments for this appeal' });
  const form = panel.getByRole('form', { name: 'Upload an attachment' });
  // On an appeal's page new files attach to it: no "Attach to" choice.
  await expect(form.getByLabel('Attach to')).toHaveCount(0);
  for (const [name, mimeType, buffer, kind] of [
    ['records.pdf', 'application/pdf', Buffer.from(await samplePdf(2, `Records ${data.tag}`)), 'Medical records'],
    ['auth.png', 'image/png', Buffer.from(samplePng(80, 100)), 'Authorization proof'],
  ] as const) {
    await form.getByLabel('File (PDF, PNG, JPEG or TIFF)').setInputFiles({ name, mimeType, buffer });
    await form.getByLabel('What it is').selectOption({ label: kind });
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect(form.getByRole('progressbar', { name: `Uploading ${name}` })).toHaveAttribute('aria-valuenow', '100');
    await expect(panel.getByRole('table', { name: 'Attachments for this appeal' }).getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }

  // Both files of this appeal are chosen; the image goes first.
  const packet = page.getByRole('region', { name: 'Appeal packet' });
  await expect(packet.getByRole('checkbox', { name: /records\.pdf/ })).toBeChecked();
  await expect(packet.getByRole('checkbox', { name: /auth\.png/ })).toBeChecked();
  await packet.getByRole('button', { name: 'Move auth.png up' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), packet.getByRole('button', { name: 'Build packet and download' }).click()]);
  expect(download.suggestedFilename()).toBe(`appeal-packet-${appeal.claimNumber}-level-1.pdf`);
  await expect(packet.getByRole('status')).toContainText(/Built and downloaded: \d+ pages/);
  const pdf = await pdfText(new Uint8Array(await readFile((await download.path())!)));
  expect(pdf.pages[0]).toContain(appeal.claimNumber);
  expect(pdf.pages[0]).toContain(denial.patientName);
  expect(pdf.pages[0]!.indexOf('auth.png')).toBeLessThan(pdf.pages[0]!.indexOf('records.pdf'));
  expect(pdf.text).toContain(`Records ${data.tag} page 2`);
  expect(pdf.pages.at(-1)).toContain(`page ${pdf.pages.length} of ${pdf.pages.length}`);
  // The appeal records it; the timeline of the denial says so.
  await expect(packet).toContainText(`${pdf.pages.length} pages`);
  await packet.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('appeal-files-1440x900.png') });
  await page.goto(`/denials/${denial.id}`);
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText(`built the level 1 appeal packet: ${pdf.pages.length} pages`);
});
