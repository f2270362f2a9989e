import 'server-only';
import { type AttachmentCheck, attachmentProblem } from '@/lib/domain/appeals/attachment-type';
import { env } from '@/lib/env';

/** The size limit in force: ATTACHMENT_MAX_BYTES, 25 MB unless set. */
export function attachmentMaxBytes(): number {
  return env().ATTACHMENT_MAX_BYTES;
}

/** attachmentProblem with the configured limit: what an upload route calls before storing anything. */
export function uploadProblem(check: Omit<AttachmentCheck, 'maxBytes'>): string | null {
  return attachmentProblem({ ...check, maxBytes: attachmentMaxBytes() });
}
