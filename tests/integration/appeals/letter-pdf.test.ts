import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseLetter } from '@/lib/domain/appeals/letter-format';
import { breakLongWords, renderLetterPdf } from '@/lib/server/appeals/letter-pdf';
import { mergedLetter } from '../../support/appeal-fixtures';
import { pdfText } from '../../support/pdf-text';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('renderLetterPdf', () => {
  it('prints the merged letter: claim number, the patient’s name with its accent, the official CARC description', async () => {
    const { text, pages } = await pdfText(await renderLetterPdf(mergedLetter()));
    expect(text).toContain('CLM-0042');
    expect(text).toContain('María Williams');
    expect(text.replace(/\s+/g, ' ')).toContain('These are non-covered services because this is not deemed a medical necessity by the payer.');
    expect(text).toContain('Riverside Family Practice');
    expect(text).toContain('NPI 1234567893 · TIN 37-1234567');
    expect(text).toContain('October 3, 2026 – October 4, 2026');
    expect(text).toContain('patient’s records');
    expect(pages[0]).toContain('Page 1 of');
  });

  it('wraps a long letter over pages, each footed "Page n of N"', async () => {
    const long = `# Long\n\n${Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}. ${'Words that wrap across the line. '.repeat(12)}`).join('\n\n')}\n\n${Array.from({ length: 40 }, (_, i) => `${i + 1}. **Item** ${i + 1}`).join('\n')}`;
    const { pages } = await pdfText(await renderLetterPdf({ ...mergedLetter(), blocks: parseLetter(long) }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(pages.join('\n')).toContain('Paragraph 30.');
    expect(pages.join('\n')).toContain('40.');
  });

  it('makes the same bytes for the same letter, so its SHA-256 names it', async () => {
    const input = mergedLetter();
    const [a, b] = [await renderLetterPdf(input), await renderLetterPdf(input)];
    expect(sha256(a)).toBe(sha256(b));
    expect(sha256(await renderLetterPdf({ ...input, date: '2026-12-06' }))).not.toBe(sha256(a));
  });

  it('embeds its fonts and uses none of the unembedded standard ones', async () => {
    const raw = Buffer.from(await renderLetterPdf(mergedLetter())).toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
  });

  // npm run fuzz found an 8,000-character word taking 8 s to wrap (pdfkit re-measures the rest of an overlong
  // word at every line): long words get zero-width break opportunities, invisible in the page and its text.
  it('breaks a word longer than a line into pieces that wrap, printing every character once', async () => {
    const word = `${'Ab😀'.repeat(2_000)}end`;
    const broken = breakLongWords(`short ${word} words`);
    expect(broken.replace(/\u200b/g, '')).toBe(`short ${word} words`);
    expect(Math.max(...broken.split(/[\s\u200b]/).map((piece) => Array.from(piece).length))).toBeLessThanOrEqual(40);
    expect(breakLongWords('An ordinary sentence stays as typed.')).toBe('An ordinary sentence stays as typed.');
    const { text, pages } = await pdfText(await renderLetterPdf({ ...mergedLetter(), blocks: parseLetter(`# Reference\n\n${'X'.repeat(20_000)}`) }));
    const printed = text.replace(/[\s\u200b]/g, '').replace(/Page\d+of\d+/g, ''); // the footers fall between pages
    expect(printed.includes('X'.repeat(20_000))).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});
