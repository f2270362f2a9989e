import { fileSizeText } from '@/lib/client/attachments';
import { attachmentKindLabel } from '@/lib/domain/appeals/attachment-kinds';

// Timeline sentences for attachments and appeal packets (the events add-attachment, remove-attachment and
// build-appeal-packet write).

const levelText = (level: unknown) => (level === 'external' ? 'external review' : `level ${String(level)} appeal`);

/** "attached “notes.pdf” (Medical records, 12.4 KB) to the level 1 appeal" / "removed the attachment “notes.pdf”". */
export function describeAttachmentEvent(data: Record<string, unknown>): string {
  const name = `“${String(data.filename)}”`;
  if (data.action === 'removed') return `removed the attachment ${name}`;
  const facts = [attachmentKindLabel(String(data.kind)), typeof data.sizeBytes === 'number' ? fileSizeText(data.sizeBytes) : null].filter(Boolean).join(', ');
  return `attached ${name} (${facts})${data.appealLevel ? ` to the ${levelText(data.appealLevel)}` : ''}`;
}

/** "built the level 1 appeal packet: 7 pages, SHA-256 3f2a…, with notes.pdf, eob.png". */
export function describePacketEvent(data: Record<string, unknown>): string {
  const names = Array.isArray(data.attachments) ? (data.attachments as unknown[]).map(String) : [];
  return `built the ${levelText(data.appealLevel)} packet: ${String(data.pageCount)} pages, SHA-256 ${String(data.sha256)}…${names.length ? `, with ${names.join(', ')}` : ', the letter only'}`;
}
