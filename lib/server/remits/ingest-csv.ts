import 'server-only';
import type pg from 'pg';
import { guessPayerType } from '@/lib/domain/remit-payer';
import type { Actor } from '@/lib/domain/permissions';
import { type SystemActor, audit } from '../audit';
import { todayIso } from '../clock';
import { IngestAssigner } from '../assignment/ingest-assigner';
import { loadCodeMapping } from '../codes/load-code-mapping';
import { db, pool } from '../db';
import { loadOutcomes } from '../scoring/scoring-context';
import { csvRowToClaim } from './csv-claim';
import type { CsvMapping } from '@/lib/domain/contracts/imports';
import { mappingProblems, mappingRefusal } from '@/lib/domain/csv-mapping';
import { compactRollups } from '../metrics/compact-rollups';
import { authorizeImport, closeImport, duplicateMessage, findImport, openImport, sha256Hex } from './open-import';
import { type CsvRow, checkRow, readCsv } from './read-csv';
import { recordFailedImport } from './record-failed-import';
import { recordOutcome } from './record-outcome';
import { type RemittanceInput, RemitWriter } from './remit-writer';
import type { IngestCsvResult, IngestProgress } from './types';

export interface IngestCsvInput {
  filename: string;
  bytes: Uint8Array;
  /** Where the export came from (a clearinghouse, a PM system): its mapping is saved under this name. */
  source: string;
  mapping: CsvMapping;
  saveMapping: boolean;
}

const PROGRESS_EVERY = 500;

/**
 * Imports a CSV export: every row is validated (line numbers count the header as line 1), the valid rows are
 * written in one transaction through the same writer as 835 claims, and each invalid row is kept on the file
 * with its line and reason. Refused when the same bytes were imported before or the mapping is unusable (that
 * one is a problem of this file's content, so it is recorded as a failed import).
 */
export async function ingestCsv(actor: Actor | SystemActor, input: IngestCsvInput, options: { onProgress?: (p: IngestProgress) => void } = {}): Promise<IngestCsvResult> {
  authorizeImport(actor);
  const sha256 = sha256Hex(input.bytes);
  const earlier = await findImport(sha256);
  if (earlier) return { ok: false, code: 'duplicate', message: duplicateMessage(earlier), existingFileId: earlier.id };
  const table = readCsv(input.bytes);
  options.onProgress?.({ phase: 'parse', done: input.bytes.byteLength, total: input.bytes.byteLength });
  const refusal = mappingRefusal(mappingProblems(input.mapping, table.headers));
  if (refusal) {
    const error = { code: 'invalid_mapping', message: refusal, segmentIndex: null, segmentId: null, element: null };
    await recordFailedImport(actor, { filename: input.filename, sizeBytes: input.bytes.byteLength, kind: 'csv', error });
    return { ok: false, code: 'invalid_mapping', message: refusal };
  }

  const valid: { row: CsvRow; line: number }[] = [];
  const rejected: { line: number; reason: string }[] = [];
  for (const { line, cells } of table.rows) {
    const checked = checkRow(cells, table.headers, input.mapping);
    if (checked.ok) valid.push({ row: checked.row, line });
    else rejected.push({ line, reason: checked.reason });
  }
  options.onProgress?.({ phase: 'classify', done: table.rows.length, total: table.rows.length });

  const mapping = await loadCodeMapping(pool);
  const outcomes = await loadOutcomes(db);
  const assigner = await IngestAssigner.load(pool);
  const opened = await openImport({ filename: input.filename, format: 'csv', source: [input.bytes] }, actor);
  if ('existing' in opened) return { ok: false, code: 'duplicate', message: duplicateMessage(opened.existing), existingFileId: opened.existing.id };
  const { client, fileId } = opened;
  const writer = new RemitWriter({ client, fileId, actorId: actor.id, mapping, scoring: { today: todayIso(), rules: new Map(), outcomes }, assigner });
  try {
    const paidByPayer = new Map<string, number>();
    for (const { row } of valid) paidByPayer.set(payerKey(row), (paidByPayer.get(payerKey(row)) ?? 0) + row.paid);
    const places = new Map<string, { remittanceId: string; payerId: string }>();
    for (const [i, { row, line }] of valid.entries()) {
      const key = payerKey(row);
      let place = places.get(key);
      if (!place) {
        place = await writer.addRemittance(await writer.run((c) => remittanceFor(c, row, paidByPayer.get(key) ?? 0)));
        places.set(key, place);
      }
      writer.addClaim({ ...place, noticeDate: row.remitDate }, csvRowToClaim(row, line));
      if ((i + 1) % PROGRESS_EVERY === 0) {
        await writer.maybeFlush();
        options.onProgress?.({ phase: 'write', done: i + 1, total: valid.length });
      }
    }
    const totals = await writer.finish();
    await assigner?.finish(client, actor.id, input.filename);
    if (input.saveMapping) await saveMapping(client, input.source, input.mapping, actor.id);
    await recordOutcome(client, fileId, totals, [], null, rejected);
    await audit(actor, {
      action: 'remit.import',
      entityType: 'remittance_file',
      entityId: fileId,
      details: { filename: input.filename, sha256, format: 'csv', source: input.source, imported: valid.length, rejected: rejected.length, denialsCreated: totals.denialsCreated, mappingSaved: input.saveMapping },
    }, client);
    await closeImport(client, 'commit');
    options.onProgress?.({ phase: 'done', done: valid.length, total: valid.length });
    await compactRollups();
    return { ok: true, fileId, imported: valid.length, denialsCreated: totals.denialsCreated, rejected };
  } catch (error) {
    await writer.abandon();
    await closeImport(client, 'rollback');
    throw error;
  }
}

const payerKey = (row: CsvRow) => (row.payerId ? `id:${row.payerId}` : `name:${row.payerName!.toUpperCase()}`);

/**
 * One remittance per payer in the file. A payer named but not identified is matched by name to a payer
 * already known (so "Aetna" finds the payer the 835s created), else created under its name.
 */
async function remittanceFor(client: pg.PoolClient, row: CsvRow, totalPaidCents: number): Promise<RemittanceInput> {
  let identifier = row.payerId;
  if (!identifier) {
    const known = await client.query<{ identifier: string }>(`SELECT identifier FROM payer WHERE lower(name) = lower($1) ORDER BY "createdAt" LIMIT 1`, [row.payerName]);
    identifier = known.rows[0]?.identifier ?? row.payerName!.toUpperCase();
  }
  const name = row.payerName ?? identifier;
  return {
    payer: { identifier, name, payerType: guessPayerType(null, name) },
    interchangeControlNumber: null,
    transactionControlNumber: null,
    payeeName: null,
    payeeNpi: null,
    traceNumber: null,
    traceOriginator: null,
    totalPaidCents,
    paymentMethod: null,
    creditDebit: null,
    paymentDate: null,
    productionDate: null,
  };
}

async function saveMapping(client: pg.PoolClient, source: string, mapping: CsvMapping, actorId: string | null): Promise<void> {
  await client.query(
    `INSERT INTO csv_mapping (id, source, mapping, "updatedById", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now())
     ON CONFLICT (source) DO UPDATE SET mapping = EXCLUDED.mapping, "updatedById" = EXCLUDED."updatedById", "updatedAt" = now()`,
    [source, JSON.stringify(mapping), actorId],
  );
}
