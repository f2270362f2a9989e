import 'server-only';
import { createHash } from 'node:crypto';
import type pg from 'pg';

// A remittance file is stored as rows of remittance_file_chunk, CHUNK_BYTES each (the last one shorter), in seq
// order from 0 (docs/decisions/0034-chunked-files.md). Written as the bytes arrive and read back one row at a
// time, so memory holds a chunk or two whatever the file's size.

/**
 * Large enough that a 1 GB file is 256 rows and one INSERT's overhead is nothing next to its bytes (lz4 at
 * ~2 GB/s), small enough that two in memory (the one being read and the next) are noise beside the import.
 */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface StoredFile {
  sizeBytes: number;
  sha256: string;
  chunks: number;
}

/** Runs a statement on the import's connection (directly, or in turn with the writer's: SerialClient). */
export type RunOn = <T>(statement: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

const INSERT = 'INSERT INTO remittance_file_chunk ("fileId", seq, content) VALUES ($1, $2, $3)';
const SELECT = 'SELECT content FROM remittance_file_chunk WHERE "fileId" = $1 AND seq = $2';

/**
 * Writes `source` as the file's chunks on the caller's transaction, hashing it on the way. Pieces of any size
 * are gathered into full chunks (one buffer, reused only after its INSERT has taken it); a piece larger than a
 * chunk is cut. Errors thrown by the source (an upload cut off or too large) propagate: the caller rolls back.
 */
export async function storeChunks(client: pg.ClientBase, fileId: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, chunkBytes = CHUNK_BYTES): Promise<StoredFile> {
  const hash = createHash('sha256');
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let sizeBytes = 0;
  let seq = 0;
  const write = async () => {
    // A Buffer parameter travels in binary: the bytes are stored as they are, without a hex copy of them.
    await client.query(INSERT, [fileId, seq++, buffer.subarray(0, filled)]);
    buffer = Buffer.allocUnsafe(chunkBytes); // pg may still hold the last one's bytes in its write queue
    filled = 0;
  };
  for await (const piece of source) {
    hash.update(piece);
    sizeBytes += piece.byteLength;
    for (let at = 0; at < piece.byteLength; ) {
      const take = Math.min(chunkBytes - filled, piece.byteLength - at);
      buffer.set(piece.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === chunkBytes) await write();
    }
  }
  if (filled > 0) await write();
  return { sizeBytes, sha256: hash.digest('hex'), chunks: seq };
}

/**
 * The file's chunks in order, each read when the one before is handed out (the next is asked for then, so it
 * arrives while the caller works on the current one): at most two chunks in memory. `run` puts each read in
 * turn with whatever else uses the connection (an import's writer).
 */
export async function* readChunks(run: RunOn, fileId: string): AsyncGenerator<Uint8Array, void, undefined> {
  const read = (seq: number) => run(async (c) => (await c.query<{ content: Buffer }>(SELECT, [fileId, seq])).rows[0]?.content ?? null);
  let next = read(0);
  for (let seq = 1; ; seq++) {
    const chunk = await next;
    if (chunk === null) return;
    next = read(seq);
    // A rejection of the read ahead is seen by the next await; until then it must not count as unhandled.
    next.catch(() => undefined);
    yield chunk;
  }
}
