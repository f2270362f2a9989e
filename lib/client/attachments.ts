import type { AttachmentDto, AttachmentUploadResult } from '@/lib/domain/contracts/attachments';
import type { AttachmentKind } from '@/lib/domain/appeals/attachment-kinds';
import { ApiError, fetchJson } from './fetch-json';

// Uploading and removing a denial's attachments. The file goes as the raw request body through XMLHttpRequest:
// only XHR reports upload progress in browsers today, so the bar shows bytes actually sent.

export interface UploadTarget {
  denialId: string;
  kind: AttachmentKind;
  appealId: string | null;
}

export function uploadAttachment(file: File, target: UploadTarget, onProgress: (sent: number, total: number) => void): Promise<AttachmentDto> {
  const query = new URLSearchParams({ filename: file.name, kind: target.kind });
  if (target.appealId) query.set('appealId', target.appealId);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/denials/${target.denialId}/attachments?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as (AttachmentUploadResult & { code?: string; message?: string }) | null;
      if (xhr.status === 201 && body?.attachment) resolve(body.attachment);
      else reject(new ApiError(xhr.status, body?.code ?? 'internal', body?.message ?? `The server answered ${xhr.status}.`, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The connection was lost before the file arrived. Check the network and try again.', null));
    xhr.send(file);
  });
}

export function removeAttachment(attachmentId: string): Promise<{ ok: true }> {
  return fetchJson(`/api/attachments/${attachmentId}`, { method: 'DELETE' });
}

/** "948 bytes", "12.4 KB", "3.1 MB". */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
