import { describe, expect, it } from 'vitest';
import { csvPreviewSlice, CSV_PREVIEW_BYTES, detectImportKind, looksLikeX12 } from '@/lib/client/import-files';

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250105*1200*^*00501*000000001*0*P*:~';

describe('which import a picked file goes to', () => {
  it.each([
    ['an interchange', ISA, true],
    ['an interchange after a BOM and blank lines', `\uFEFF\n\n  ${ISA}`, true],
    ['an interchange with another element separator', ISA.replaceAll('*', '|'), true],
    ['a bare transaction set', 'ST*835*0001~BPR*I*1.00', true],
    ['a CSV header', 'Account,Payer,CARC\n1,A,50', false],
    ['a CSV mentioning ST in a cell', 'note\nST 835 is fine\n', false],
  ])('%s is%s X12', (_what, head, expected) => {
    expect(looksLikeX12(head)).toBe(expected);
  });

  it.each([
    ['remit.835', ISA, 'x12'],
    ['remit.txt', ISA, 'x12'],
    ['no-extension', ISA, 'x12'],
    ['export.csv', 'a,b\n1,2\n', 'csv'],
    ['export.txt', 'a,b\n1,2\n', 'csv'],
    ['garbled.edi', 'not an interchange', 'x12'], // the server answers with a positioned parse error
    ['photo.png', '\u0089PNG', null],
  ])('%s goes to %s', async (name, text, kind) => {
    expect(await detectImportKind(new File([text], name))).toBe(kind);
  });
});

describe('the slice of a CSV sent for its preview', () => {
  it('is the whole file when small', async () => {
    const file = new File(['a,b\n1,2\n'], 'x.csv');
    const { blob, partial } = await csvPreviewSlice(file);
    expect(partial).toBe(false);
    expect(await blob.text()).toBe('a,b\n1,2\n');
  });

  it('is cut at the last line break inside the limit, so no row arrives half-read', async () => {
    const row = 'CLAIM123,PAYER,125.00,0.00,50\n';
    const file = new File(['h1,h2,h3,h4,h5\n', row.repeat(Math.ceil(CSV_PREVIEW_BYTES / row.length) + 10)], 'big.csv');
    const { blob, partial } = await csvPreviewSlice(file);
    expect(partial).toBe(true);
    const text = await blob.text();
    expect(text.length).toBeLessThanOrEqual(CSV_PREVIEW_BYTES);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n').slice(1, -1).every((line) => `${line}\n` === row)).toBe(true);
  });
});
