'use client';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import type { IngestCsvResult, RejectedRow } from '@/lib/domain/contracts/imports';
import { rejectedRowsCsv, rejectedRowsFilename } from '@/lib/client/rejected-rows-csv';
import { NewDenialsLink } from './new-denials-link';
import { StatList } from './stat-list';

/** What a CSV import did: rows imported, denials created, and each rejected row with its reason. */
export function CsvSummary({ result, filename, canViewQueue }: { result: IngestCsvResult; filename: string; canViewQueue: boolean }) {
  if (!result.ok) {
    return (
      <p role="status" className="text-sm text-slate-700">
        {result.message}{' '}
        {result.existingFileId ? (
          <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/imports?file=${result.existingFileId}`}>
            See the first import
          </Link>
        ) : null}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <StatList
        items={[
          { label: 'Rows imported', value: result.imported },
          { label: 'Denials created', value: result.denialsCreated, emphasis: true },
          { label: 'Rows rejected', value: result.rejected.length },
        ]}
      />
      {result.rejected.length ? <RejectedRows rows={result.rejected} filename={filename} /> : null}
      <div className="flex gap-4 text-sm">
        {result.denialsCreated > 0 && canViewQueue ? <NewDenialsLink fileId={result.fileId} count={result.denialsCreated} /> : null}
        <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/imports?file=${result.fileId}`}>
          View in import history
        </Link>
      </div>
    </div>
  );
}

// Enough to see the pattern; thousands of rows belong in the download, not in the page.
const ROWS_SHOWN = 500;

function RejectedRows({ rows, filename }: { rows: RejectedRow[]; filename: string }) {
  function download() {
    // Built in the browser from the answer already on screen: no second request for the same rows.
    const url = URL.createObjectURL(new Blob([rejectedRowsCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = rejectedRowsFilename(filename);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-medium text-slate-800">Rejected rows — fix them in the source and upload them again</h3>
        <Button variant="secondary" size="sm" onClick={download}>
          Download rejected rows (CSV)
        </Button>
      </div>
      <div className="max-h-72 overflow-auto rounded-md border border-red-200">
        <table className="w-full text-xs" aria-label="Rejected rows">
          <thead className="sticky top-0 bg-red-50 text-left text-red-800">
            <tr>
              <th scope="col" className="w-20 px-2 py-1 font-medium">Line</th>
              <th scope="col" className="px-2 py-1 font-medium">Reason</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {rows.slice(0, ROWS_SHOWN).map((r, i) => (
              <tr key={`${r.line}-${i}`}>
                <td className="px-2 py-1 font-mono tabular-nums text-slate-700">{r.line}</td>
                <td className="px-2 py-1 text-slate-800">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > ROWS_SHOWN ? (
        <p className="text-xs text-slate-500">
          The first {ROWS_SHOWN} of {rows.length.toLocaleString('en-US')} rejected rows are shown; the download has all of them.
        </p>
      ) : null}
    </div>
  );
}
