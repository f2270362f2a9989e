import 'server-only';
import { audit, type AuditActor } from '../audit';
import { db } from '../db';
import { AppError } from '../errors';

export interface RawFile {
  filename: string;
  format: 'x12_835' | 'csv';
  content: Uint8Array;
}

/**
 * The uploaded bytes as they arrived. A raw remittance names every patient in it, so each download is
 * an audited PHI read (the route allows only the roles with download_raw_file).
 */
export async function readRawFile(actor: AuditActor, fileId: string): Promise<RawFile> {
  const file = await db.remittanceFile.findUnique({
    where: { id: fileId },
    select: { filename: true, format: true, content: true, sizeBytes: true, sha256: true },
  });
  if (!file) throw new AppError('not_found', 'No such import.');
  await audit(actor, {
    action: 'imports.raw_download',
    entityType: 'remittance_file',
    entityId: fileId,
    phi: true,
    details: { filename: file.filename, sizeBytes: file.sizeBytes, sha256: file.sha256 },
  });
  return { filename: file.filename, format: file.format, content: file.content };
}
