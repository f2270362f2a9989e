// The incremental 835 reader: feed it text or bytes in chunks of any size, get claims as they complete.
// Memory is bounded by one segment plus what the caller chooses to retain (see ReadOptions.retainClaims).
import { EnvelopeReader } from './envelope';
import { WarningLog, X12Stop, type X12Error } from './issues';
import { SegmentScanner } from './scanner';
import type { ReadOptions, ReadResult, ReadStats } from './types';
import { Utf8Chunks } from './utf8';

const DEFAULT_MAX_WARNINGS = 1000;
/** Below V8's largest young-generation object (128 KiB on 64-bit), as one-byte text. */
const PIECE_BYTES = 64 * 1024;

export class Remit835Reader {
  private readonly warnings: WarningLog;
  private readonly envelope: EnvelopeReader;
  private readonly scanner: SegmentScanner;
  private decoder: Utf8Chunks | null = null;
  private readonly asciiText: ReadOptions['asciiText'] | null;
  private failure: X12Error | null = null;
  private ended = false;
  private readonly stats: ReadStats = { segments: 0, transactions: 0, claims: 0 };

  constructor(options: ReadOptions = {}) {
    this.warnings = new WarningLog(options.maxWarnings ?? DEFAULT_MAX_WARNINGS);
    this.asciiText = options.asciiText ?? null;
    const stats = this.stats;
    this.envelope = new EnvelopeReader({
      retainClaims: options.retainClaims ?? false,
      warn: (warning) => this.warnings.add(warning),
      claim: (claim, transaction) => {
        stats.claims++;
        options.onClaim?.(claim, transaction, this.envelope.currentInterchange!);
      },
      transaction: (transaction) => {
        stats.transactions++;
        options.onTransaction?.(transaction, this.envelope.currentInterchange!);
      },
    });
    this.scanner = new SegmentScanner(this.envelope);
  }

  /** The error the read stopped on, if any. */
  get error(): X12Error | null {
    return this.failure;
  }

  /**
   * Reads a chunk: a string, or UTF-8 bytes (decoded across chunk boundaries; a BOM is dropped). Give one kind
   * per read: bytes of a character split between chunks wait for the next byte chunk.
   * Returns false once the read has stopped on an error; later chunks are then ignored.
   */
  push(chunk: string | Uint8Array): boolean {
    if (this.failure !== null || this.ended) return false;
    if (typeof chunk !== 'string') {
      const decoder = (this.decoder ??= new Utf8Chunks(this.asciiText));
      // A plain Uint8Array view of a Buffer: the scan then only ever sees one kind of array (monomorphic loads).
      const plain = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      // Big chunks are read a piece at a time: each piece's text is then a young string that dies in the next
      // scavenge, where a megabyte of text is allocated in (and only freed with) the old generation.
      for (let at = 0; at < plain.length; at += PIECE_BYTES) {
        const piece = plain.length <= PIECE_BYTES ? plain : plain.subarray(at, at + PIECE_BYTES);
        const text = decoder.decode(piece);
        if (!this.guard(() => this.scanner.push(text, decoder.ascii))) return false;
      }
      return true;
    }
    // Text: the scanner copies it into character codes (chars.ts), which bytes that are ASCII give for free.
    return this.guard(() => this.scanner.push(chunk));
  }

  /** No more input: checks that the file ended where it may, and returns the result. */
  end(): ReadResult {
    if (!this.ended && this.failure === null) {
      this.ended = true;
      const rest = this.decoder?.end() ?? '';
      this.guard(() => {
        if (rest.length > 0) this.scanner.push(rest);
        this.scanner.finish();
        this.envelope.finish(this.scanner.segmentCount);
      });
    }
    this.ended = true;
    this.stats.segments = this.scanner.segmentCount;
    const common = { file: this.envelope.file, warnings: this.warnings.list(), warningCount: this.warnings.count, stats: { ...this.stats } };
    return this.failure === null ? { ok: true, ...common } : { ok: false, error: this.failure, ...common };
  }

  /** Parse errors stop the read and become the result; anything else (a bug, a throwing callback) propagates. */
  private guard(step: () => void): boolean {
    try {
      step();
      return true;
    } catch (thrown) {
      if (!(thrown instanceof X12Stop)) throw thrown;
      this.failure = thrown.issue;
      return false;
    }
  }
}
