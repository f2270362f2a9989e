import Link from 'next/link';
import { IssueTable, issuePosition, issueText } from '@/components/import-issues';
import { LocalTime } from '@/components/local-time';
import type { IngestIssue, IngestResult } from '@/lib/domain/contracts/imports';
import { NewDenialsLink } from './new-denials-link';
import { StatList } from './stat-list';

/** What one 835 import did, or why it did not. */
export function X12Summary({ result, canViewQueue }: { result: IngestResult; canViewQueue: boolean }) {
  if (!result.ok && result.code === 'duplicate') {
    return (
      <p className="text-sm text-slate-700" role="status">
        This exact file was imported on <LocalTime iso={result.importedAt} />, so nothing was added.{' '}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/imports?file=${result.existingFileId}`}>
          See the first import
        </Link>
      </p>
    );
  }
  if (!result.ok) {
    return (
      <div className="flex flex-col gap-2">
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">Nothing was imported: the file could not be read.</p>
          <p className="mt-1">
            <span className="font-mono text-xs">{issuePosition(result.error)}</span> — {issueText(result.error.message)}
          </p>
        </div>
        {result.warnings.length ? <Warnings warnings={result.warnings} /> : null}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <StatList
        items={[
          { label: 'Claims', value: result.claims },
          { label: 'Denials created', value: result.denialsCreated, emphasis: true },
          { label: 'Recoveries matched', value: result.recoveriesMatched },
          { label: 'Reversals applied', value: result.reversalsApplied },
          { label: 'Warnings', value: result.warnings.length },
        ]}
      />
      {result.needsReview ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span className="font-medium">Needs review:</span> {result.reviewReason ?? 'check this remittance against the payer’s before working its denials.'}
        </p>
      ) : null}
      {result.unmappedCodes.length ? (
        <p className="text-sm text-slate-700">
          Codes without a classification (filed under “Other”): <span className="font-mono">{result.unmappedCodes.join(', ')}</span>
        </p>
      ) : null}
      {result.warnings.length ? <Warnings warnings={result.warnings} note="the file was imported; check these against the payer's remittance" /> : null}
      <div className="flex gap-4 text-sm">
        {result.denialsCreated > 0 && canViewQueue ? (
          <NewDenialsLink fileId={result.fileId} count={result.denialsCreated} />
        ) : null}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/imports?file=${result.fileId}`}>
          View in import history
        </Link>
      </div>
    </div>
  );
}

function Warnings({ warnings, note }: { warnings: IngestIssue[]; note?: string }) {
  return (
    <details open={warnings.length <= 5}>
      <summary className="cursor-pointer text-sm font-medium text-amber-800">
        {warnings.length} warning{warnings.length === 1 ? '' : 's'}
        {note ? <span className="font-normal text-slate-600"> — {note}</span> : null}
      </summary>
      <IssueTable issues={warnings} label="Warnings" className="mt-2" />
    </details>
  );
}
