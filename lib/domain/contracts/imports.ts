// The imports contract shared by the server (lib/server/remits, lib/server/imports), the upload routes, the CLI
// and the browser: plain types and the CSV field list, so there is one definition and no copy to drift.

export type IngestPhase = 'parse' | 'classify' | 'write' | 'done';

/** total = bytes while reading, claims (or CSV rows) after that. */
export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}

/** One line of the NDJSON an import route streams: progress while it works, then the result (or an error). */
export type ImportStreamEvent<R> =
  | ({ type: 'progress' } & IngestProgress)
  | { type: 'result'; result: R }
  | { type: 'error'; message: string };

/** A problem with its position: 1-based segment index (ISA = 1), segment id, 1-based element. */
export interface IngestIssue {
  code: string;
  message: string;
  segmentIndex: number | null;
  segmentId: string | null;
  element: number | null;
}

export type IngestResult =
  | {
      ok: true;
      fileId: string;
      filename: string;
      claims: number;
      denialsCreated: number;
      recoveriesMatched: number;
      reversalsApplied: number;
      warnings: IngestIssue[];
      needsReview: boolean;
      reviewReason: string | null;
      unmappedCodes: string[];
    }
  | { ok: false; code: 'duplicate'; message: string; existingFileId: string; importedAt: string }
  | { ok: false; code: 'parse_error'; message: string; error: IngestIssue; warnings: IngestIssue[] };

export interface RejectedRow {
  line: number;
  reason: string;
}

export type IngestCsvResult =
  | { ok: true; fileId: string; imported: number; denialsCreated: number; rejected: RejectedRow[] }
  | { ok: false; code: 'duplicate' | 'invalid_mapping'; message: string; existingFileId?: string };

// The fields a clearinghouse or practice-management CSV export is mapped to. One CSV row is one claim.
export const CSV_FIELDS = [
  'patientControlNumber',
  'payerClaimNumber',
  'payerName',
  'payerId',
  'patientName',
  'memberId',
  'serviceDate',
  'remitDate',
  'billed',
  'paid',
  'deniedAmount',
  'groupCode',
  'carc',
  'rarc',
  'statusCode',
  'procedureCode',
] as const;

export type CsvField = (typeof CSV_FIELDS)[number];

/** Field -> the header of the column it is read from. */
export type CsvMapping = Partial<Record<CsvField, string>>;

/** The first rows of a CSV with the mapping suggested from its headers and the one saved for its source. */
export interface CsvPreview {
  headers: string[];
  rows: string[][];
  totalRows: number;
  suggestedMapping: CsvMapping;
  savedMapping: CsvMapping | null;
}

/** What the import history shows of every upload, imported or not: which file, when, by whom. */
interface HistoryFile {
  id: string;
  filename: string;
  format: 'x12_835' | 'csv';
  sizeBytes: number;
  /** When it was imported, or refused. */
  importedAt: string;
  importedBy: string | null;
}

/** One file in the import history. */
export interface ImportRow extends HistoryFile {
  outcome: 'imported';
  claimCount: number;
  denialCount: number;
  recoveryCount: number;
  warningCount: number;
  warnings: IngestIssue[];
  needsReview: boolean;
  reviewReason: string | null;
  rejectedCount: number;
}

/** An upload that was refused for its content, listed in the history among the imports by its time. */
export interface FailedImportRow extends HistoryFile {
  outcome: 'failed';
  error: IngestIssue;
}

export type ImportHistoryRow = ImportRow | FailedImportRow;
