import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorizeRole } from '../authorize';
import { db } from '../db';
import { isoDate } from '../denials/dto';
import { AppError } from '../errors';
import { SHA256_PREFIX_LENGTH } from './attachment-dto';
import { ATTACHMENT_NOT_FOUND, appealLabel, lockDenial } from './attachment-scope';

/**
 * Removes a file from its denial: hidden from the list and from new packets, the row kept (decision 0021), with a
 * timeline event and an audit event. A file in the recorded packet of a submitted appeal went to the payer and
 * stays: the packet's hash names exactly what was sent.
 */
export async function removeAttachment(actor: Actor, attachmentId: string): Promise<void> {
  authorizeRole(actor, 'edit_denial', 'Your role does not allow removing attachments.');
  await db.$transaction(async (tx) => {
    const row = await tx.attachment.findUnique({
      where: { id: attachmentId },
      select: { id: true, denialId: true, filename: true, kind: true, sizeBytes: true, sha256: true, appealId: true, removedAt: true },
    });
    if (!row || row.removedAt) throw new AppError('not_found', ATTACHMENT_NOT_FOUND);
    await lockDenial(tx, actor, row.denialId, 'edit_denial').catch((error: unknown) => {
      // Another team's file reads as a missing one, not as a missing denial.
      throw error instanceof AppError && error.code === 'not_found' ? new AppError('not_found', ATTACHMENT_NOT_FOUND) : error;
    });
    const sent = await tx.appeal.findFirst({
      where: { denialId: row.denialId, submittedAt: { not: null }, packetAttachmentIds: { has: row.id } },
      select: { level: true, submittedAt: true },
    });
    if (sent) {
      throw new AppError(
        'conflict',
        `“${row.filename}” went to the payer in the ${appealLabel(sent.level)} packet (submitted ${isoDate(sent.submittedAt)}): it is part of what was sent, so it stays.`,
      );
    }
    await tx.attachment.update({ where: { id: row.id }, data: { removedAt: new Date(), removedById: actor.id } });
    const appeal = row.appealId ? await tx.appeal.findUnique({ where: { id: row.appealId }, select: { level: true } }) : null;
    const facts = { attachmentId: row.id, filename: row.filename, kind: row.kind, sizeBytes: row.sizeBytes, sha256: row.sha256.slice(0, SHA256_PREFIX_LENGTH), appealLevel: appeal?.level ?? null };
    await tx.denialEvent.create({ data: { denialId: row.denialId, actorId: actor.id, type: 'attachment', data: { action: 'removed', ...facts } } });
    await audit(actor, { action: 'attachment.remove', entityType: 'attachment', entityId: row.id, details: { ...facts, denialId: row.denialId } }, tx);
  });
}
