'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { AttachmentsPanel } from '@/components/appeals/attachments-panel';
import { EscalateDialog } from '@/components/escalations/escalate-dialog';
import { FollowUpDialog } from '@/components/denials/follow-up-dialog';
import { formatDate } from '@/components/denials/format';
import { NoteDialog } from '@/components/denials/note-dialog';
import { ShortcutsHelp } from '@/components/shortcuts/shortcuts-help';
import { outcomeText } from '@/components/denials/outcome';
import { ReopenDialog } from '@/components/denials/reopen-dialog';
import { StatusBadge } from '@/components/denials/status-badge';
import { type StatusChange, StatusDialog } from '@/components/denials/status-dialog';
import { WriteOffDialog } from '@/components/denials/write-off-dialog';
import { ReassignDialog } from '@/components/team/reassign-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { ActionError } from '@/lib/client/action-result';
import { useDenial } from '@/lib/client/denials';
import type { DenialDetailDto, QueueOptionsDto } from '@/lib/domain/contracts/denials';
import { personLabel } from '@/components/team/person-label';
import { categoryLabel } from '@/lib/domain/labels';
import type { DenialStatus } from '@/lib/domain/lifecycle';
import { canMarkResubmitted, isOpen } from '@/lib/domain/lifecycle';
import { formatUsd } from '@/lib/domain/money';
import { reassignNeedsReason } from '@/lib/domain/team/reassign-reason';
import { type Me, useDenialActions } from '../use-denial-actions';
import { AppealsPanel } from './appeals-panel';
import { ClaimSection, DeadlineCard, FactsCard, ScoreCard } from './detail-sections';
import { EscalationCard } from './escalation-card';
import { MoneyConfirmations } from './money-confirmations';
import { OutcomeCard } from './outcome-card';
import { Timeline } from './timeline';

type DialogKind = 'follow_up' | 'note' | 'status' | 'write_off' | 'reopen' | 'approve' | 'reject' | 'resubmitted' | 'escalate' | null;

/**
 * Keys on the detail page: a assign to me, f follow-up, n note, s status, w write-off; u back to the queue
 * (listed by the `?` overlay: components/shortcuts/shortcut-list.ts).
 */
function useDetailKeys(enabled: boolean, handlers: Record<string, () => void>) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!enabled || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if ((e.target as HTMLElement | null)?.closest('input, textarea, select, [role="dialog"], [role="menu"]')) return;
      const handler = ref.current[e.key];
      if (!handler) return;
      e.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

