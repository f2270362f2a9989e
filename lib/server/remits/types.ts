import 'server-only';
import type { X12Issue } from '@/lib/domain/x12';

// The ingest contract the upload routes and the CLI code against (lib/client/import-types.ts keeps a
// browser-safe copy; the routes type their output with it, so a drift fails the build there).

/** total = bytes while reading, claims (or CSV rows) after that. */
export interface IngestProgress {
  phase: 'parse' | 'classify' | 'write' | 'done';
  done: number;
  total: number;
}

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

export type IngestCsvResult =
  | { ok: true; fileId: string; imported: number; denialsCreated: number; rejected: { line: number; reason: string }[] }
  | { ok: false; code: 'duplicate' | 'invalid_mapping'; message: string; existingFileId?: string };

export type OnProgress = (progress: IngestProgress) => void;

/** The reader's issue without its expected/found detail (already in the message). */
export function toIngestIssue(issue: X12Issue): IngestIssue {
  return { code: issue.code, message: issue.message, segmentIndex: issue.segmentIndex, segmentId: issue.segmentId, element: issue.element };
}
