'use client';
import Link from 'next/link';
import { Fragment, useState } from 'react';
import { IssueTable, issuePosition, issueText } from '@/components/import-issues';
import { LocalTime } from '@/components/local-time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatBytes } from '@/lib/client/import-files';
import type { FailedImportRow, ImportHistoryRow, ImportRow } from '@/lib/domain/contracts/imports';

const FORMAT_LABEL = { x12_835: 'X12 835', csv: 'CSV' } as const;
const COLUMNS = 8;

const num = (n: number) => n.toLocaleString('en-US');
const link = 'font-medium text-brand-700 underline-offset-2 hover:underline';

export function ImportsTable({ rows, canDownloadRaw, canViewQueue }: { rows: ImportHistoryRow[]; canDownloadRaw: boolean; canViewQueue: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  if (rows.length === 0) {
    return (
      <Card className="px-4 py-10 text-center text-sm text-slate-600">
        No files have been imported yet.{' '}
        <Link href="/imports/upload" className={link}>
          Upload the first one
        </Link>
        .
      </Card>
    );
  }

  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Imported files">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">File</th>
            <th scope="col" className="px-3 py-2 font-medium">Imported</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Claims</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Denials</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Recoveries</th>
            <th scope="col" className="px-3 py-2 font-medium">Warnings</th>
            <th scope="col" className="px-3 py-2 font-medium">Review</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Raw file
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) =>
            row.outcome === 'failed' ? (
              <FailedRow key={row.id} row={row} />
            ) : (
            <Fragment key={row.id}>
              <tr id={`import-${row.id}`} className="align-top">
                <FileCells row={row} />
                <td className="px-3 py-2 text-right tabular-nums">{num(row.claimCount)}</td>
                <td className="px-3 py-2 text-right font-medium tabular-nums">
                  {row.denialCount > 0 && canViewQueue ? (
                    <Link href={`/queue?import=${row.id}`} className={link} aria-label={`See the ${num(row.denialCount)} denials from ${row.filename} in the queue`}>
                      {num(row.denialCount)}
                    </Link>
                  ) : (
                    num(row.denialCount)
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{num(row.recoveryCount)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  <WarningsCell row={row} open={open.has(row.id)} onToggle={() => toggle(row.id)} />
                </td>
                <td className="min-w-40 px-3 py-2">
                  {row.needsReview ? (
                    <div className="flex max-w-72 flex-col items-start gap-0.5">
                      <Badge tone="warning" className="whitespace-nowrap">
                        Needs review
                      </Badge>
                      {row.reviewReason ? <span className="text-xs text-slate-600">{row.reviewReason}</span> : null}
                    </div>
                  ) : (
                    <>
                      {/* aria-label on a plain span is not announced: the words go to screen readers as text. */}
                      <span className="text-slate-500" aria-hidden="true">—</span>
                      <span className="sr-only">No review needed</span>
                    </>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2 text-right">
                  {canDownloadRaw ? (
                    <a href={`/api/imports/${row.id}/raw`} download className={link} aria-label={`Download raw file ${row.filename}`}>
                      Download
                    </a>
                  ) : null}
                </td>
              </tr>
              {open.has(row.id) ? (
                <tr id={`import-${row.id}-warnings`}>
                  <td colSpan={COLUMNS} className="bg-slate-50 px-4 py-2">
                    <IssueTable issues={row.warnings} label={`Warnings for ${row.filename}`} />
                    {row.warningCount > row.warnings.length ? (
                      <p className="mt-1 text-xs text-slate-500">
                        The first {row.warnings.length} of {num(row.warningCount)} warnings are shown.
                      </p>
                    ) : null}
                  </td>
                </tr>
              ) : null}
            </Fragment>
            ),
          )}
        </tbody>
      </table>
    </Card>
  );
}

function WarningsCell({ row, open, onToggle }: { row: ImportRow; open: boolean; onToggle: () => void }) {
  return (
    <div className="flex flex-col items-start gap-0.5">
      {row.warningCount === 0 ? (
        <span className="text-slate-500">None</span>
      ) : (
        <button
          type="button"
          onClick={onToggle}
          aria-expanded={open}
          aria-controls={`import-${row.id}-warnings`}
          className="-ml-1 inline-flex items-center gap-0.5 rounded px-1 text-amber-800 hover:bg-amber-50"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className={open ? 'size-3.5 rotate-90 transition-transform' : 'size-3.5 transition-transform'}>
            <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {num(row.warningCount)} warning{row.warningCount === 1 ? '' : 's'}
        </button>
      )}
      {row.rejectedCount > 0 ? (
        <a href={`/api/imports/${row.id}/rejected.csv`} download className={`text-xs ${link}`}>
          {num(row.rejectedCount)} rejected row{row.rejectedCount === 1 ? '' : 's'} (CSV)
        </a>
      ) : null}
    </div>
  );
}

/** The file's name, format and size, then when and by whom: the same for an import and a refused upload. */
function FileCells({ row }: { row: ImportHistoryRow }) {
  return (
    <>
      <th scope="row" className="max-w-60 px-4 py-2 text-left font-normal">
        <div className="truncate font-mono text-[13px] font-medium text-slate-900" title={row.filename}>
          {row.filename}
        </div>
        <div className="text-xs text-slate-500">
          {FORMAT_LABEL[row.format]} · {formatBytes(row.sizeBytes)}
        </div>
      </th>
      <td className="whitespace-nowrap px-3 py-2">
        <LocalTime iso={row.importedAt} className="text-slate-800" />
        <div className="text-xs text-slate-500">{row.importedBy ? `by ${row.importedBy}` : 'by the ingest command'}</div>
      </td>
    </>
  );
}

/** An upload refused for its content: nothing was imported, so the counts give way to the error and its position. */
function FailedRow({ row }: { row: FailedImportRow }) {
  return (
    <tr id={`import-${row.id}`} className="align-top bg-red-50/40">
      <FileCells row={row} />
      <td colSpan={COLUMNS - 3} className="px-3 py-2">
        <div className="flex flex-col items-start gap-0.5">
          <Badge tone="danger">Failed</Badge>
          <span className="text-xs text-slate-800">
            Nothing was imported.{' '}
            {row.error.segmentIndex !== null ? <span className="font-mono text-slate-700">{issuePosition(row.error)} — </span> : null}
            {issueText(row.error.message)}
          </span>
        </div>
      </td>
      <td className="px-4 py-2" />
    </tr>
  );
}
