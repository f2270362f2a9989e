// UTF-8 chunks to text. TextDecoder's { stream: true } mode is about 4× slower than a one-shot decode (Node's fast
// UTF-8 path is only taken without it, and once a decoder streams it never takes it again), so each chunk is
// decoded in one shot up to its last complete character, and the bytes of a character cut by the chunk's end wait
// for the next chunk. The text is the same as a streaming decode's: a held tail starts at a lead byte, where a
// one-shot decoder is between characters (any incomplete sequence before it ends there either way, as one U+FFFD).

/** Bytes a sequence starting with this lead byte needs; 1 for ASCII, continuation and invalid bytes. */
function sequenceLength(lead: number): number {
  if (lead < 0xc0) return 1;
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  return lead < 0xf8 ? 4 : 1;
}

/** Length of the prefix of bytes that ends between characters (all of it unless it ends inside one). */
export function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  // The last lead byte is within the last 3 bytes when a character is cut (a sequence is at most 4 bytes).
  for (let i = length - 1; i >= 0 && i >= length - 3; i--) {
    const c = bytes[i]!;
    if (c < 0x80) return length;
    if (c >= 0xc0) return length - i < sequenceLength(c) ? i : length;
  }
  return length;
}

export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private held: Uint8Array | null = null;
  private started = false;
  private bom = false;
  /**
   * The bytes of the text last returned when it is ASCII, so byte i is the code of character i (the reader
   * reads values from them, chars.ts); else null. Valid until the next call: it may be the caller's buffer.
   */
  ascii: Uint8Array | null = null;

  /** asciiText: see ReadOptions.asciiText. */
  constructor(private readonly asciiText: ((bytes: Uint8Array) => string | null) | null = null) {}

  /** The text of the complete characters received so far (a byte order mark at the very start is dropped). */
  decode(chunk: Uint8Array): string {
    if (this.held === null && this.asciiText !== null) {
      // All ASCII: no character is cut at the end and there is no byte order mark (its bytes are not ASCII).
      const text = this.asciiText(chunk);
      if (text !== null) {
        this.started ||= text.length > 0;
        this.ascii = chunk;
        return text;
      }
    }
    let bytes = chunk;
    if (this.held !== null) {
      bytes = new Uint8Array(this.held.length + chunk.length);
      bytes.set(this.held);
      bytes.set(chunk, this.held.length);
      this.held = null;
    }
    const cut = completeLength(bytes);
    // A copy: the caller may reuse its buffer for the next chunk.
    if (cut < bytes.length) this.held = bytes.slice(cut);
    const whole = cut === bytes.length ? bytes : bytes.subarray(0, cut);
    const text = this.first(this.decoder.decode(whole));
    // UTF-8 never makes more characters than bytes, and as many only when each byte is one character: ASCII,
    // or invalid bytes each read as U+FFFD (whose code is not the byte's, so those do not count).
    const skipped = whole.length - text.length; // 3 when a byte order mark was dropped from ASCII text
    const oneEach = skipped === 0 || (skipped === 3 && this.bom);
    this.ascii = oneEach && text.indexOf('\uFFFD') < 0 ? whole.subarray(skipped) : null;
    this.bom = false;
    return text;
  }

  /** No more bytes: a character still cut short becomes U+FFFD, as at the end of any decode. */
  end(): string {
    const held = this.held;
    this.held = null;
    this.ascii = null;
    return held === null ? '' : this.first(this.decoder.decode(held));
  }

  private first(text: string): string {
    if (this.started || text.length === 0) return text;
    this.started = true;
    this.bom = text.charCodeAt(0) === 0xfeff;
    return this.bom ? text.slice(1) : text;
  }
}

