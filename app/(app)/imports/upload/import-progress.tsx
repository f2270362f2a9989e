import { ProgressBar } from '@/components/ui/progress';
import type { IngestPhase, IngestProgress } from '@/lib/domain/contracts/imports';
import { formatBytes } from '@/lib/client/import-files';

// Processing is one bar across the phases, each given the share of the time it takes, so the bar only moves
// forward and at an even pace. An 835 is written while it is read (parse counts bytes and dominates); a CSV is
// read in one go and its rows written after (write dominates). 100% is kept for the commit.
type Spans = Record<IngestPhase, [number, number]>;
const PHASE_SPANS: Record<'x12' | 'csv', Spans> = {
  x12: { parse: [0, 92], classify: [92, 94], write: [94, 99], done: [100, 100] },
  csv: { parse: [0, 4], classify: [4, 8], write: [8, 99], done: [100, 100] },
};
const PHASE_LABEL: Record<IngestPhase, string> = { parse: 'Reading the file', classify: 'Classifying adjustments', write: 'Saving', done: 'Done' };

export interface UploadState {
  loaded: number;
  total: number;
}

function processingPercent(p: IngestProgress | null, spans: Spans): number {
  if (!p) return 0;
  const [from, to] = spans[p.phase];
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  return from + (to - from) * fraction;
}

/** Two real bars: bytes sent (XHR upload events), then the server's own progress (streamed from ingest). */
export function ImportProgress({
  name,
  kind,
  upload,
  progress,
  outcome,
}: {
  name: string;
  kind: 'x12' | 'csv';
  upload: UploadState;
  progress: IngestProgress | null;
  /** Set once the route has answered: imported, or refused (duplicate, parse error, nothing valid). */
  outcome: 'imported' | 'refused' | null;
}) {
  const finished = outcome !== null;
  const uploadPct = upload.total > 0 ? (upload.loaded / upload.total) * 100 : 0;
  const processing = finished ? 100 : processingPercent(progress, PHASE_SPANS[kind]);
  const phase = outcome === 'refused' ? 'Not imported' : finished ? 'Done' : progress ? PHASE_LABEL[progress.phase] : uploadPct >= 100 ? 'Starting' : 'Waiting for upload';
  return (
    <div className="grid grid-cols-[88px_1fr_auto] items-center gap-x-3 gap-y-1.5 text-xs text-slate-600">
      <span>Upload</span>
      <ProgressBar label={`Upload of ${name}`} value={uploadPct} tone={uploadPct >= 100 ? 'success' : 'brand'} />
      <span className="w-48 text-right tabular-nums">
        {formatBytes(upload.loaded)} of {formatBytes(upload.total)}
      </span>
      <span>Processing</span>
      <ProgressBar label={`Processing of ${name}`} value={processing} valueText={`${phase}, ${Math.round(processing)}%`} tone={outcome === 'refused' ? 'muted' : finished ? 'success' : 'brand'} />
      <span className="w-48 text-right tabular-nums">
        {phase}
        {!finished && progress && progress.total > 0 ? ` · ${Math.round(processing)}%` : ''}
      </span>
    </div>
  );
}
