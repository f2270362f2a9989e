'use client';
import Link from 'next/link';
import { useState } from 'react';
import { DecideAppealDialog } from '@/components/appeals/decide-appeal-dialog';
import { SubmitAppealDialog } from '@/components/appeals/submit-appeal-dialog';
import { formatDate } from '@/components/denials/format';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { APPEAL_DECISION_LABEL, APPEAL_METHOD_LABEL, type AppealStage } from '@/lib/domain/appeals/appeal-chain';
import type { AppealDto, DenialDetailDto } from '@/lib/domain/contracts/denials';
import { compareDates, diffDays } from '@/lib/domain/dates';
import { formatUsd } from '@/lib/domain/money';
import type { DenialActions } from '../use-denial-actions';

type Edit = <I>(m: { mutate: (vars: { id: string; version: number; input: I }, opts: object) => void }, input: I) => void;

const STAGE: Record<AppealStage, { label: string; tone: BadgeTone }> = {
  draft: { label: 'Draft', tone: 'neutral' },
  submitted: { label: 'Awaiting decision', tone: 'info' },
  decided: { label: 'Decided', tone: 'success' },
};

/**
 * The denial's appeals, level by level: each with its deadline, submission and decision, the step it is waiting
 * for, and the next level the payer offers (with its deadline) or why there is none. What may be done comes from
 * the server (viewer.canEdit, appealOptions); the server refuses anything else.
 */
export function AppealsPanel({ d, open, today, subject, edit, actions }: { d: DenialDetailDto; open: boolean; today: string; subject: string; edit: Edit; actions: DenialActions }) {
  const [dialog, setDialog] = useState<{ kind: 'submit' | 'decide'; appeal: AppealDto } | null>(null);
  const canAct = d.viewer.canEdit && open;
  const { startable, blocked } = d.appealOptions;
  const outstandingCents = Math.max(0, d.deniedCents - d.recoveredCents);
  if (d.appeals.length === 0 && !startable && !blocked) return null;
  return (
    <Card role="region" aria-labelledby="appeals-title">
      <CardHeader>
        <CardTitle id="appeals-title">Appeals</CardTitle>
      </CardHeader>
      <div className="space-y-2 px-4 py-3">
        {d.appeals.length === 0 ? <p className="text-sm text-slate-600">No appeal filed yet.</p> : null}
        <ol className="space-y-2">
          {d.appeals.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-200 px-3 py-2" aria-label={`${a.name}: ${STAGE[a.stage].label}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div className="flex items-center gap-2">
                  <span className="text-sm font-medium text-slate-900">{a.name}</span>
                  <Badge tone={STAGE[a.stage].tone}>{a.stage === 'decided' && a.decision ? APPEAL_DECISION_LABEL[a.decision] : STAGE[a.stage].label}</Badge>
                </div>
                {canAct ? (
                  <div className="flex gap-1.5">
                    <Button size="sm" variant="secondary" asChild>
                      <Link href={`/denials/${d.id}/appeals/${a.id}`}>{a.stage === 'draft' ? 'Letter & packet' : 'Open'}</Link>
                    </Button>
                    {a.stage === 'draft' ? (
                      <Button size="sm" onClick={() => setDialog({ kind: 'submit', appeal: a })}>
                        Record submission…
                      </Button>
                    ) : null}
                    {a.stage === 'submitted' && d.status === 'appealed' ? (
                      <Button size="sm" onClick={() => setDialog({ kind: 'decide', appeal: a })}>
                        Record decision…
                      </Button>
                    ) : null}
                  </div>
                ) : null}
              </div>
              <AppealFacts a={a} today={today} />
            </li>
          ))}
        </ol>
        {startable ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-dashed border-slate-300 px-3 py-2">
            <div className="text-sm">
              <div className="font-medium text-slate-900">Next: {startable.name}</div>
              <div className="text-xs text-slate-600">
                {startable.dueDate ? `Due ${formatDate(startable.dueDate)} — ` : ''}
                {startable.basis}
                {outstandingCents > 0 && d.appeals.length > 0 ? ` · or write off the ${formatUsd(outstandingCents)} that remains.` : ''}
              </div>
            </div>
            {canAct ? (
              <Button size="sm" onClick={() => edit(actions.startAppeal, { level: startable.level })}>
                Draft {startable.name.toLowerCase()}
              </Button>
            ) : null}
          </div>
        ) : blocked ? (
          <p className="text-xs text-slate-600">{blocked}</p>
        ) : null}
      </div>
      {dialog?.kind === 'submit' ? (
        <SubmitAppealDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          subject={subject}
          appeal={dialog.appeal}
          today={today}
          noticeDate={d.noticeDate}
          onSubmit={(entry) => edit(actions.submitAppeal, { appealId: dialog.appeal.id, ...entry })}
        />
      ) : null}
      {dialog?.kind === 'decide' ? (
        <DecideAppealDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          subject={subject}
          appeal={dialog.appeal}
          today={today}
          outstandingCents={outstandingCents}
          onSubmit={(entry) => edit(actions.decideAppeal, { appealId: dialog.appeal.id, ...entry })}
        />
      ) : null}
    </Card>
  );
}

function AppealFacts({ a, today }: { a: AppealDto; today: string }) {
  const checkOverdue = a.stage === 'submitted' && a.statusCheckOn !== null && compareDates(a.statusCheckOn, today) <= 0;
  const late = a.submittedOn !== null && a.dueDate !== null && compareDates(a.submittedOn, a.dueDate) > 0;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-700">
      {a.dueDate || a.stage === 'draft' ? (
        <>
          <dt className="text-slate-600">Deadline</dt>
          <dd>
            {a.dueDate ? formatDate(a.dueDate) : 'not known: check the payer’s rules'}
            {a.stage === 'draft' && a.dueDate ? ` (${daysFrom(today, a.dueDate)})` : ''}
            {late ? ' — submitted late' : ''}
          </dd>
        </>
      ) : null}
      {a.submittedOn ? (
        <>
          <dt className="text-slate-600">Submitted</dt>
          <dd>
            {formatDate(a.submittedOn)} · {a.method ? APPEAL_METHOD_LABEL[a.method] : '—'}
            {a.payerReference ? <> · ref <span className="font-mono">{a.payerReference}</span></> : null}
          </dd>
        </>
      ) : null}
      {a.stage === 'submitted' && a.statusCheckOn ? (
        <>
          <dt className="text-slate-600">Status check</dt>
          <dd className={checkOverdue ? 'font-medium text-red-700' : undefined}>
            {formatDate(a.statusCheckOn)}
            {checkOverdue ? ' — due now: ask the payer where it stands' : ''}
          </dd>
        </>
      ) : null}
      {a.decidedOn ? (
        <>
          <dt className="text-slate-600">Decided</dt>
          <dd>
            {formatDate(a.decidedOn)}
            {a.recoveredCents > 0 ? ` · ${formatUsd(a.recoveredCents)} recovered` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function daysFrom(today: string, date: string): string {
  const days = diffDays(date, today);
  if (days === 0) return 'today';
  return days > 0 ? `${days} day${days === 1 ? '' : 's'} left` : `${-days} day${days === -1 ? '' : 's'} ago`;
}
