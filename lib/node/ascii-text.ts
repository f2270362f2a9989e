import { isAscii } from 'node:buffer';

// The 835 reader's ReadOptions.asciiText for Node: nearly every remittance is plain ASCII, and checking that
// (simdutf) then copying the bytes as Latin-1 costs about a third of a UTF-8 decode of the same chunk
// (measured on a 10 MB 835 in 1 MiB chunks: 1.5 ms against 4.9 ms). For ASCII the two give the same text.

export function asciiText(bytes: Uint8Array): string | null {
  if (!isAscii(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
