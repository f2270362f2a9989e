import 'server-only';
import { classifyDbError } from '../db-errors';

interface Progress {
  phase: string;
  done: number;
  total: number;
}

// A handful of updates a second is enough for a progress bar; ingest may report every claim.
const MIN_INTERVAL_MS = 100;

/**
 * Runs an import and answers with NDJSON: {type:'progress', phase, done, total} lines while it works, then
 * one {type:'result', result} line (or {type:'error', message} if it failed unexpectedly; nothing was written then,
 * since an import is one transaction). The HTTP status is already 200 by then, so errors travel in the stream.
 */
export function ndjsonImportResponse<R>(run: (onProgress: (p: Progress) => void) => Promise<R>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const send = (event: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          open = false; // the client went away; the import still finishes and is in the history
        }
      };
      let lastPhase = '';
      let lastAt = 0;
      const onProgress = (p: Progress) => {
        const now = performance.now();
        if (p.phase === lastPhase && p.done < p.total && now - lastAt < MIN_INTERVAL_MS) return;
        lastPhase = p.phase;
        lastAt = now;
        send({ type: 'progress', phase: p.phase, done: p.done, total: p.total });
      };
      try {
        const result = await run(onProgress);
        send({ type: 'result', result });
      } catch (error) {
        const known = classifyDbError(error);
        if (!known) console.error('[import]', error);
        send({ type: 'error', message: known?.message ?? 'Something went wrong on our side while importing. Nothing was saved.' });
      }
      if (open) {
        try {
          controller.close();
        } catch {
          // already cancelled by the client
        }
      }
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
