import 'server-only';
import { randomUUID } from 'node:crypto';
import { type CsvCell, csvRow } from '@/lib/domain/csv-cells';
import type { Actor } from '@/lib/domain/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { log } from '../log';

export interface CsvExportSpec<T> {
  /** What is exported, as the audit trail names it: "queue", "audit". */
  list: string;
  /** The download's name, dated: "denial-queue-2026-12-06.csv". */
  filename: string;
  header: readonly string[];
  /** The rows, one keyset batch at a time: only the batch being written is ever in memory. */
  batches: AsyncIterable<readonly T[]>;
  toCells: (row: T) => readonly CsvCell[];
  /** Whether the rows hold protected health information (the audit event says so). */
  phi: boolean;
  /** The view and filters exported (no PHI: a search's text is left out by the caller). */
  details: Record<string, unknown>;
}

/** UTF-8 byte order mark: without it Excel reads the file as the system's code page and garbles names. */
const BOM = '\uFEFF';

/**
 * A CSV download streamed as it is read: batches are read only as the client takes them (ReadableStream pull,
 * one encoded batch queued and one read ahead at most), so an export of a million rows holds two batches in
 * memory and a slow client slows the reads instead of filling the heap. Audited as export.started, then
 * export.completed with its row count, or export.aborted with the rows sent when the client goes away (or the
 * read fails half-way: the status line has gone, so the client sees a cut-off download).
 */
export async function csvExport<T>(actor: Actor, spec: CsvExportSpec<T>): Promise<Response> {
  const exportId = randomUUID();
  const event = (action: string, extra: Record<string, unknown> = {}) =>
    audit(actor, { action, entityType: 'export', entityId: exportId, phi: spec.phi, details: { list: spec.list, ...spec.details, ...extra } as Prisma.InputJsonValue });
  await event('export.started');

  const encoder = new TextEncoder();
  const batches = spec.batches[Symbol.asyncIterator]();
  // One batch read ahead: the database works on the next batch while this one is written and sent.
  let ahead: Promise<IteratorResult<readonly T[]>> | null = null;
  const next = () => {
    const read = ahead ?? batches.next();
    ahead = null;
    return read;
  };
  let rows = 0;
  let ended = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(BOM + csvRow(spec.header)));
      },
      async pull(controller) {
        try {
          const batch = await next();
          if (batch.done) {
            ended = true;
            await event('export.completed', { rows });
            controller.close();
            return;
          }
          ahead = batches.next();
          // Settled by the next pull, or dropped when the client goes away: never an unhandled rejection.
          ahead.catch(() => {});
          let text = '';
          for (const row of batch.value) text += csvRow(spec.toCells(row));
          rows += batch.value.length;
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          ended = true;
          log.error('export', { actorId: actor.id, count: rows, error });
          await event('export.aborted', { rows, reason: 'error' }).catch(() => {});
          controller.error(error);
        }
      },
      async cancel() {
        if (ended) return;
        ended = true;
        await ahead?.catch(() => {});
        await batches.return?.();
        await event('export.aborted', { rows, reason: 'client_gone' });
      },
    },
    { highWaterMark: 1 },
  );

  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${spec.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
