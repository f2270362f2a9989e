'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { formatDate, formatDateTime } from '@/components/denials/format';
import { ReasonField } from '@/components/denials/reason-field';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ApprovalInboxDto, PendingWriteOffDto, WriteOffDecisionRowDto } from '@/lib/domain/contracts/write-off-approvals';
import { formatUsd, sumCents } from '@/lib/domain/money';
import { decideWriteOffsAction } from './actions';
import { WriteOffEvidence } from '@/components/write-offs/write-off-evidence';

const TH = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-600';
const FINAL = 'An approved write-off is final: it cannot be undone. If one was a mistake, a manager can reopen that denial (with a reason).';

interface Decision {
  approve: boolean;
  rows: PendingWriteOffDto[];
}

interface Outcome {
  approve: boolean;
  decided: number;
  decidedCents: number;
  failed: (WriteOffDecisionRowDto & { claimNumber: string })[];
  problem?: string;
}

const count = (n: number) => `${n} write-off${n === 1 ? '' : 's'}`;

function Due({ row, today }: { row: PendingWriteOffDto; today: string }) {
  const due = row.deadline ?? (row.timelyFiling ? { ...row.timelyFiling, label: 'Timely filing' } : null);
  if (!due) return <span className="text-slate-600">None computed</span>;
  return (
    <div className="flex flex-col leading-tight">
      <span className="tabular-nums text-slate-800">{formatDate(due.date, today)}</span>
      <span className="text-[11px] text-slate-600">{due.label}</span>
      <span className={due.daysLeft < 0 ? 'text-[11px] font-medium text-red-700' : 'text-[11px] text-slate-700'}>
        {due.daysLeft < 0 ? `${-due.daysLeft} days past` : due.daysLeft === 0 ? 'today' : `${due.daysLeft} days left`}
      </span>
    </div>
  );
}

