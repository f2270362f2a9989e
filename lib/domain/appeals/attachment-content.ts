// What a refused upload looks like it is, so the refusal can say so ("looks like a Windows program") instead of
// only what it is not. A guess from the first bytes for the message only: acceptance is sniffAttachmentType's.

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const KNOWN: readonly { signature: readonly number[]; what: string }[] = [
  { signature: ascii('MZ'), what: 'a Windows program (.exe or .dll)' },
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program (ELF)' },
  { signature: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a Word, Excel or PowerPoint file)' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an older Microsoft Office file (.doc or .xls)' },
  { signature: ascii('GIF8'), what: 'a GIF image' },
  { signature: ascii('RIFF'), what: 'a RIFF file (WebP image, WAV or AVI)' },
  { signature: ascii('{\\rtf'), what: 'a rich text (RTF) document' },
  { signature: ascii('%!PS'), what: 'a PostScript file' },
  { signature: [0x1f, 0x8b], what: 'a gzip archive' },
];

/** What the content seems to be, in words ("an HTML page", "plain text"), or null when it cannot be told. */
export function describeContent(firstBytes: Uint8Array): string | null {
  const known = KNOWN.find((k) => firstBytes.length >= k.signature.length && startsWith(firstBytes, k.signature));
  if (known) return known.what;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(firstBytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|script|svg|\?xml)/.test(head)) return head.startsWith('<svg') || head.startsWith('<?xml') ? 'an XML or SVG document' : 'an HTML page';
  const sample = firstBytes.subarray(0, 512);
  if (sample.length > 0 && sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f))) return 'plain text';
  return null;
}