export function DenialDetail({
  id,
  me,
  today,
  people,
  specialists,
}: {
  id: string;
  me: Me;
  today: string;
  people: QueueOptionsDto['people'];
  /** Whom a manager may give an escalated denial to (empty for everyone else). */
  specialists: { id: string; name: string }[];
}) {
  const router = useRouter();
  const { data: d, error } = useDenial(id);
  const actions = useDenialActions(me);
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [draftNote, setDraftNote] = useState('');
  /** The person picked in the Reassign menu (null id: the unassigned pool), confirmed with a reason. */
  const [reassignTo, setReassignTo] = useState<{ id: string | null; name: string | null } | null>(null);

  // A refused edit leaves the message on the page (the fresh state is already in the cache and on screen).
  const onError = (e: Error) => setConflict(e instanceof ActionError && e.code === 'conflict' ? e.message : null);
  const edit = <I,>(mutation: { mutate: (vars: { id: string; version: number; input: I }, opts: object) => void }, input: I, extra: { onSuccess?: () => void } = {}) => {
    if (!d) return;
    setConflict(null);
    mutation.mutate({ id: d.id, version: d.version, input }, { onError, onSuccess: extra.onSuccess });
  };

  const v = d?.viewer;
  const open = d ? isOpen(d.status as DenialStatus) : false;
  useDetailKeys(dialog === null && !!d, {
    a: () => d && open && v?.canAssignSelf && edit(actions.assign, { assignee: 'me' }),
    f: () => v?.canEdit && open && setDialog('follow_up'),
    n: () => v?.canEdit && setDialog('note'),
    s: () => v?.canEdit && open && setDialog('status'),
    w: () => v?.canRequestWriteOff && open && setDialog('write_off'),
    u: () => router.push('/queue'),
  });

  if (error || !d) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {error ? `This denial could not be loaded: ${error.message}` : 'Loading…'}
      </div>
    );
  }
  const subject = `${d.patientName ?? 'Unknown patient'} · claim ${d.patientControlNumber} · ${d.payer.name}`;

  return (
    <div className="space-y-4">
      <ShortcutsHelp />
      <div className="space-y-2">
        <div>
          <Link href="/queue" className="text-xs text-slate-500 hover:text-brand-700">
            ← Queue (u)
          </Link>
          <h1 className="mt-0.5 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            {d.patientName ?? 'Unknown patient'}
            <span className="font-mono text-sm font-normal text-slate-500">
              {d.patientControlNumber}
              {d.payerClaimNumber ? ` · ${d.payerClaimNumber}` : ''}
            </span>
          </h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={d.status} appealLevel={d.appealLevel} />
            {d.escalated ? <Badge tone="danger">Escalated</Badge> : null}
            {!d.appealable ? <Badge tone="warning">Correct and resubmit — not appealable</Badge> : null}
            {d.reviewReason ? <Badge tone="warning" title={d.reviewReason}>Review: no longer a denial by the code mapping</Badge> : null}
            <span>{d.payer.name}</span>·<span className="font-medium text-slate-900">{formatUsd(d.deniedCents)} denied</span>·
            <span>{categoryLabel(d.category)}</span>·<span>Owner: {d.owner ? d.owner.name : 'unassigned'}</span>·
            <span>Follow-up: {d.followUpDate ? formatDate(d.followUpDate) : 'none'}</span>
          </div>
        </div>
        <ActionBar d={d} people={people} today={today} open={open} onDialog={setDialog} onReassign={setReassignTo} edit={edit} actions={actions} />
      </div>

      {conflict ? (
        <div role="alert" className="flex items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>
            <strong className="font-semibold">Not saved.</strong> {conflict}
          </span>
          <button type="button" className="text-xs underline" onClick={() => setConflict(null)}>
            Dismiss
          </button>
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_340px]">
        <div className="space-y-4">
          <div className="grid gap-4 md:grid-cols-2">
            {d.outcome ? (
              <OutcomeCard d={d} outcome={d.outcome} />
            ) : (
              <>
                <DeadlineCard d={d} />
                <ScoreCard d={d} />
              </>
            )}
          </div>
          {d.escalation ? (
            <EscalationCard
              d={d}
              escalation={d.escalation}
              subject={subject}
              people={specialists}
              onHandle={(vars) => edit(actions.handleEscalation, vars)}
              onWithdraw={(vars) => edit(actions.withdrawEscalation, vars)}
            />
          ) : null}
          <AppealsPanel d={d} open={open} today={today} subject={subject} edit={edit} actions={actions} />
          <ClaimSection d={d} />
          <AttachmentsPanel denialId={d.id} attachments={d.attachments} appeals={d.appeals} canEdit={d.viewer.canEdit} />
          <Timeline d={d} />
        </div>
        <FactsCard d={d} />
      </div>

      {dialog === 'follow_up' ? (
        <FollowUpDialog open onOpenChange={(o) => !o && setDialog(null)} today={today} current={d.followUpDate} subject={subject} onSubmit={(date) => edit(actions.followUp, { date })} />
      ) : null}
      {dialog === 'note' ? (
        <NoteDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          subject={subject}
          initial={draftNote}
          onSubmit={(note) => {
            setDraftNote(note);
            edit(actions.note, { note }, { onSuccess: () => setDraftNote('') });
          }}
        />
      ) : null}
      {dialog === 'status' ? (
        <StatusDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          subject={subject}
          status={d.status as DenialStatus}
          appealLevel={d.appealLevel}
          deniedCents={d.deniedCents}
          onSubmit={(change: StatusChange) => edit(actions.status, change)}
        />
      ) : null}
      {dialog === 'write_off' ? (
        <WriteOffDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          subject={subject}
          amountCents={d.deniedCents}
          immediate={d.viewer.writeOffImmediate}
          onSubmit={(request) => edit(actions.writeOff, request)}
        />
      ) : null}
      {dialog === 'escalate' ? (
        <EscalateDialog open onOpenChange={(o) => !o && setDialog(null)} subject={subject} onSubmit={(reason) => edit(actions.escalate, { reason })} />
      ) : null}
      {dialog === 'reopen' && d.outcome ? (
        <ReopenDialog open onOpenChange={(o) => !o && setDialog(null)} subject={subject} outcome={outcomeText(d.outcome)} onSubmit={(reason) => edit(actions.reopen, { reason })} />
      ) : null}
      {reassignTo ? (
        <ReassignDialog
          open
          onOpenChange={(o) => !o && setReassignTo(null)}
          toName={reassignTo.name}
          count={1}
          totalCents={d.deniedCents}
          reasonRequired={reassignNeedsReason(me.id, d.owner?.id ?? null, reassignTo.id)}
          onConfirm={(reason) =>
            edit(actions.assign, reassignTo.id ? { assignee: reassignTo.id, assigneeName: reassignTo.name ?? undefined, reason } : { assignee: null, reason })
          }
        />
      ) : null}
      <MoneyConfirmations d={d} dialog={dialog} subject={subject} today={today} onClose={() => setDialog(null)} edit={edit} actions={actions} />
    </div>
  );
}

