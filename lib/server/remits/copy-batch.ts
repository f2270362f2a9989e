import 'server-only';
import type pg from 'pg';
import type { CopyPayload } from './copy-rows';

// Several tables' COPY … FROM STDIN in one round trip. A COPY sent the usual way (pg-copy-streams) costs the
// server two waits on JavaScript: for the rows after it announces CopyInResponse, and for the next statement
// after ReadyForQuery. An import sends ~1,800 of them per 100 MB while the same thread parses the file, and the
// server spent ~2 s of a 20 s import waiting on those turns of the event loop (measured with a statement timeline).
//
// Here one simple-protocol Query holds every COPY statement of the batch, and the rows of each, with its CopyDone,
// follow at once in the same write. The server reads them in order; the protocol allows a Query message to hold
// several statements, COPY among them (protocol docs, "COPY Operations"). If one fails, the server discards the
// rest of the Query, reports the error, and ignores the CopyData/CopyDone messages still on their way (the backend
// accepts and ignores them outside COPY, "because a COPY failed, and the frontend is still sending data").
// The failure surfaces here, and the import rolls its transaction back.

const COPY_DATA = 0x64; // 'd'
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]); // 'c', length 4
/** CopyData messages of at most this many bytes: the server reads each whole into memory. */
const PIECE_BYTES = 1 << 20;

interface Connection {
  query(text: string): void;
  stream: { write(data: Uint8Array): boolean };
}

/** A pg submittable: pg hands it the connection when its turn comes and routes the server's replies to it. */
class CopyBatchQuery {
  private rows = 0;
  private failed = false;

  constructor(
    private readonly parts: readonly CopyPayload[],
    private readonly resolve: (rows: number) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  submit(connection: Connection): void {
    connection.query(this.parts.map((p) => p.statement).join(';\n'));
    for (const { payload } of this.parts) {
      for (let at = 0; at < payload.length; at += PIECE_BYTES) {
        const piece = payload.subarray(at, Math.min(payload.length, at + PIECE_BYTES));
        const header = Buffer.allocUnsafe(5);
        header[0] = COPY_DATA;
        header.writeUInt32BE(piece.length + 4, 1);
        connection.stream.write(header);
        connection.stream.write(piece);
      }
      connection.stream.write(COPY_DONE);
    }
  }

  /** The rows were sent with the statements: nothing to do when the server asks for them. */
  handleCopyInResponse(): void {}

  handleCommandComplete(message: { text?: string }): void {
    const copied = /^COPY (\d+)$/.exec(message.text ?? '');
    if (copied) this.rows += Number(copied[1]);
  }

  handleError(error: unknown): void {
    this.failed = true;
    this.reject(error);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve(this.rows);
  }

  // Never sent in reply to COPY FROM STDIN; present because pg calls them on whatever query is active.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Sends the pending rows of `tables`, in this order, as one batch (parents first: each statement's parent checks
 * see the rows of the statements before it). Resolves to the number of rows written once the server has them
 * all; tables with nothing pending are left out.
 */
export function copyTables(client: pg.ClientBase, tables: readonly { take(): CopyPayload | null }[]): Promise<number> {
  const parts = tables.map((t) => t.take()).filter((p): p is CopyPayload => p !== null);
  if (parts.length === 0) return Promise.resolve(0);
  return new Promise((resolve, reject) => {
    client.query(new CopyBatchQuery(parts, resolve, reject) as unknown as pg.Submittable);
  });
}
