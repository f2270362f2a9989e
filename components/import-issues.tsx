import type { IngestIssue } from '@/lib/domain/contracts/imports';
import { cn } from './ui/cn';

// The reader's messages start with their position ("segment 14 (CLP), element 03: …"); the table shows the
// position in its own column, so the prefix is dropped from the text.
const POSITION_PREFIX = /^(segment \d+( \([A-Z0-9]+\))?(, element \d+)?|file): /;

export function issuePosition(issue: Pick<IngestIssue, 'segmentIndex' | 'segmentId' | 'element'>): string {
  if (issue.segmentIndex === null) return 'File';
  const parts = [`Segment ${issue.segmentIndex}`];
  if (issue.segmentId) parts.push(issue.segmentId);
  if (issue.element !== null) parts.push(`element ${String(issue.element).padStart(2, '0')}`);
  return parts.join(' · ');
}

export function issueText(message: string): string {
  return message.replace(POSITION_PREFIX, '');
}

/** Warnings or errors from an import, each with where it is in the file. */
export function IssueTable({ issues, label, tone = 'warning', className }: { issues: IngestIssue[]; label: string; tone?: 'warning' | 'danger'; className?: string }) {
  return (
    <div className={cn('max-h-64 overflow-auto rounded-md border', tone === 'danger' ? 'border-red-200' : 'border-amber-200', className)}>
      <table className="w-full text-xs" aria-label={label}>
        <thead className={cn('sticky top-0 text-left', tone === 'danger' ? 'bg-red-50 text-red-800' : 'bg-amber-50 text-amber-900')}>
          <tr>
            <th scope="col" className="w-52 px-2 py-1 font-medium">Position</th>
            <th scope="col" className="px-2 py-1 font-medium">Problem</th>
            <th scope="col" className="w-36 px-2 py-1 font-medium">Code</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {issues.map((issue, i) => (
            <tr key={i}>
              <td className="whitespace-nowrap px-2 py-1 font-mono text-slate-700">{issuePosition(issue)}</td>
              <td className="px-2 py-1 text-slate-800">{issueText(issue.message)}</td>
              <td className="whitespace-nowrap px-2 py-1 font-mono text-slate-500">{issue.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
