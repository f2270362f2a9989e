import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorizeRecord, authorizeRole } from '../authorize';
import { db } from '../db';
import { IMPORTER_SELECT, importScope } from './import-scope';

export interface RawFile {
  filename: string;
  format: 'x12_835' | 'csv';
  content: Uint8Array;
}

/**
 * The uploaded bytes as they arrived. A raw remittance names every patient in it, so only a role with
 * download_raw_file reaching the import may have it, and each download is an audited PHI read.
 */
export async function readRawFile(actor: Actor, fileId: string): Promise<RawFile> {
  authorizeRole(actor, 'download_raw_file', 'Your role does not include raw remittance files.');
  const file = await db.remittanceFile.findUnique({
    where: { id: fileId },
    select: { filename: true, format: true, content: true, sizeBytes: true, sha256: true, ...IMPORTER_SELECT },
  });
  authorizeRecord(actor, 'download_raw_file', file, importScope, 'No such import.');
  await audit(actor, {
    action: 'imports.raw_download',
    entityType: 'remittance_file',
    entityId: fileId,
    phi: true,
    details: { filename: file.filename, sizeBytes: file.sizeBytes, sha256: file.sha256 },
  });
  return { filename: file.filename, format: file.format, content: file.content };
}
