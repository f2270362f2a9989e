import 'server-only';
import type { X12Issue } from '@/lib/domain/x12';
import type { IngestIssue, IngestProgress } from '@/lib/domain/contracts/imports';

export type { IngestCsvResult, IngestIssue, IngestProgress, IngestResult } from '@/lib/domain/contracts/imports';

export type OnProgress = (progress: IngestProgress) => void;

/** The reader's issue without its expected/found detail (already in the message). */
export function toIngestIssue(issue: X12Issue): IngestIssue {
  return { code: issue.code, message: issue.message, segmentIndex: issue.segmentIndex, segmentId: issue.segmentId, element: issue.element };
}
