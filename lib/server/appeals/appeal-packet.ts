import 'server-only';
import { z } from 'zod';
import { attachmentKindLabel } from '@/lib/domain/appeals/attachment-kinds';
import type { IsoDate } from '@/lib/domain/dates';
import { levelName } from '@/lib/domain/deadline';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import type { Actor } from '@/lib/domain/permissions';
import { SHA256_PREFIX_LENGTH } from '../attachments/attachment-dto';
import { appealLabel, lockDenial } from '../attachments/attachment-scope';
import { audit } from '../audit';
import { authorizeRecord, authorizeRole } from '../authorize';
import { todayIso } from '../clock';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { loadPayerAppealRules } from './appeal-records';
import { type AppealPacket, buildAppealPacket } from './build-packet';
import { appealLetterDocument } from './letter-document';

// The appeal packet (issue 13): the appeal's letter and the chosen attachments of its denial, in the chosen order,
// behind a cover sheet, as one PDF — recorded on the appeal by SHA-256, page count, when, by whom and which files,
// with a timeline event and an audit event. The bytes are not stored: the same inputs build the same bytes
// (build-packet.ts), so the recorded packet is built again for a later download and checked against its hash.

export const MAX_PACKET_ATTACHMENTS = 50;

export const buildPacketInput = z.object({
  denialId: z.uuid(),
  appealId: z.uuid(),
  attachmentIds: z
    .array(z.uuid())
    .max(MAX_PACKET_ATTACHMENTS, `A packet holds at most ${MAX_PACKET_ATTACHMENTS} attachments.`)
    .refine((ids) => new Set(ids).size === ids.length, 'An attachment is chosen twice.'),
});
export type BuildPacketInput = z.infer<typeof buildPacketInput>;

export const APPEAL_NOT_FOUND_HERE = 'This appeal does not exist on this denial.';

export interface PacketFile {
  pdf: Uint8Array;
  filename: string;
  sha256: string;
  pageCount: number;
}

interface Assembly {
  tx: Tx;
  denialId: string;
  appeal: { id: string; level: string };
  attachmentIds: readonly string[];
  preparedOn: IsoDate;
  preparedBy: string;
}

