'use client';
import { type FormEvent, useState } from 'react';
import { APPEAL_DECISIONS, APPEAL_DECISION_LABEL, type AppealDecision } from '@/lib/domain/appeals/appeal-chain';
import type { AppealDto } from '@/lib/domain/contracts/denials';
import { centsToText, formatUsd, parseEnteredAmount } from '@/lib/domain/money';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Input, Label } from '../ui/input';
import { formatDate } from '../denials/format';

export interface DecisionEntry {
  decision: AppealDecision;
  on: string;
  recovered?: string;
}

const PAYS: Record<AppealDecision, boolean> = { overturned: true, partially_overturned: true, upheld: false, dismissed: false };

/**
 * Records the payer's decision in two steps: what the letter says (decision, its date, what it pays), then a
 * confirmation naming the amount and what happens to the denial, because a recorded decision cannot be undone.
 */
export function DecideAppealDialog({
  open,
  onOpenChange,
  subject,
  appeal,
  today,
  outstandingCents,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  appeal: AppealDto;
  today: string;
  /** Denied and not yet recovered: the most a decision can pay. */
  outstandingCents: number;
  onSubmit: (entry: DecisionEntry) => void;
}) {
  const [decision, setDecision] = useState<AppealDecision>('overturned');
  const [on, setOn] = useState(today);
  const [amount, setAmount] = useState(centsToText(outstandingCents));
  const [amountError, setAmountError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ cents: number } | null>(null);

  const pays = PAYS[decision];
  const review = (e: FormEvent) => {
    e.preventDefault();
    if (!on) return;
    if (!pays) return setConfirming({ cents: 0 });
    const parsed = parseEnteredAmount(amount);
    if (!parsed.ok) return setAmountError(parsed.reason);
    // The server applies the same rules; checking here keeps the typed amount in front of the person.
    if (parsed.cents === 0) return setAmountError('Enter the amount the payer agreed to pay (more than $0).');
    if (parsed.cents > outstandingCents) return setAmountError(`At most ${formatUsd(outstandingCents)} is still denied.`);
    if (decision === 'partially_overturned' && parsed.cents === outstandingCents) return setAmountError(`${formatUsd(parsed.cents)} is everything still denied: choose “overturned”.`);
    setConfirming({ cents: parsed.cents });
  };

  if (confirming) {
    const full = pays && confirming.cents === outstandingCents;
    return (
      <Dialog open={open} onOpenChange={onOpenChange} title={pays ? `Record ${formatUsd(confirming.cents)} recovered?` : `Record “${APPEAL_DECISION_LABEL[decision].toLowerCase()}”?`} description={subject}>
        <div className="space-y-3 text-sm text-slate-800">
          <p>
            {appeal.name}: {APPEAL_DECISION_LABEL[decision].toLowerCase()} on {formatDate(on)}.{' '}
            {full
              ? `The payer pays the ${formatUsd(confirming.cents)} still denied: the denial is resolved as paid and its follow-up ends.`
              : pays
                ? `${formatUsd(confirming.cents)} of ${formatUsd(outstandingCents)} is recovered; ${formatUsd(outstandingCents - confirming.cents)} stays denied and the denial goes back to work — the next level or a write-off.`
                : `Nothing is recovered; ${formatUsd(outstandingCents)} stays denied and the denial goes back to work — the next level, if the payer has one, or a write-off.`}
          </p>
          <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
            A recorded decision cannot be undone or edited. {full ? 'If it was wrong, a manager can reopen the denial (with a reason).' : ''}
          </p>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              Back
            </Button>
            <Button
              type="button"
              autoFocus
              onClick={() => {
                onSubmit({ decision, on, ...(pays ? { recovered: amount.trim() } : {}) });
                onOpenChange(false);
              }}
            >
              {pays ? `Record ${formatUsd(confirming.cents)} recovered` : `Record ${APPEAL_DECISION_LABEL[decision].toLowerCase()}`}
            </Button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Record decision — ${appeal.name}`} description={subject}>
      <form onSubmit={review} className="space-y-3" aria-label="Record decision">
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-slate-700">The payer’s decision</legend>
          <div className="grid grid-cols-2 gap-1">
            {APPEAL_DECISIONS.map((value) => (
              <label key={value} className="flex items-center gap-2 rounded border border-slate-200 px-2 py-1 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                <input
                  type="radio"
                  name="appeal-decision"
                  value={value}
                  checked={decision === value}
                  onChange={() => {
                    setDecision(value);
                    setAmountError(null);
                    if (value === 'overturned') setAmount(centsToText(outstandingCents));
                    if (value === 'partially_overturned') setAmount('');
                  }}
                  autoFocus={value === decision}
                />
                {APPEAL_DECISION_LABEL[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="appeal-decided-on">Decision date (on the payer’s notice)</Label>
            <Input id="appeal-decided-on" type="date" value={on} min={appeal.submittedOn ?? undefined} max={today} onChange={(e) => setOn(e.target.value)} required />
          </div>
          {pays ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor="appeal-recovered">Amount the payer pays ($)</Label>
              <Input
                id="appeal-recovered"
                inputMode="decimal"
                value={amount}
                onChange={(e) => (setAmount(e.target.value), setAmountError(null))}
                required
                aria-invalid={amountError ? true : undefined}
                aria-describedby={amountError ? 'appeal-recovered-error' : 'appeal-recovered-hint'}
              />
              {amountError ? (
                <span id="appeal-recovered-error" role="alert" className="text-[11px] text-red-700">
                  {amountError}
                </span>
              ) : (
                <span id="appeal-recovered-hint" className="text-[11px] text-slate-600">
                  {formatUsd(outstandingCents)} is still denied.
                </span>
              )}
            </div>
          ) : null}
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit">Review…</Button>
        </div>
      </form>
    </Dialog>
  );
}
