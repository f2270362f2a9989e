import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatUsd } from '@/lib/domain/money';
import { type BoardGroup, type BoardMeasure, boardCounts, boardLink } from '@/lib/domain/team/board-links';
import type { BoardCounts } from '@/lib/domain/contracts/team-board';

/** The board's columns, in order: what each counts, as a header and as the words a screen reader hears. */
const COLUMNS: { measure: BoardMeasure; header: ReactNode; spoken: string }[] = [
  { measure: 'open', header: 'Open', spoken: 'open denials' },
  { measure: 'workedToday', header: 'Worked today', spoken: 'worked today' },
  { measure: 'workedWeek', header: 'Worked 7 days', spoken: 'worked in the last 7 days' },
  { measure: 'followUpsOverdue', header: 'Follow-ups overdue', spoken: 'follow-ups overdue' },
  { measure: 'followUpsToday', header: 'Follow-ups today', spoken: 'follow-ups due today' },
  { measure: 'inWindow', header: 'Deadline in window', spoken: 'deadlines inside the payer’s warning window' },
  { measure: 'missed', header: 'Deadline missed', spoken: 'deadlines missed' },
  { measure: 'escalations', header: 'Escalations waiting', spoken: 'escalations waiting' },
  { measure: 'atRisk', header: 'At risk', spoken: 'at risk' },
];

const TH = 'px-2 py-1.5 text-xs font-medium text-slate-600 align-bottom';
const TD = 'px-2 py-1 text-right tabular-nums whitespace-nowrap';

const valueOf = (c: BoardCounts, m: BoardMeasure) => (m === 'open' ? c.open : c[m]);

/** One number as a link to the denials behind it; a zero is muted (still a link: the empty queue says so). */
function Count({ value, href, label, money }: { value: number; href: string; label: string; money?: boolean }) {
  const text = money ? formatUsd(Math.round(value / 100) * 100) : value.toLocaleString('en-US');
  return (
    <Link
      href={href}
      aria-label={`${text} ${label}`}
      className={`rounded-sm px-0.5 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 ${value === 0 ? 'text-slate-500' : 'font-medium text-slate-900'}`}
    >
      {text}
    </Link>
  );
}

export interface BoardTableRow {
  key: string;
  group: BoardGroup;
  name: ReactNode;
  /** The row's name in words, for the links' spoken labels. */
  spokenName: string;
  counts: BoardCounts;
  /** Extra cell at the end (the person's "Move work…" link). */
  action?: ReactNode;
}

export function BoardTable({ label, nameHeader, rows, total, withAction }: { label: string; nameHeader: string; rows: BoardTableRow[]; total?: BoardTableRow; withAction?: boolean }) {
  const cells = (row: BoardTableRow) => (
    <>
      <td className={TD}>
        <Count value={row.counts.open} href={boardLink(row.group, 'open')} label={`open denials, ${row.spokenName}`} />
      </td>
      <td className={TD}>
        <Count value={row.counts.openCents} money href={boardLink(row.group, 'open')} label={`open, ${row.spokenName}`} />
      </td>
      {COLUMNS.slice(1).map(({ measure, spoken }) => {
        const value = valueOf(row.counts, measure);
        return (
          <td key={measure} className={TD}>
            {boardCounts(row.group, measure) && value !== null ? (
              <Count value={value} href={boardLink(row.group, measure)} label={`${spoken}, ${row.spokenName}`} />
            ) : (
              <span className="text-slate-500" title="Nobody can have worked the unassigned pool">
                —
              </span>
            )}
          </td>
        );
      })}
      {withAction ? <td className="px-2 py-1 text-right whitespace-nowrap">{row.action}</td> : null}
    </>
  );
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full border-collapse text-[13px]" aria-label={label}>
        <thead className="border-b border-slate-200 bg-slate-50/80">
          <tr>
            <th scope="col" className={`${TH} text-left`}>
              {nameHeader}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Open
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Open $
            </th>
            {COLUMNS.slice(1).map((c) => (
              <th key={c.measure} scope="col" className={`${TH} max-w-20 text-right`}>
                {c.header}
              </th>
            ))}
            {withAction ? (
              <th scope="col" className={TH}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key} data-board-row={row.key} className="hover:bg-slate-50">
              <th scope="row" className="max-w-56 truncate px-2 py-1 text-left font-normal text-slate-900">
                {row.name}
              </th>
              {cells(row)}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot className="border-t border-slate-200 bg-slate-50/80">
            <tr data-board-row={total.key}>
              <th scope="row" className="px-2 py-1 text-left font-medium text-slate-900">
                {total.name}
              </th>
              {cells(total)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
