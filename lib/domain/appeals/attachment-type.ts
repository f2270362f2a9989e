// What an attachment may be (issue 13): a PDF, PNG, JPEG or TIFF, told by its first bytes — never by its name or
// the browser's Content-Type, which anyone can set — of at most the configured size, under a name fit to show.
// Names are never used as paths: files are stored by their SHA-256, and the name is only a label. So a name with
// a path in it is refused at upload (it means a client sent more than the file's own name), and displayFilename
// strips path parts and control characters from any name before it is stored or shown.

export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

/** 25 MB (issue 13); the server's ATTACHMENT_MAX_BYTES can change it. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const MAX_FILENAME_LENGTH = 200;
/** How many leading bytes sniffAttachmentType needs. */
export const SNIFF_BYTES = 8;

const SIGNATURES: readonly { type: AttachmentType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-" (ISO 32000-1 §7.5.2)
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG signature (RFC 2083 §3.1)
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] }, // SOI marker, then the first segment's marker
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] }, // "II*\0": little-endian TIFF (TIFF 6.0 §2)
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // "MM\0*": big-endian TIFF
];

export const ATTACHMENT_TYPE_NAMES: Record<AttachmentType, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/tiff': 'TIFF',
};

/** The file's type from its first bytes (SNIFF_BYTES are enough), or null for anything else. */
export function sniffAttachmentType(firstBytes: Uint8Array): AttachmentType | null {
  const match = SIGNATURES.find((s) => s.bytes.length <= firstBytes.length && s.bytes.every((b, i) => firstBytes[i] === b));
  return match?.type ?? null;
}

// C0 controls, DEL and C1 controls: a line break or an escape sequence in a name would forge log lines and headers.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const SEPARATOR = /[/\\]/;

/** The name to store and show: the last path part, without control characters. '../../etc/passwd' → 'passwd'. */
export function displayFilename(name: string): string {
  const parts = name.replace(CONTROL, '').split(/[/\\]/);
  const last = parts
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '.' && p !== '..')
    .at(-1);
  return last ?? 'file';
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export interface AttachmentCheck {
  filename: string;
  sizeBytes: number;
  /** At least the file's first SNIFF_BYTES bytes (the whole file will do). */
  firstBytes: Uint8Array;
  maxBytes?: number;
}

/** Why this upload cannot be an attachment, in words for the person uploading it; null when it can. */
export function attachmentProblem({ filename, sizeBytes, firstBytes, maxBytes = DEFAULT_ATTACHMENT_MAX_BYTES }: AttachmentCheck): string | null {
  const name = filename.trim();
  if (name === '') return 'The file has no name; give it one and upload it again.';
  if ([...name].length > MAX_FILENAME_LENGTH) {
    return `The file name is longer than ${MAX_FILENAME_LENGTH} characters; rename the file and upload it again.`;
  }
  if (new RegExp(CONTROL.source).test(name)) {
    return `The file name “${displayFilename(name)}” contains control characters (such as a line break); rename the file and upload it again.`;
  }
  if (SEPARATOR.test(name) || name === '.' || name === '..') {
    return `“${name}” is a path, not a file name; upload the file under its own name (it would be stored as “${displayFilename(name)}”).`;
  }
  if (sizeBytes <= 0) return `“${name}” is empty (0 bytes).`;
  if (sizeBytes > maxBytes) return `“${name}” is ${megabytes(sizeBytes)}; the limit is ${megabytes(maxBytes)} per file.`;
  if (sniffAttachmentType(firstBytes) === null) {
    return `“${name}” is not a PDF, PNG, JPEG or TIFF file (checked by its content, not its name).`;
  }
  return null;
}