function Warnings({ row }: { row: PendingWriteOffDto }) {
  if (row.warnings.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5" aria-label={`Warnings for ${row.claimNumber}`}>
      {row.warnings.map((w) => (
        <li key={w.kind} className="flex gap-1 text-xs text-amber-900">
          <span aria-hidden="true">⚠</span>
          <span>
            <span className="sr-only">Warning: </span>
            {w.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The manager's pending write-offs: select, approve or reject one or many, and see each row's result. */
export function ApprovalInbox({ inbox, today }: { inbox: ApprovalInboxDto; today: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();
  const decidable = useMemo(() => inbox.rows.filter((r) => !r.ownRequest), [inbox.rows]);
  const chosen = decidable.filter((r) => selected.has(r.denialId));
  const allChosen = decidable.length > 0 && chosen.length === decidable.length;

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const open = (approve: boolean, rows: PendingWriteOffDto[]) => {
    setNote('');
    setDecision({ approve, rows });
  };
  const confirm = () => {
    if (!decision) return;
    const { approve, rows } = decision;
    startTransition(async () => {
      const result = await decideWriteOffsAction({ items: rows.map((r) => ({ id: r.denialId, version: r.version })), approve, note: note.trim() || undefined });
      if (!result.ok) {
        setOutcome({ approve, decided: 0, decidedCents: 0, failed: [], problem: result.message });
        return;
      }
      const claim = new Map(rows.map((r) => [r.denialId, r.claimNumber]));
      setOutcome({
        approve,
        decided: result.data.decided,
        decidedCents: result.data.decidedCents,
        failed: result.data.results.filter((r) => !r.ok).map((r) => ({ ...r, claimNumber: claim.get(r.denialId) ?? r.denialId })),
      });
      setSelected(new Set());
      router.refresh();
    });
  };

  const total = decision ? sumCents(decision.rows.map((r) => r.amountCents)) : 0;
  const warned = decision ? decision.rows.filter((r) => r.warnings.length > 0) : [];
  return (
    <>
      {inbox.soleManager && inbox.rows.some((r) => r.ownRequest) ? (
        <p role="note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          You are the only manager, and nobody approves their own write-off: your own requests below wait until another manager is added (an administrator
          adds users), or until they are rejected by one.
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="mb-3 empty:hidden">
        {outcome ? (
          <div className={`rounded-md border px-3 py-2 text-sm ${outcome.failed.length || outcome.problem ? 'border-amber-300 bg-amber-50 text-amber-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900'}`}>
            {outcome.problem ? (
              <p>{outcome.problem}</p>
            ) : (
              <p>
                {outcome.approve ? 'Approved' : 'Rejected'} {count(outcome.decided)}
                {outcome.approve ? ` (${formatUsd(outcome.decidedCents)} written off)` : ''}.
                {outcome.failed.length ? ` ${count(outcome.failed.length)} not decided:` : ''}
              </p>
            )}
            {outcome.failed.length ? (
              <ul className="mt-1 list-disc pl-5" aria-label="Write-offs not decided">
                {outcome.failed.map((f) => (
                  <li key={f.denialId}>
                    <span className="font-mono">{f.claimNumber}</span>: {f.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {inbox.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">No write-off waits for approval.</p>
      ) : (
        <>
      <div className="mb-2 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-xs" aria-label="Selected write-offs" role="group">
        <span className="text-slate-700" data-testid="selection-summary">
          {chosen.length === 0 ? 'None selected' : `${count(chosen.length)} selected · ${formatUsd(sumCents(chosen.map((r) => r.amountCents)))}`}
        </span>
        <Button size="sm" variant="danger" disabled={chosen.length === 0 || pending} onClick={() => open(true, chosen)}>
          Approve selected
        </Button>
        <Button size="sm" variant="secondary" disabled={chosen.length === 0 || pending} onClick={() => open(false, chosen)}>
          Reject selected
        </Button>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="w-full border-collapse text-[13px]" aria-label="Pending write-offs">
          <thead className="border-b border-slate-200 bg-slate-50/80">
            <tr>
              <th className={TH}>
                <input
                  type="checkbox"
                  aria-label="Select every write-off you can decide"
                  checked={allChosen}
                  disabled={decidable.length === 0}
                  onChange={() => setSelected(allChosen ? new Set() : new Set(decidable.map((r) => r.denialId)))}
                />
              </th>
              <th className={TH}>Patient · claim</th>
              <th className={TH}>Reason</th>
              <th className={`${TH} text-right`}>Amount</th>
              <th className={TH}>Denial</th>
              <th className={TH}>Deadline if rejected</th>
              <th className={TH}>Requested</th>
              <th className={TH}>Decide</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {inbox.rows.map((row) => (
              <tr key={row.writeOffId} data-denial-id={row.denialId} className="align-top hover:bg-slate-50">
                <td className="px-2 py-2">
                  {row.ownRequest ? null : (
                    <input type="checkbox" aria-label={`Select write-off of ${row.claimNumber}`} checked={selected.has(row.denialId)} onChange={() => toggle(row.denialId)} />
                  )}
                </td>
                <td className="px-2 py-2">
                  <div className="font-medium text-slate-900">{row.patientName ?? 'Unknown patient'}</div>
                  <Link href={`/denials/${row.denialId}`} className="font-mono text-[12px] whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
                    {row.claimNumber}
                  </Link>
                  <div className="max-w-44 truncate text-xs text-slate-600" title={row.payerName}>
                    {row.payerName}
                  </div>
                </td>
                <td className="max-w-96 px-2 py-2">
                  <div className="flex flex-wrap items-center gap-1">
                    <Badge tone="neutral">{row.reasonLabel}</Badge>
                    {row.warnings.length ? <Badge tone="warning">{row.warnings.length === 1 ? '1 warning' : `${row.warnings.length} warnings`}</Badge> : null}
                  </div>
                  {row.reasonText ? <p className="mt-0.5 text-xs text-slate-700">“{row.reasonText}”</p> : null}
                  <Warnings row={row} />
                  <WriteOffEvidence row={row} today={today} />
                </td>
                <td className="px-2 py-2 text-right font-medium whitespace-nowrap tabular-nums text-slate-900">{formatUsd(row.amountCents)}</td>
                <td className="px-2 py-2 text-xs text-slate-700">
                  <div>{row.category}</div>
                  <div className="font-mono">
                    {[...row.groupCodes.length ? [`Group ${row.groupCodes.join(', ')}`] : [], ...row.carcCodes.map((c) => `CARC ${c}`), ...row.rarcCodes.map((c) => `RARC ${c}`)].join(' · ') || '—'}
                  </div>
                </td>
                <td className="px-2 py-2 text-xs">
                  <Due row={row} today={today} />
                </td>
                <td className="px-2 py-2 text-xs whitespace-nowrap text-slate-700">
                  <div>{row.requestedBy}</div>
                  <div className="text-slate-600">{formatDateTime(row.requestedAt)}</div>
                </td>
                <td className="px-2 py-2">
                  {row.ownRequest ? (
                    <span className="text-xs text-slate-600">Your request: another manager decides it</span>
                  ) : (
                    <div className="flex gap-1">
                      <Button size="sm" variant="danger" disabled={pending} onClick={() => open(true, [row])} aria-label={`Approve write-off of ${row.claimNumber}`}>
                        Approve
                      </Button>
                      <Button size="sm" variant="secondary" disabled={pending} onClick={() => open(false, [row])} aria-label={`Reject write-off of ${row.claimNumber}`}>
                        Reject
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
        </>
      )}
      {decision ? (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setDecision(null)}
          title={`${decision.approve ? 'Approve' : 'Reject'} ${count(decision.rows.length)} totalling ${formatUsd(total)}?`}
          confirmLabel={decision.approve ? `Approve ${count(decision.rows.length)}` : `Reject ${count(decision.rows.length)}`}
          danger={decision.approve}
          confirmDisabled={!decision.approve && note.trim().length < 3}
          undo={decision.approve ? FINAL : 'A rejection cannot be undone; the requester can ask again.'}
          onConfirm={confirm}
        >
          <p>
            {decision.approve
              ? `Writes off ${formatUsd(total)} and closes ${decision.rows.length === 1 ? 'the denial' : `${decision.rows.length} denials`} as written off; their follow-ups end.`
              : `Nothing is written off: ${decision.rows.length === 1 ? 'the denial goes' : 'the denials go'} back to work (in progress), and each requester is told why.`}{' '}
            Each is decided on its own: one changed since you loaded this page is reported and left as it is.
          </p>
          {warned.length ? (
            <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
              <p className="font-semibold">
                {warned.length === 1 ? '1 write-off has' : `${warned.length} write-offs have`} a reason that contradicts the denial:
              </p>
              <ul className="mt-1 list-disc pl-4">
                {warned.map((r) => (
                  <li key={r.denialId}>
                    <span className="font-mono">{r.claimNumber}</span> ({r.reasonLabel}): {r.warnings.map((w) => w.message).join(' ')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {decision.approve ? null : (
            <div className="mt-2">
              <ReasonField id="writeoff-reject-note" value={note} onChange={setNote} hint="Sent to the requester and kept on each denial's timeline." />
            </div>
          )}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

