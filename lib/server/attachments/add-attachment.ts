import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ATTACHMENT_KINDS, attachmentKindLabel } from '@/lib/domain/appeals/attachment-kinds';
import { describeContent } from '@/lib/domain/appeals/attachment-content';
import { attachmentProblem, sniffAttachmentType } from '@/lib/domain/appeals/attachment-type';
import type { AttachmentDto } from '@/lib/domain/contracts/attachments';
import { sizeText } from '@/lib/domain/request-limits';
import type { Actor } from '@/lib/domain/permissions';
import { attachmentMaxBytes } from '../appeals/attachment-limit';
import { audit } from '../audit';
import { authorizeRole } from '../authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { ATTACHMENT_LIST_SELECT, SHA256_PREFIX_LENGTH, toAttachmentDto } from './attachment-dto';
import { appealLabel, lockDenial } from './attachment-scope';

export const addAttachmentInput = z.object({
  denialId: z.uuid(),
  appealId: z.uuid().optional(),
  kind: z.enum(ATTACHMENT_KINDS, { message: 'Choose what the file is (medical records, EOB, …).' }),
  /** The name as the browser gave it; attachmentProblem judges it (control characters, paths, length). */
  filename: z.string().max(1_000, 'The file name is too long; rename the file and upload it again.'),
});
export type AddAttachmentInput = z.infer<typeof addAttachmentInput>;

export const APPEAL_NOT_ON_DENIAL = 'This appeal does not exist on this denial.';

function refusal(filename: string, bytes: Uint8Array, maxBytes: number): AppError | null {
  if (bytes.byteLength > maxBytes) {
    return new AppError('too_large', `“${filename.trim()}” is larger than ${sizeText(maxBytes)}, the most one attachment may be.`);
  }
  const problem = attachmentProblem({ filename, sizeBytes: bytes.byteLength, firstBytes: bytes, maxBytes });
  if (!problem) return null;
  const seems = sniffAttachmentType(bytes) === null ? describeContent(bytes) : null;
  // "… is not a PDF, PNG, JPEG or TIFF file (checked by its content, not its name)." + what it looks like.
  return new AppError('invalid_input', seems ? `${problem} It looks like ${seems}.` : problem);
}

/**
 * Stores a file on a denial (or one of its appeals): checked by its content, its size and its name before
 * anything is written, named by its SHA-256, refused when the same content is already attached to the denial.
 * The timeline says it was added and the audit trail records it. The denial's version is not bumped: a file
 * changes nothing an edit was based on, so an upload never conflicts with someone's status change.
 */
export async function addAttachment(
  actor: Actor,
  input: AddAttachmentInput & { bytes: Uint8Array },
  options: { maxBytes?: number } = {},
): Promise<AttachmentDto> {
  authorizeRole(actor, 'edit_denial', 'Your role does not allow attaching files.');
  const { denialId, appealId, kind, filename } = addAttachmentInput.parse(input);
  const { bytes } = input;
  const refused = refusal(filename, bytes, options.maxBytes ?? attachmentMaxBytes());
  if (refused) throw refused;
  const contentType = sniffAttachmentType(bytes)!;
  const name = filename.trim();
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  return db.$transaction(
    async (tx) => {
      await lockDenial(tx, actor, denialId, 'edit_denial');
      let appeal: { id: string; level: string } | null = null;
      if (appealId) {
        const row = await tx.appeal.findFirst({ where: { id: appealId, denialId }, select: { id: true, level: true, decidedAt: true, outcome: true } });
        if (!row) throw new AppError('not_found', APPEAL_NOT_ON_DENIAL);
        if (row.decidedAt) {
          throw new AppError('invalid_input', `The ${appealLabel(row.level)} has been decided: attach the file to the denial, or to the next level’s appeal.`);
        }
        appeal = row;
      }
      const same = await tx.attachment.findFirst({
        where: { denialId, sha256, removedAt: null },
        select: { filename: true, kind: true, uploadedBy: { select: { name: true } }, createdAt: true },
      });
      if (same) {
        throw new AppError('conflict', `This file is already attached to the denial as “${same.filename}” (${attachmentKindLabel(same.kind)}${same.uploadedBy ? `, added by ${same.uploadedBy.name}` : ''}).`);
      }
      const row = await tx.attachment.create({
        data: { denialId, appealId: appeal?.id ?? null, filename: name, kind, contentType, sizeBytes: bytes.byteLength, sha256, content: bytes as Uint8Array<ArrayBuffer>, uploadedById: actor.id },
        select: ATTACHMENT_LIST_SELECT,
      });
      const facts = { attachmentId: row.id, filename: name, kind, contentType, sizeBytes: bytes.byteLength, sha256: sha256.slice(0, SHA256_PREFIX_LENGTH), appealLevel: appeal?.level ?? null };
      await tx.denialEvent.create({ data: { denialId, actorId: actor.id, type: 'attachment', data: { action: 'added', ...facts } } });
      await audit(actor, { action: 'attachment.add', entityType: 'attachment', entityId: row.id, details: { ...facts, denialId, sha256 } }, tx);
      return toAttachmentDto(row, []);
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}
