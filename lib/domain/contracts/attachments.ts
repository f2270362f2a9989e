import type { AttachmentKind } from '../appeals/attachment-kinds';

// Attachments and appeal packets on the wire (issue 13). Never the content: files travel only through the
// download route (app/api/attachments/[attachmentId]), as an audited PHI read.

export interface AttachmentDto {
  id: string;
  /** A display name only (displayFilename): never a path. */
  filename: string;
  kind: AttachmentKind | string;
  contentType: string;
  sizeBytes: number;
  /** The first 12 hex digits of the file's SHA-256: enough to tell two files apart on screen. */
  sha256Prefix: string;
  appealId: string | null;
  uploadedBy: string | null;
  createdAt: string;
  /** In the recorded packet of a submitted appeal: it went to the payer, so it cannot be removed. */
  inSubmittedPacket: boolean;
}

/** The packet last built for an appeal, as recorded on it. */
export interface AppealPacketDto {
  sha256: string;
  pageCount: number | null;
  builtAt: string;
  /** The attachments it holds, in packet order. */
  attachmentIds: string[];
}

/** What the upload route answers with: the stored attachment. */
export interface AttachmentUploadResult {
  ok: true;
  attachment: AttachmentDto;
}
