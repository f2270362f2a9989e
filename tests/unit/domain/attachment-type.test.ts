import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  attachmentProblem,
  displayFilename,
  sniffAttachmentType,
} from '@/lib/domain/appeals/attachment-type';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

const PDF = bytes('%PDF-1.7\n');
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF');
const TIFF_LE = bytes('II', 0x2a, 0, 8, 0, 0, 0);
const TIFF_BE = bytes('MM', 0, 0x2a, 0, 0, 0, 8);

describe('sniffAttachmentType', () => {
  it.each([
    ['a PDF header', PDF, 'application/pdf'],
    ['the PNG signature', PNG, 'image/png'],
    ['a JPEG start-of-image marker', JPEG, 'image/jpeg'],
    ['a little-endian TIFF header', TIFF_LE, 'image/tiff'],
    ['a big-endian TIFF header', TIFF_BE, 'image/tiff'],
    ['a GIF', bytes('GIF89a'), null],
    ['a ZIP (docx, xlsx)', bytes('PK', 3, 4), null],
    ['HTML', bytes('<!doctype html>'), null],
    ['a PDF header after a byte of junk', bytes(' %PDF-1.4'), null],
    ['a truncated PNG signature', bytes(0x89, 'PNG'), null],
    ['nothing', new Uint8Array(), null],
    ['BigTIFF (not read by the decoder)', bytes('II', 0x2b, 0), null],
  ])('recognises %s', (_, input, expected) => {
    expect(sniffAttachmentType(input)).toBe(expected);
  });
});

describe('displayFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\dana\\Desktop\\EOB March.pdf', 'EOB March.pdf'],
    ['records/2026/visit.pdf', 'visit.pdf'],
    ['  scan 1.tiff  ', 'scan 1.tiff'],
    ['line\nbreak.pdf', 'linebreak.pdf'],
    ['bell\u0007.png', 'bell.png'],
    ['María – notas’ · 1.pdf', 'María – notas’ · 1.pdf'],
    ['..', 'file'],
    ['/', 'file'],
    ['dir/..', 'dir'],
  ])('stores %j as %j', (input, expected) => {
    expect(displayFilename(input)).toBe(expected);
  });
});

describe('attachmentProblem', () => {
  const ok = { filename: 'records.pdf', sizeBytes: 1000, firstBytes: PDF };

  it.each([
    ['a PDF', ok],
    ['a PNG', { ...ok, filename: 'eob.png', firstBytes: PNG }],
    ['a JPEG named .pdf (the content decides)', { ...ok, filename: 'photo.pdf', firstBytes: JPEG }],
    ['a TIFF', { ...ok, filename: 'fax.tif', firstBytes: TIFF_BE }],
    ['a file of exactly 25 MB', { ...ok, sizeBytes: DEFAULT_ATTACHMENT_MAX_BYTES }],
    ['a name of 200 characters', { ...ok, filename: `${'é'.repeat(196)}.pdf` }],
  ])('accepts %s', (_, input) => {
    expect(attachmentProblem(input)).toBeNull();
  });

  it.each([
    ['a Word file named .pdf', { ...ok, firstBytes: bytes('PK', 3, 4) }, '“records.pdf” is not a PDF, PNG, JPEG or TIFF file (checked by its content, not its name).'],
    ['an empty file', { ...ok, sizeBytes: 0, firstBytes: new Uint8Array() }, '“records.pdf” is empty (0 bytes).'],
    ['a file over 25 MB', { ...ok, sizeBytes: DEFAULT_ATTACHMENT_MAX_BYTES + 1 }, '“records.pdf” is 25.0 MB; the limit is 25 MB per file.'],
    ['a file over a configured 1 MB', { ...ok, sizeBytes: 3 * 1024 * 1024, maxBytes: 1024 * 1024 }, '“records.pdf” is 3 MB; the limit is 1 MB per file.'],
    ['a name of 201 characters', { ...ok, filename: `${'a'.repeat(197)}.pdf` }, 'The file name is longer than 200 characters; rename the file and upload it again.'],
    ['a name with a line break', { ...ok, filename: 'a\nb.pdf' }, 'The file name “ab.pdf” contains control characters (such as a line break); rename the file and upload it again.'],
    ['a name with an escape', { ...ok, filename: 'a\u001b[31m.pdf' }, 'The file name “a[31m.pdf” contains control characters (such as a line break); rename the file and upload it again.'],
    ['a path up the tree', { ...ok, filename: '../../etc/passwd' }, '“../../etc/passwd” is a path, not a file name; upload the file under its own name (it would be stored as “passwd”).'],
    ['a Windows path', { ...ok, filename: 'C:\\x\\y.pdf' }, '“C:\\x\\y.pdf” is a path, not a file name; upload the file under its own name (it would be stored as “y.pdf”).'],
    ['the name ".."', { ...ok, filename: '..' }, '“..” is a path, not a file name; upload the file under its own name (it would be stored as “file”).'],
    ['no name', { ...ok, filename: '   ' }, 'The file has no name; give it one and upload it again.'],
  ])('refuses %s', (_, input, message) => {
    expect(attachmentProblem(input)).toBe(message);
  });

  it('checks the name before the size and the size before the content', () => {
    expect(attachmentProblem({ filename: '../x', sizeBytes: 0, firstBytes: new Uint8Array() })).toMatch(/is a path/);
    expect(attachmentProblem({ filename: 'x.exe', sizeBytes: DEFAULT_ATTACHMENT_MAX_BYTES * 2, firstBytes: bytes('MZ') })).toMatch(/the limit is 25 MB/);
  });
});
