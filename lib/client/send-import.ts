import { ApiError } from './fetch-json';
import type { ImportStreamEvent, IngestProgress } from '@/lib/domain/contracts/imports';

export interface SendImportHandlers {
  /** Bytes of the request body sent so far. */
  onUpload?: (loaded: number, total: number) => void;
  /** Progress events the route streams while it processes the file. */
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file as the raw request body and reads the route's NDJSON answer as it arrives.
 * XMLHttpRequest, not fetch: only XHR reports upload progress in browsers today.
 */
export function sendImport<R>(url: string, body: Blob, handlers: SendImportHandlers = {}): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let result: { value: R } | null = null;
    let streamError: string | null = null;

    // Handles each complete line once; a partial last line waits for the next chunk.
    const drain = (final: boolean) => {
      const text = xhr.responseText;
      let end = text.indexOf('\n', read);
      while (end !== -1 || (final && read < text.length)) {
        const line = text.slice(read, end === -1 ? text.length : end).trim();
        read = end === -1 ? text.length : end + 1;
        if (line) handle(JSON.parse(line) as ImportStreamEvent<R>);
        end = text.indexOf('\n', read);
      }
    };
    const handle = (event: ImportStreamEvent<R>) => {
      if (event.type === 'progress') handlers.onProgress?.({ phase: event.phase, done: event.done, total: event.total });
      else if (event.type === 'result') result = { value: event.result };
      else streamError = event.message;
    };

    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.upload.onprogress = (e) => handlers.onUpload?.(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.upload.onload = () => handlers.onUpload?.(body.size, body.size);
    xhr.onprogress = () => {
      if (xhr.status === 200) drain(false);
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        const parsed = safeJson(xhr.responseText) as { code?: string; message?: string } | null;
        reject(new ApiError(xhr.status, parsed?.code ?? 'internal', parsed?.message ?? `The server answered ${xhr.status}.`, parsed));
        return;
      }
      try {
        drain(true);
      } catch {
        reject(new ApiError(500, 'internal', 'The server sent an answer that could not be read.', null));
        return;
      }
      if (result) resolve(result.value);
      else reject(new ApiError(500, 'internal', streamError ?? 'The server stopped before it finished. Nothing was saved.', null));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The connection was lost. Check the network and try again.', null));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));

    if (handlers.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    handlers.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
