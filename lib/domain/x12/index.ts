// The X12 835 reader (005010X221A1, and 004010X091A1 files): pure, no I/O, no clock.
//   parse835(text | bytes)         whole input → ReadResult with the file tree and its claims
//   new Remit835Reader(options)    push(chunk) … end() → claims via onClaim as they complete, bounded memory
//   read835(asyncIterable)         the same as async events: claim, transaction, end
export { parse835 } from './parse-835';
export { Remit835Reader } from './reader';
export { read835, type Remit835Event } from './stream';
export { parseCents, formatCents } from './money';
export { claimBalance, lineBalance, transactionBalance, sumAdjustments } from './balance';
export type { X12Error, X12ErrorCode, X12Issue, X12Warning, X12WarningCode } from './issues';
export type * from './types';
