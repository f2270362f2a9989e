import 'server-only';
import type { AttachmentDto } from '@/lib/domain/contracts/attachments';
import type { Prisma } from '@/lib/generated/prisma/client';

// An attachment as the wire sees it: never the content (that travels through the download route only).

export const ATTACHMENT_LIST_SELECT = {
  id: true,
  filename: true,
  kind: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  appealId: true,
  createdAt: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.AttachmentSelect;

export type AttachmentListRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_LIST_SELECT }>;

/** The appeals of the denial whose recorded packet went to the payer, with the attachments it held. */
export type SentPackets = readonly { submittedAt: Date | null; packetAttachmentIds: string[] }[];

export const SHA256_PREFIX_LENGTH = 12;

export function toAttachmentDto(row: AttachmentListRow, sent: SentPackets): AttachmentDto {
  return {
    id: row.id,
    filename: row.filename,
    kind: row.kind,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256Prefix: row.sha256.slice(0, SHA256_PREFIX_LENGTH),
    appealId: row.appealId,
    uploadedBy: row.uploadedBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    inSubmittedPacket: sent.some((a) => a.submittedAt !== null && a.packetAttachmentIds.includes(row.id)),
  };
}
