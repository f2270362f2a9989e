'use client';
import Link from 'next/link';
import { CodeChips } from '@/components/denials/code-chips';
import { DueDate } from '@/components/denials/due-date';
import { OutcomeCell } from '@/components/denials/outcome';
import { formatDate, formatScore } from '@/components/denials/format';
import { StatusBadge } from '@/components/denials/status-badge';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { waitingLabel } from '@/lib/domain/denial-deadline';
import type { QueuePageDto, QueueRowDto } from '@/lib/domain/contracts/denials';
import { categoryLabel } from '@/lib/domain/labels';
import { formatUsd } from '@/lib/domain/money';

const TH = 'px-2 py-2 text-left text-[11px] font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase';

export function QueueTable({
  rows,
  today,
  codes,
  active,
  selected,
  loading,
  onActivate,
  onToggle,
  onToggleAll,
  onOpen,
}: {
  rows: QueueRowDto[];
  /** The server's today: dates of another year show it. */
  today: string;
  codes: QueuePageDto['codes'];
  active: number;
  selected: Map<string, number>;
  loading: boolean;
  onActivate: (i: number) => void;
  onToggle: (row: QueueRowDto) => void;
  onToggleAll: (on: boolean) => void;
  onOpen: (row: QueueRowDto) => void;
}) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <div className={cn('overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs transition-opacity', loading && 'opacity-80')}>
      <table className="w-full border-collapse text-[13px]" aria-label="Denials" aria-rowcount={rows.length}>
        <thead className="border-b border-slate-200 bg-slate-50/80">
          <tr>
            <th className="w-8 px-2 py-2">
              <input type="checkbox" aria-label="Select all on this page" checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} tabIndex={-1} />
            </th>
            <th className={TH}>Patient · claim</th>
            <th className={TH}>Payer</th>
            <th className={cn(TH, 'text-right')}>Denied</th>
            <th className={TH}>Category · codes</th>
            <th className={TH}>Due</th>
            <th className={TH}>Owner</th>
            <th className={TH}>Follow-up</th>
            <th className={TH}>Status</th>
            <th className={TH}>Score · why</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => {
            const isActive = i === active;
            const isSelected = selected.has(row.id);
            return (
              <tr
                key={row.id}
                data-row-index={i}
                data-denial-id={row.id}
                tabIndex={isActive ? 0 : -1}
                aria-selected={isActive}
                onClick={() => onActivate(i)}
                onDoubleClick={() => onOpen(row)}
                onFocus={() => onActivate(i)}
                className={cn(
                  'group cursor-default align-top outline-none',
                  isSelected ? 'bg-brand-50/70' : 'hover:bg-slate-50',
                  isActive && 'bg-brand-50 shadow-[inset_3px_0_0_var(--color-brand-600)]',
                )}
              >
                <td className="px-2 py-2">
                  <input type="checkbox" aria-label={`Select ${row.patientName ?? row.patientControlNumber}`} checked={isSelected} onChange={() => onToggle(row)} tabIndex={-1} />
                </td>
                <td className="px-2 py-2">
                  <Link href={`/denials/${row.id}`} tabIndex={-1} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {row.patientName ?? 'Unknown patient'}
                  </Link>
                  <div className="font-mono text-[11px] whitespace-nowrap text-slate-500">
                    {row.patientControlNumber}
                    {row.payerClaimNumber ? ` · ${row.payerClaimNumber}` : ''}
                  </div>
                </td>
                <td className="max-w-44 truncate px-2 py-2 text-slate-700" title={row.payer.name}>
                  {row.payer.name}
                </td>
                <td className="px-2 py-2 text-right font-medium tabular-nums text-slate-900">{formatUsd(row.deniedCents)}</td>
                <td className="px-2 py-2">
                  <div className="text-slate-800">{categoryLabel(row.category)}</div>
                  <div className="mt-0.5 flex items-center gap-1">
                    <CodeChips carc={row.carcCodes} rarc={row.rarcCodes} codes={codes} />
                    {!row.appealable ? <Badge tone="warning">resubmit</Badge> : null}
                  </div>
                </td>
                <td className="px-2 py-2">
                  {row.outcome ? <OutcomeCell outcome={row.outcome} /> : <DueDate deadline={row.deadline} waiting={waitingLabel(row.status)} />}
                </td>
                <td className="px-2 py-2 whitespace-nowrap text-slate-700">
                  {row.owner?.name ?? <span className="text-slate-500">Unassigned</span>}
                  {row.coveringFor ? (
                    <div>
                      <Badge tone="info">covering for {row.coveringFor}</Badge>
                    </div>
                  ) : null}
                </td>
                <td className="px-2 py-2 whitespace-nowrap tabular-nums text-slate-700">
                  {row.followUpDate ? formatDate(row.followUpDate, today) : <span className="text-slate-500">—</span>}
                </td>
                <td className="px-2 py-2">
                  <div className="flex flex-col items-start gap-1">
                    <StatusBadge status={row.status} appealLevel={row.appealLevel} />
                    {row.escalated ? <Badge tone="danger">Escalated</Badge> : null}
                  </div>
                </td>
                <td className="px-2 py-2">
                  {row.outcome ? (
                    <span className="text-[11px] text-slate-600">Closed — not scored</span>
                  ) : (
                    <>
                      <div className="font-semibold tabular-nums text-slate-900">{formatScore(row.score)}</div>
                      <div className="max-w-[18rem] text-[11px] leading-snug text-slate-500">{row.why}</div>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
