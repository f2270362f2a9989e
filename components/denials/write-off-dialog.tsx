'use client';
import { type FormEvent, useState } from 'react';
import { formatUsd } from '@/lib/domain/money';
import {
  WRITE_OFF_DETAIL_MAX,
  WRITE_OFF_REASON_CODES,
  WRITE_OFF_REASON_LABEL,
  type WriteOffReasonCode,
  isWriteOffReasonCode,
  reasonTextRequired,
  writeOffReasonProblem,
} from '@/lib/domain/write-off-reasons';
import { UNDO_OFFER } from './undo-offer';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Label, Select } from '../ui/input';

export interface WriteOffRequest {
  reasonCode: WriteOffReasonCode;
  reason: string;
}

/** Asks for a write-off: a reason from the list (with detail for "other"); above the approval threshold it waits for a manager. */
export function WriteOffDialog({
  open,
  onOpenChange,
  subject,
  amountCents,
  immediate,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  amountCents: number;
  /** Written off at once (no approval needed), as the server computed for this denial's payer threshold. */
  immediate: boolean;
  onSubmit: (request: WriteOffRequest) => void;
}) {
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const problem = writeOffReasonProblem(code, reason);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problem || !isWriteOffReasonCode(code)) return;
    onSubmit({ reasonCode: code, reason: reason.trim() });
    onOpenChange(false);
  };
  const required = isWriteOffReasonCode(code) && reasonTextRequired(code);
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Write off ${formatUsd(amountCents)}`} description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Request a write-off" noValidate>
        <div className="flex flex-col gap-1">
          <Label htmlFor="writeoff-code">Reason (required)</Label>
          <Select id="writeoff-code" value={code} onChange={(e) => setCode(e.target.value)} autoFocus required>
            <option value="">Choose a reason…</option>
            {WRITE_OFF_REASON_CODES.map((c) => (
              <option key={c} value={c}>
                {WRITE_OFF_REASON_LABEL[c]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="writeoff-reason">{required ? 'Detail (required)' : 'Detail (optional)'}</Label>
          <textarea
            id="writeoff-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={WRITE_OFF_DETAIL_MAX}
            aria-invalid={touched && problem !== null ? true : undefined}
            aria-describedby={touched && problem ? 'writeoff-problem' : undefined}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-xs focus:border-brand-600 focus:outline-none"
          />
        </div>
        {touched && problem ? (
          <p id="writeoff-problem" role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        ) : null}
        <p className="text-sm text-slate-800">
          {immediate
            ? `${formatUsd(amountCents)} will be written off now and the denial closed.`
            : `${formatUsd(amountCents)} is above the approval threshold: another manager approves it before it is written off (nobody approves their own).`}
        </p>
        <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
          {immediate
            ? `${UNDO_OFFER} After that it is final; a manager can reopen it.`
            : 'Until a manager decides, nothing is written off; once approved it is final (a manager can reopen it).'}
        </p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger">
            {immediate ? `Write off ${formatUsd(amountCents)}` : 'Request write-off'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
