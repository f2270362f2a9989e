import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorizeRecord, authorizeRole } from '../authorize';
import { checkOut, db } from '../db';
import { readChunks } from '../remits/file-chunks';
import { IMPORTER_SELECT, importScope } from './import-scope';

export interface RawFile {
  filename: string;
  format: 'x12_835' | 'csv';
  sizeBytes: number;
  /** The bytes as stored, chunk by chunk (file-chunks.ts): a file of any size is sent without being held whole. */
  content: ReadableStream<Uint8Array>;
}

/**
 * The uploaded bytes as they arrived. A raw remittance names every patient in it, so only a role with
 * download_raw_file reaching the import may have it, and each download is an audited PHI read.
 */
export async function readRawFile(actor: Actor, fileId: string): Promise<RawFile> {
  authorizeRole(actor, 'download_raw_file', 'Your role does not include raw remittance files.');
  const file = await db.remittanceFile.findUnique({
    where: { id: fileId },
    select: { filename: true, format: true, sizeBytes: true, sha256: true, ...IMPORTER_SELECT },
  });
  authorizeRecord(actor, 'download_raw_file', file, importScope, 'No such import.');
  const sizeBytes = Number(file.sizeBytes);
  await audit(actor, {
    action: 'imports.raw_download',
    entityType: 'remittance_file',
    entityId: fileId,
    phi: true,
    details: { filename: file.filename, sizeBytes, sha256: file.sha256 },
  });
  return { filename: file.filename, format: file.format, sizeBytes, content: chunkStream(fileId) };
}

/**
 * A pull stream over the chunks: the next is read from the pool only when the response wants more, so a slow
 * client holds one chunk, not the file. Each read is its own statement: committed chunks never change.
 */
function chunkStream(fileId: string): ReadableStream<Uint8Array> {
  const chunks = readChunks((statement) => withPooled(statement), fileId);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return();
    },
  });
}

async function withPooled<T>(statement: (client: import('pg').PoolClient) => Promise<T>): Promise<T> {
  const client = await checkOut();
  try {
    return await statement(client);
  } finally {
    client.release();
  }
}
