import { formatDate, formatDateTime } from '@/components/denials/format';
import type { PendingWriteOffDto } from '@/lib/domain/contracts/write-off-approvals';

const APPEAL_STATE = { drafted: 'drafted, not sent', with_payer: 'with the payer', decided: 'decided' } as const;

/** The evidence on the denial behind a write-off: its appeals and their outcomes, and the latest notes. */
export function WriteOffEvidence({ row, today }: { row: PendingWriteOffDto; today: string }) {
  return (
    <details className="mt-1 text-xs text-slate-700">
      <summary className="cursor-pointer font-medium text-brand-700">
        Evidence: {row.appeals.length} {row.appeals.length === 1 ? 'appeal' : 'appeals'}, {row.notes.length} {row.notes.length === 1 ? 'note' : 'notes'}
      </summary>
      <div className="mt-1 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2">
        <div>
          <h4 className="font-semibold text-slate-800">Appeals</h4>
          {row.appeals.length === 0 ? (
            <p>None filed.</p>
          ) : (
            <ul className="list-disc pl-4">
              {row.appeals.map((a, i) => (
                <li key={i}>
                  {a.level}: {APPEAL_STATE[a.state]}
                  {a.submittedOn ? `, sent ${formatDate(a.submittedOn, today)}` : ''}
                  {a.outcome ? ` — ${a.outcome.replaceAll('_', ' ')}` : ''}
                  {a.decidedOn ? ` (${formatDate(a.decidedOn, today)})` : ''}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4 className="font-semibold text-slate-800">Latest notes</h4>
          {row.notes.length === 0 ? (
            <p>No notes.</p>
          ) : (
            <ul className="space-y-1">
              {row.notes.map((n, i) => (
                <li key={i}>
                  <span className="text-slate-600">
                    {n.by ?? 'System'}, {formatDateTime(n.at)}:
                  </span>{' '}
                  {n.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </details>
  );
}
