// Client-safe copies of the ingest contract in lib/server/remits (server-only, so the browser cannot import
// it). The route handlers type what they stream with these, so a drift between the two is a type error there.

export type IngestPhase = 'parse' | 'classify' | 'write' | 'done';

export interface IngestProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}

/** A parse problem with its position: 1-based segment index (ISA = 1), segment id, 1-based element. */
export interface IngestIssue {
  code: string;
  message: string;
  segmentIndex: number | null;
  segmentId: string | null;
  element: number | null;
}

export type Ingest835Result =
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

/** Field -> the CSV header it is read from. */
export type CsvMapping = Partial<Record<CsvField, string>>;

export interface CsvPreview {
  headers: string[];
  rows: string[][];
  totalRows: number;
  suggestedMapping: CsvMapping;
  savedMapping: CsvMapping | null;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export type CsvImportResult =
  | { ok: true; fileId: string; imported: number; denialsCreated: number; rejected: RejectedRow[] }
  | { ok: false; code: 'duplicate' | 'invalid_mapping'; message: string; existingFileId?: string };

/** One line of the NDJSON an import route streams: progress while it works, then the result (or an error). */
export type ImportStreamEvent<R> =
  | ({ type: 'progress' } & IngestProgress)
  | { type: 'result'; result: R }
  | { type: 'error'; message: string };
