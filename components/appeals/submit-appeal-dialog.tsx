'use client';
import { type FormEvent, useState } from 'react';
import { APPEAL_METHODS, APPEAL_METHOD_LABEL, type AppealMethod, PAYER_REFERENCE_MAX_LENGTH } from '@/lib/domain/appeals/appeal-chain';
import { compareDates } from '@/lib/domain/dates';
import type { AppealDto } from '@/lib/domain/contracts/denials';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Input, Label, Select } from '../ui/input';
import { formatDate } from '../denials/format';

export interface SubmissionEntry {
  on: string;
  method: AppealMethod;
  payerReference?: string;
}

/**
 * Records that a drafted appeal went to the payer: when, how, and the payer's reference. The date defaults to
 * today and cannot be later; a date after the level's deadline is allowed (good cause) and says so before saving.
 */
export function SubmitAppealDialog({
  open,
  onOpenChange,
  subject,
  appeal,
  today,
  noticeDate,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  appeal: AppealDto;
  today: string;
  noticeDate: string | null;
  onSubmit: (entry: SubmissionEntry) => void;
}) {
  const [on, setOn] = useState(today);
  const [method, setMethod] = useState<AppealMethod>('portal');
  const [reference, setReference] = useState('');
  const late = appeal.dueDate !== null && on !== '' && compareDates(on, appeal.dueDate) > 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!on) return;
    onSubmit({ on, method, ...(reference.trim() ? { payerReference: reference.trim() } : {}) });
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Record submission — ${appeal.name}`} description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Record submission">
        <div className="grid grid-cols-2 gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="appeal-submitted-on">Sent on</Label>
            <Input id="appeal-submitted-on" type="date" value={on} max={today} min={noticeDate ?? undefined} onChange={(e) => setOn(e.target.value)} required autoFocus />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="appeal-method">How</Label>
            <Select id="appeal-method" value={method} onChange={(e) => setMethod(e.target.value as AppealMethod)}>
              {APPEAL_METHODS.map((m) => (
                <option key={m} value={m}>
                  {APPEAL_METHOD_LABEL[m]}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="appeal-reference">Payer reference (case, confirmation or fax number) — optional</Label>
          <Input id="appeal-reference" value={reference} maxLength={PAYER_REFERENCE_MAX_LENGTH} onChange={(e) => setReference(e.target.value)} autoComplete="off" />
        </div>
        {late ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
            This is after the deadline of {formatDate(appeal.dueDate)}: it is recorded as late, and the payer may dismiss it unless it accepts good cause.
          </p>
        ) : null}
        <p className="text-xs text-slate-600">
          The denial then waits on the payer, and its follow-up becomes the status check the payer’s rule sets. A submission cannot be undone.
        </p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit">Record submission</Button>
        </div>
      </form>
    </Dialog>
  );
}