async function assemble({ tx, denialId, appeal, attachmentIds, preparedOn, preparedBy }: Assembly): Promise<{ packet: AppealPacket; names: string[]; claimNumber: string }> {
  const letter = await appealLetterDocument(tx, appeal.id);
  if (!letter) throw new AppError('invalid_input', `The ${appealLabel(appeal.level)} has no letter yet: draft it before building the packet.`);
  const rows = await tx.attachment.findMany({
    where: { id: { in: [...attachmentIds] }, denialId, removedAt: null },
    select: { id: true, filename: true, kind: true, contentType: true, content: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chosen = attachmentIds.map((id) => byId.get(id));
  if (chosen.some((r) => r === undefined)) throw new AppError('not_found', 'A chosen attachment is not on this denial (it may have been removed). Refresh and choose again.');
  const denial = await tx.denial.findUniqueOrThrow({ where: { id: denialId }, select: { patientName: true, patientControlNumber: true, payerId: true } });
  const payer = await tx.payer.findUniqueOrThrow({ where: { id: denial.payerId }, select: { name: true } });
  const { rules } = await loadPayerAppealRules(tx, denial.payerId);
  const level = parseAppealLevel(appeal.level);
  // The claim number the letter prints ({{claim.number}}: our patient control number), so every page agrees.
  const claimNumber = denial.patientControlNumber;
  const packet = await buildAppealPacket({
    cover: { claimNumber, patientName: denial.patientName ?? 'Not on file', payerName: payer.name, appealLevel: level === null ? appealLabel(appeal.level) : levelName(rules, level), preparedOn, preparedBy },
    letterPdf: letter.pdf,
    attachments: chosen.map((r) => ({ name: r!.filename, kind: attachmentKindLabel(r!.kind), contentType: r!.contentType, bytes: r!.content })),
  });
  return { packet, names: chosen.map((r) => r!.filename), claimNumber };
}

const fileName = (claimNumber: string, level: string) => `appeal-packet-${claimNumber.replace(/[^A-Za-z0-9._-]+/g, '_')}-level-${level}.pdf`;

/**
 * Builds the packet of a drafted appeal and records it. A submitted appeal's packet is what went to the payer, so it
 * is not built again over its record (a decided one neither): its recorded packet stays downloadable (readPacket).
 */
export async function buildPacket(actor: Actor, input: BuildPacketInput): Promise<PacketFile> {
  authorizeRole(actor, 'edit_denial', 'Your role does not allow building appeal packets.');
  const { denialId, appealId, attachmentIds } = buildPacketInput.parse(input);
  return db.$transaction(
    async (tx) => {
      await lockDenial(tx, actor, denialId, 'edit_denial');
      const appeal = await tx.appeal.findFirst({ where: { id: appealId, denialId }, select: { id: true, level: true, submittedAt: true, decidedAt: true } });
      if (!appeal) throw new AppError('not_found', APPEAL_NOT_FOUND_HERE);
      if (appeal.submittedAt || appeal.decidedAt) {
        throw new AppError('invalid_input', `The ${appealLabel(appeal.level)} has been submitted: its packet on record is what went to the payer, so it is not built again. Download the recorded packet instead.`);
      }
      const builtAt = new Date();
      const { packet, names, claimNumber } = await assemble({ tx, denialId, appeal, attachmentIds, preparedOn: todayIso(builtAt), preparedBy: actor.name });
      await tx.appeal.update({
        where: { id: appeal.id },
        data: { packetSha256: packet.sha256, packetPageCount: packet.pageCount, packetBuiltAt: builtAt, packetBuiltById: actor.id, packetAttachmentIds: [...attachmentIds] },
      });
      const facts = { appealId: appeal.id, appealLevel: appeal.level, pageCount: packet.pageCount, sha256: packet.sha256.slice(0, SHA256_PREFIX_LENGTH), attachments: names };
      await tx.denialEvent.create({ data: { denialId, actorId: actor.id, type: 'appeal', data: { action: 'packet_built', ...facts } } });
      await audit(actor, { action: 'appeal.packet_build', entityType: 'appeal', entityId: appeal.id, phi: true, details: { ...facts, denialId, sha256: packet.sha256, attachmentIds } }, tx);
      return { pdf: packet.pdf, filename: fileName(claimNumber, appeal.level), sha256: packet.sha256, pageCount: packet.pageCount };
    },
    // A packet of many scanned pages takes a while to join; the denial stays locked for that long only.
    { maxWait: 15_000, timeout: 120_000 },
  );
}

/**
 * The packet recorded on an appeal, built again from what was recorded and checked against its SHA-256: an audited
 * PHI read. A letter edited since (or a file that changed) gives other bytes: refused, never served as the record.
 */
export async function readPacket(actor: Actor, appealId: string): Promise<PacketFile> {
  authorizeRole(actor, 'view_denial', 'Your role does not include denial details.');
  return db.$transaction(
    async (tx) => {
      const found = await tx.appeal.findUnique({
        where: { id: appealId },
        select: { id: true, level: true, denialId: true, packetSha256: true, packetBuiltAt: true, packetAttachmentIds: true, packetBuiltBy: { select: { name: true } } },
      });
      const scope = found ? await tx.denial.findUnique({ where: { id: found.denialId }, select: { teamId: true, ownerId: true } }) : null;
      const record = found && scope ? { appeal: found, scope } : null;
      authorizeRecord(actor, 'view_denial', record, (r) => r.scope, 'This appeal does not exist.');
      const { appeal } = record;
      if (!appeal.packetSha256 || !appeal.packetBuiltAt) throw new AppError('not_found', `No packet has been built for the ${appealLabel(appeal.level)} yet.`);
      const { packet, claimNumber } = await assemble({
        tx,
        denialId: appeal.denialId,
        appeal,
        attachmentIds: appeal.packetAttachmentIds,
        preparedOn: todayIso(appeal.packetBuiltAt),
        preparedBy: appeal.packetBuiltBy?.name ?? 'Overturn',
      });
      if (packet.sha256 !== appeal.packetSha256) {
        throw new AppError('conflict', `The letter or a file of the ${appealLabel(appeal.level)} changed after its packet was built, so the recorded packet (SHA-256 ${appeal.packetSha256.slice(0, SHA256_PREFIX_LENGTH)}…) cannot be made again.`);
      }
      await audit(actor, { action: 'appeal.packet_download', entityType: 'appeal', entityId: appeal.id, phi: true, details: { denialId: appeal.denialId, sha256: packet.sha256 } }, tx);
      return { pdf: packet.pdf, filename: fileName(claimNumber, appeal.level), sha256: packet.sha256, pageCount: packet.pageCount };
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
}
