// Whole-input convenience over the same reader: fine for uploads of a few megabytes; stream anything larger.
import { Remit835Reader } from './reader';
import type { ReadOptions, ReadResult } from './types';

/** Reads a complete 835 (text or UTF-8 bytes). Claims are kept on their transactions unless told otherwise. */
export function parse835(input: string | Uint8Array, options: ReadOptions = {}): ReadResult {
  const reader = new Remit835Reader({ retainClaims: true, ...options });
  reader.push(input);
  return reader.end();
}
