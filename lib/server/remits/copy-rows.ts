import 'server-only';
import type pg from 'pg';
import { copyTables } from './copy-batch';

// Bulk rows in PostgreSQL's COPY text format: untyped columns, for bulk writes where convenience matters more
// than the last second (the demo seed's work history). The import's own tables use the binary format, which
// the server reads faster (binary-rows.ts). Either is sent with copy-batch.ts, several tables in one round trip.
// COPY is ~100× faster than Prisma createMany through the adapter (issue 3 measured 365k vs 3.5k rows/s), which
// is the difference between seconds and an hour for a big 835.

/** One table's rows, encoded and ready to send: the COPY statement and its data. */
export interface CopyPayload {
  statement: string;
  payload: Buffer;
  count: number;
}

export type CopyValue = string | number | bigint | boolean | null | undefined | readonly string[];

/**
 * A column whose values never hold a backslash, tab or newline (ids, dates, timestamps, enum values): written
 * without the escape check. Name it with a leading `=`, e.g. `=id`.
 */
const PLAIN = '=';

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** Rows are gathered into strings of about this many characters before they are encoded to bytes. */
const PENDING_CHARS = 16 * 1024;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text: backslash, tab, newline and carriage return are escaped; everything else is literal. */
function escapeText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value;
}

/** An array literal ({"a","b"}): every element quoted, so commas, braces and NULL-looking text stay text. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function encode(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot store ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  return escapeText(arrayLiteral(value));
}

/** One table's pending rows. Columns are the model's (camelCase) names; the rest take their defaults. */
export class CopyRows {
  // Rows are encoded into a growing byte buffer a few kilobytes at a time, so the row strings die young instead
  // of lingering as one long concatenated string until the batch is sent (which cost more in GC than the rest).
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  count = 0;
  readonly columns: readonly string[];
  private readonly plain: boolean[];
  private readonly statement: string;

  constructor(
    readonly table: string,
    columns: readonly string[],
  ) {
    this.columns = columns.map((c) => (c.startsWith(PLAIN) ? c.slice(1) : c));
    this.plain = columns.map((c) => c.startsWith(PLAIN));
    this.statement = `COPY "${table}" (${this.columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
  }

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) throw new RangeError(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let row = '';
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const cell = typeof value === 'string' && this.plain[i] ? value : encode(value);
      row += i === 0 ? cell : `\t${cell}`;
    }
    this.pending.push(row);
    this.pendingChars += row.length + 1;
    this.count++;
    if (this.pendingChars >= PENDING_CHARS) this.spill();
  }

  private spill(): void {
    if (this.pending.length === 0) return;
    // join builds one flat string; appending row by row would make a rope that is flattened again to encode it.
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingChars = 0;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** Hands over the pending rows (null if none) and starts empty again. */
  take(): CopyPayload | null {
    const count = this.count;
    if (count === 0) return null;
    this.spill();
    const payload = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(64 * 1024);
    this.length = 0;
    this.count = 0;
    return { statement: this.statement, payload, count };
  }

  /** Sends the pending rows (if any) and starts empty again. Resolves once the server has them all. */
  copy(client: pg.ClientBase): Promise<number> {
    return copyTables(client, [this]);
  }
}
