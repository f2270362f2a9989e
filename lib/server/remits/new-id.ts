import 'server-only';
import { randomUUID } from 'node:crypto';

// Ids are made here, before any row is written, so a claim, its lines, adjustments and denial go to the
// database in one pass without reading ids back.
//
// UUIDv7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, a 12-bit counter (monotonic within a millisecond,
// §6.2 method 1), then the variant and 62 random bits taken from crypto.randomUUID. Ids made one after another
// sort one after another, so a bulk import appends at the right edge of every primary-key and foreign-key
// index (claimId on lines, adjustments, remarks, denials) instead of dirtying a random leaf page per row.
// Still a standard UUID in the same uuid columns as Prisma's v4 ids; it does reveal when the row was made.

let lastMs = 0;
let counter = 0;
let prefix = '';
/** "7xxx-" for each 12-bit counter value: the version nibble and the counter. */
const COUNTER = Array.from({ length: 0x1000 }, (_, i) => `7${i.toString(16).padStart(3, '0')}-`);

/** "tttttttt-tttt-": the 48-bit millisecond timestamp, made once per millisecond. */
function timePrefix(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-`;
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
  // The last 17 characters of a random v4 UUID are its variant and 62 random bits: exactly v7's tail.
  return prefix + COUNTER[counter] + randomUUID().slice(19);
}
