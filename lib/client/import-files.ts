// Which import a picked file goes to, and the slice of a CSV sent for its preview.

export type ImportKind = 'x12' | 'csv';

const X12_EXTENSIONS = ['.835', '.edi', '.x12', '.txt'];
const SNIFF_BYTES = 1024;
/** The CSV route refuses more than this in one request (lib/server/imports/read-upload.ts: a CSV is read whole). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/**
 * The 835 route's default cap (UPLOAD_MAX_BYTES, lib/env.ts): an 835 is stored in chunks as it arrives. A
 * server set lower answers 413 naming its own limit.
 */
export const MAX_X12_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
/** The preview needs a header and a few rows; a 200 MB export need not travel twice. */
export const CSV_PREVIEW_BYTES = 256 * 1024;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot).toLowerCase();
}

/** An interchange starts with ISA (after an optional BOM or whitespace); a bare transaction has ST*835. */
export function looksLikeX12(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  return /^ISA./.test(text) || /(^|[^A-Z0-9])ST[^A-Za-z0-9 ]835[^0-9]/.test(text);
}

/** Content first (a .txt may hold either), then the extension; null when it is neither. */
export async function detectImportKind(file: File): Promise<ImportKind | null> {
  const head = await file.slice(0, SNIFF_BYTES).text();
  if (looksLikeX12(head)) return 'x12';
  const ext = extensionOf(file.name);
  if (ext === '.csv' || file.type === 'text/csv') return 'csv';
  if (X12_EXTENSIONS.includes(ext)) return ext === '.txt' && head.includes(',') ? 'csv' : 'x12';
  return null;
}

/** The start of the file, cut at the last line break so no row arrives half-read. */
export async function csvPreviewSlice(file: File): Promise<{ blob: Blob; partial: boolean }> {
  if (file.size <= CSV_PREVIEW_BYTES) return { blob: file, partial: false };
  const bytes = new Uint8Array(await file.slice(0, CSV_PREVIEW_BYTES).arrayBuffer());
  const lastBreak = bytes.lastIndexOf(0x0a);
  return { blob: new Blob([lastBreak > 0 ? bytes.subarray(0, lastBreak + 1) : bytes]), partial: true };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