function ActionBar({
  d,
  people,
  today,
  open,
  onDialog,
  onReassign,
  edit,
  actions,
}: {
  d: DenialDetailDto;
  people: QueueOptionsDto['people'];
  today: string;
  open: boolean;
  onDialog: (k: DialogKind) => void;
  onReassign: (to: { id: string | null; name: string | null }) => void;
  edit: <I>(m: { mutate: (vars: { id: string; version: number; input: I }, opts: object) => void }, input: I) => void;
  actions: ReturnType<typeof useDenialActions>;
}) {
  const v = d.viewer;
  if (!v.canEdit) return <p className="text-sm text-slate-500">You can read this denial but not change it.</p>;
  const reopen = v.canReopen ? (
    <Button size="sm" variant="secondary" onClick={() => onDialog('reopen')}>
      Reopen…
    </Button>
  ) : null;
  // At 70% the white hint on the blue button read 3.9:1; 90% stays quieter than the label and above 4.5:1.
  const kbd = (k: string) => <kbd className="ml-1 rounded border border-current/30 px-1 font-mono text-[10px] opacity-90">{k}</kbd>;
  return (
    <div role="toolbar" className="flex flex-wrap items-center gap-1.5" aria-label="Actions">
      {reopen}
      {v.canAssignSelf && open ? (
        <Button size="sm" onClick={() => edit(actions.assign, { assignee: 'me' })}>
          Assign to me{kbd('a')}
        </Button>
      ) : null}
      {v.canReassign && open ? (
        <Select
          aria-label="Reassign to"
          value=""
          onChange={(e) => {
            const person = people.find((p) => p.id === e.target.value);
            if (e.target.value === 'none') onReassign({ id: null, name: null });
            else if (person) onReassign({ id: person.id, name: person.name });
          }}
          className="h-7 text-xs"
        >
          <option value="">Reassign…</option>
          {d.owner ? <option value="none">Nobody (unassign)</option> : null}
          {people
            .filter((p) => p.id !== d.owner?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {personLabel(p, today)}
              </option>
            ))}
        </Select>
      ) : null}
      <Button size="sm" variant="secondary" onClick={() => onDialog('note')}>
        Add note{kbd('n')}
      </Button>
      {open ? (
        <>
          <Button size="sm" variant="secondary" onClick={() => onDialog('follow_up')}>
            Follow-up{kbd('f')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => onDialog('status')}>
            Change status{kbd('s')}
          </Button>
          {canMarkResubmitted(d.status) ? (
            <Button size="sm" variant="secondary" onClick={() => onDialog('resubmitted')}>
              Corrected &amp; resubmitted…
            </Button>
          ) : null}
          {v.canEscalate ? (
            <Button size="sm" variant="secondary" onClick={() => onDialog('escalate')}>
              Escalate…
            </Button>
          ) : null}
          {v.canRequestWriteOff && d.status !== 'writeoff_pending' ? (
            <Button size="sm" variant="ghost" onClick={() => onDialog('write_off')}>
              Write off…{kbd('w')}
            </Button>
          ) : null}
          {v.canApproveWriteOff && d.status === 'writeoff_pending' ? (
            <>
              <Button size="sm" variant="danger" onClick={() => onDialog('approve')}>
                Approve write-off…
              </Button>
              <Button size="sm" variant="secondary" onClick={() => onDialog('reject')}>
                Reject write-off…
              </Button>
            </>
          ) : v.ownWriteOffPending ? (
            <span className="self-center text-xs text-slate-600">Your write-off request: another manager decides it.</span>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
