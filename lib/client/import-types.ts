// The browser's view of the ingest contract (lib/domain/import-contract.ts), plus what only the upload UI needs.
import type { CsvMapping, IngestCsvResult, IngestProgress, IngestResult } from '@/lib/domain/import-contract';

export { CSV_FIELDS } from '@/lib/domain/import-contract';
export type { CsvField, CsvMapping, IngestIssue, IngestProgress, RejectedRow } from '@/lib/domain/import-contract';
export type IngestPhase = IngestProgress['phase'];
export type Ingest835Result = IngestResult;
export type CsvImportResult = IngestCsvResult;

export interface CsvPreview {
  headers: string[];
  rows: string[][];
  totalRows: number;
  suggestedMapping: CsvMapping;
  savedMapping: CsvMapping | null;
}

/** One line of the NDJSON an import route streams: progress while it works, then the result (or an error). */
export type ImportStreamEvent<R> =
  | ({ type: 'progress' } & IngestProgress)
  | { type: 'result'; result: R }
  | { type: 'error'; message: string };
