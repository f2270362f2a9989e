import 'server-only';
import { randomFillSync } from 'node:crypto';

// Ids are made here, before any row is written, so a claim, its lines, adjustments and denial go to the
// database in one pass without reading ids back.
//
// UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, a 12-bit counter (monotonic within a millisecond,
// §6.2 method 1), then the variant and 62 random bits from crypto.randomFillSync. Ids made one after another
// sort one after another, so a bulk import appends at the right edge of every primary-key and foreign-key
// index (claimId on lines, adjustments, remarks, denials) instead of dirtying a random leaf page per row.
// Still a standard UUID in the same uuid columns as Prisma's v4 ids; it does reveal when the row was made.

let lastMs = 0;
let counter = 0;
let prefix = '';
/** "7xxx-" for each 12-bit counter value: the version nibble and the counter. */
const COUNTER = Array.from({ length: 0x1000 }, (_, i) => `7${i.toString(16).padStart(3, '0')}-`);
/** The variant (binary 10) and two random bits. */
const VARIANT = ['8', '9', 'a', 'b'];
// Random bits come from a pooled buffer turned into hex once: slicing it is ~5× cheaper than a randomUUID per id.
const POOL = Buffer.allocUnsafe(8192);
let hex = '';
let at = 0;

/** "tttttttt-tttt-": the 48-bit millisecond timestamp, made once per millisecond. */
function timePrefix(ms: number): string {
  const digits = ms.toString(16).padStart(12, '0');
  return `${digits.slice(0, 8)}-${digits.slice(8)}-`;
}

export function newId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
    prefix = timePrefix(now);
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond (or the clock stepped back): borrow the next millisecond.
    lastMs++;
    counter = 0;
    prefix = timePrefix(lastMs);
  }
  if (at + 18 > hex.length) {
    randomFillSync(POOL);
    hex = POOL.toString('hex');
    at = 0;
  }
  // Byte at/2 gives the variant's two random bits; the next 15 hex digits (60 bits) follow it.
  const id = `${prefix}${COUNTER[counter]}${VARIANT[POOL[at >> 1]! & 3]}${hex.slice(at + 2, at + 5)}-${hex.slice(at + 5, at + 17)}`;
  at += 18;
  return id;
}
