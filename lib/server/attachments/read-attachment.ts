import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorizeRecord, authorizeRole } from '../authorize';
import { db } from '../db';
import { ATTACHMENT_NOT_FOUND } from './attachment-scope';

export interface AttachmentFile {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/**
 * A file as it was uploaded, for download: a record of a patient's care, so it is an audited PHI read, and a file
 * outside the actor's reach (or removed) answers as a missing one.
 */
export async function readAttachment(actor: Actor, attachmentId: string): Promise<AttachmentFile> {
  authorizeRole(actor, 'view_denial', 'Your role does not include denial details.');
  const row = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: { filename: true, contentType: true, content: true, sizeBytes: true, sha256: true, denialId: true, removedAt: true, denial: { select: { teamId: true, ownerId: true } } },
  });
  const file = row && !row.removedAt ? row : null;
  authorizeRecord(actor, 'view_denial', file, (r) => r.denial, ATTACHMENT_NOT_FOUND);
  await audit(actor, {
    action: 'attachment.download',
    entityType: 'attachment',
    entityId: attachmentId,
    phi: true,
    details: { denialId: file.denialId, filename: file.filename, sizeBytes: file.sizeBytes, sha256: file.sha256 },
  });
  return { filename: file.filename, contentType: file.contentType, content: file.content };
}
