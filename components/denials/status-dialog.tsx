'use client';
import { type FormEvent, useState } from 'react';
import { type AppealLevelValue, appealLevelLabel, appealLevelValue, nextAppealLevelAfter, parseAppealLevel } from '@/lib/domain/appeal-levels';
import { STATUS_LABEL } from '@/lib/domain/denial-labels';
import { type DenialStatus, appealLevelsOpenTo, canTransition } from '@/lib/domain/lifecycle';
import { formatUsd, parseEnteredAmount } from '@/lib/domain/money';
import { recoveredAmountProblem } from '@/lib/domain/recovered-amount';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Input, Label, Select } from '../ui/input';
import { UNDO_OFFER } from './undo-offer';

export interface StatusChange {
  to: DenialStatus;
  appealLevel?: AppealLevelValue;
  note?: string;
  /** What the payer paid, as typed: the server parses it into cents with the same rule as the form. */
  recovered?: string;
}

/**
 * Write-offs have their own dialog (reason, approval); everything else the lifecycle allows is offered here,
 * the usual next step first so Enter moves the work forward.
 */
const OFFERED: DenialStatus[] = ['in_progress', 'appealed', 'pending_info', 'corrected_resubmitted', 'resolved_paid', 'resolved_partial', 'assigned', 'new'];

export function StatusDialog({
  open,
  onOpenChange,
  subject,
  status,
  appealLevel,
  deniedCents,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  status: DenialStatus;
  appealLevel: string | null;
  /** Shown in the confirmation of a resolution. */
  deniedCents: number;
  onSubmit: (change: StatusChange) => void;
}) {
  const levels = appealLevelsOpenTo({ status, appealLevel: parseAppealLevel(appealLevel) }).map((l) => appealLevelValue(l));
  // Appealing is offered only while some level is still open to it.
  const options = OFFERED.filter((to) => canTransition(status, to) && (to !== 'appealed' || levels.length > 0));
  const [to, setTo] = useState<DenialStatus | ''>(options[0] ?? '');
  const [level, setLevel] = useState<AppealLevelValue | ''>(appealLevelValue(nextAppealLevelAfter(parseAppealLevel(appealLevel))) ?? levels[0] ?? '');
  const [note, setNote] = useState('');
  const [paid, setPaid] = useState('');
  const [paidError, setPaidError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!to) return;
    const paidText = paid.trim();
    const amount = paidText ? parseEnteredAmount(paidText) : null;
    if (amount && !amount.ok) return setPaidError(amount.reason);
    // The server applies the same rule; asking here keeps the typed amount in front of the person.
    if (amount?.ok && (to === 'resolved_paid' || to === 'resolved_partial')) {
      const problem = recoveredAmountProblem(amount.cents, deniedCents, to);
      if (problem) return setPaidError(problem);
    }
    onSubmit({ to, ...(to === 'appealed' && level ? { appealLevel: level } : {}), ...(note.trim() ? { note: note.trim() } : {}), ...(paidText ? { recovered: paidText } : {}) });
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Change status" description={subject}>
      {options.length === 0 ? (
        <p className="text-sm text-slate-600">A {STATUS_LABEL[status].toLowerCase()} denial has no further status to move to here.</p>
      ) : (
        <form
          onSubmit={submit}
          // Enter on a select saves too, so the whole dialog works from the keyboard.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') {
              e.preventDefault();
              e.currentTarget.requestSubmit();
            }
          }}
          className="space-y-3"
          aria-label="Change status"
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor="status-to">New status</Label>
            <Select id="status-to" value={to} onChange={(e) => setTo(e.target.value as DenialStatus)} autoFocus>
              {options.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </Select>
            <span className="text-[11px] text-slate-500">Only the moves this denial’s life allows from {STATUS_LABEL[status].toLowerCase()} are offered.</span>
          </div>
          {to === 'appealed' ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor="status-level">Appeal level</Label>
              <Select id="status-level" value={level} onChange={(e) => setLevel(e.target.value as AppealLevelValue)}>
                {levels.map((l) => (
                  <option key={l} value={l}>
                    {appealLevelLabel(l)}
                  </option>
                ))}
              </Select>
            </div>
          ) : null}
          {to === 'resolved_partial' || to === 'resolved_paid' ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor="status-paid">Amount paid ($){to === 'resolved_paid' ? ' — blank for the full denied amount' : ''}</Label>
              <Input
                id="status-paid"
                inputMode="decimal"
                value={paid}
                onChange={(e) => (setPaid(e.target.value), setPaidError(null))}
                required={to === 'resolved_partial'}
                aria-invalid={paidError ? true : undefined}
                aria-describedby={paidError ? 'status-paid-error' : undefined}
              />
              {paidError ? (
                <span id="status-paid-error" role="alert" className="text-[11px] text-red-700">
                  {paidError}
                </span>
              ) : null}
            </div>
          ) : null}
          {to === 'resolved_partial' || to === 'resolved_paid' ? (
            <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
              Closes the denial as {to === 'resolved_paid' ? 'paid' : 'partly paid'}: {paid.trim() ? `$${paid.trim()}` : formatUsd(deniedCents)} of{' '}
              {formatUsd(deniedCents)} recovered, and ends its follow-up. {UNDO_OFFER}
            </p>
          ) : to === 'appealed' ? (
            <p className="text-[11px] text-slate-600">Filing an appeal cannot be undone: change the status again if it was a mistake.</p>
          ) : null}
          <div className="flex flex-col gap-1">
            <Label htmlFor="status-note">Note (optional)</Label>
            <Input id="status-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit">Save status</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
