// An async-iterator face for the reader, for sources such as a fetch body or a file stream (the caller opens it:
// this module does no I/O). Events are yielded after each chunk, so memory is bounded by a chunk's claims.
import { Remit835Reader } from './reader';
import type { Claim, Interchange, ReadOptions, ReadResult, Transaction } from './types';

export type Remit835Event =
  | { type: 'claim'; claim: Claim; transaction: Transaction; interchange: Interchange }
  | { type: 'transaction'; transaction: Transaction; interchange: Interchange }
  | { type: 'end'; result: ReadResult };

export async function* read835(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: Omit<ReadOptions, 'onClaim' | 'onTransaction'> = {},
): AsyncGenerator<Remit835Event, void, undefined> {
  let events: Remit835Event[] = [];
  const reader = new Remit835Reader({
    ...options,
    onClaim: (claim, transaction, interchange) => events.push({ type: 'claim', claim, transaction, interchange }),
    onTransaction: (transaction, interchange) => events.push({ type: 'transaction', transaction, interchange }),
  });
  for await (const chunk of source) {
    const going = reader.push(chunk);
    if (events.length > 0) {
      const ready = events;
      events = [];
      yield* ready;
    }
    if (!going) break;
  }
  const result = reader.end();
  yield* events;
  yield { type: 'end', result };
}
