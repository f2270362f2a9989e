'use client';
import { type FormEvent, useState } from 'react';
import { ActionError } from '@/lib/client/action-result';
import {
  CLAIM_NUMBER_MAX_LENGTH,
  FREQUENCY_CODES,
  FREQUENCY_EXPLANATION,
  FREQUENCY_LABEL,
  type FrequencyCode,
  correctedClaimChecklist,
  needsPayerClaimNumber,
  recommendedFrequency,
} from '@/lib/domain/appeals/corrected-claim';
import { formatUsd } from '@/lib/domain/money';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { FieldError, Input, Label, Textarea } from '../ui/input';

/** What the dialog sends: the server checks every rule again and answers at the field. */
export interface ResubmissionEntry {
  frequencyCode: FrequencyCode;
  sentOn: string;
  payerClaimNumber?: string;
  newClaimNumber?: string;
  checklist: string[];
  note?: string;
}

type Errors = Record<string, string[]>;

/**
 * "Corrected & resubmitted": what to fix for this denial's category and codes (a checklist to tick), which kind of
 * claim went (replacement 7, new 1, void 8 — the usual one chosen), when it went and under which numbers. Stays
 * open until the server has saved it, so a refusal is shown at its field.
 */
export function ResubmitDialog({
  open,
  onOpenChange,
  subject,
  denial,
  today,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  denial: { category: string; carcCodes: string[]; rarcCodes: string[]; payerClaimNumber: string | null; noticeDate: string | null; deniedCents: number };
  today: string;
  onSubmit: (entry: ResubmissionEntry, done: { onSuccess: () => void; onError: (error: Error) => void }) => void;
}) {
  const checklist = correctedClaimChecklist(denial);
  const advice = recommendedFrequency(denial);
  const [frequency, setFrequency] = useState<FrequencyCode>(advice.code ?? '7');
  const [sentOn, setSentOn] = useState(today);
  const [payerClaimNumber, setPayerClaimNumber] = useState(denial.payerClaimNumber ?? '');
  const [newClaimNumber, setNewClaimNumber] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = (id: string, on: boolean) => setTicked((t) => (on ? [...t, id] : t.filter((x) => x !== id)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setProblem(null);
    setSaving(true);
    const entry: ResubmissionEntry = {
      frequencyCode: frequency,
      sentOn,
      checklist: checklist.map((i) => i.id).filter((id) => ticked.includes(id)),
      ...(payerClaimNumber.trim() ? { payerClaimNumber: payerClaimNumber.trim() } : {}),
      ...(newClaimNumber.trim() ? { newClaimNumber: newClaimNumber.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    onSubmit(entry, {
      onSuccess: () => {
        setSaving(false);
        onOpenChange(false);
      },
      onError: (error) => {
        setSaving(false);
        const fields = error instanceof ActionError ? error.failure.fieldErrors : undefined;
        if (fields && Object.keys(fields).length > 0) setErrors(fields);
        else setProblem(error.message);
      },
    });
  };
  const invalid = (field: string) => (errors[field]?.length ? { 'aria-invalid': true, 'aria-describedby': `resubmit-${field}-error` } : {});
  const fieldError = (field: string) => (
    <div id={`resubmit-${field}-error`} aria-live="polite">
      <FieldError messages={errors[field]} />
    </div>
  );

  const claimNumberField = (field: 'payerClaimNumber' | 'newClaimNumber', label: string, value: string, set: (v: string) => void) => (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`resubmit-${field}`}>{label}</Label>
      <Input
        id={`resubmit-${field}`}
        value={value}
        maxLength={CLAIM_NUMBER_MAX_LENGTH}
        onChange={(e) => set(e.target.value)}
        autoComplete="off"
        className="font-mono"
        {...invalid(field)}
      />
      {fieldError(field)}
    </div>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Corrected & resubmitted"
      description={subject}
      className="top-[4vh]! max-h-[92vh] w-[min(94vw,680px)]! overflow-y-auto"
    >
      <form onSubmit={submit} className="space-y-4" aria-label="Record the corrected claim">
        <fieldset>
          <legend className="text-xs font-medium text-slate-600">Before sending, check ({ticked.length} of {checklist.length})</legend>
          <ul className="mt-1 space-y-1.5 rounded-md border border-slate-200 bg-slate-50 p-2">
            {checklist.map((item) => (
              <li key={item.id}>
                <label className="flex items-start gap-2 text-[13px] leading-snug text-slate-800">
                  <input type="checkbox" className="mt-0.5 shrink-0" checked={ticked.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} />
                  <span>{item.text}</span>
                </label>
              </li>
            ))}
          </ul>
          {fieldError('checklist')}
        </fieldset>

        <fieldset>
          <legend className="text-xs font-medium text-slate-600">Claim sent</legend>
          <div className="mt-1 space-y-1.5">
            {FREQUENCY_CODES.map((code) => (
              <label key={code} className="flex items-start gap-2 text-[13px] leading-snug text-slate-800">
                <input type="radio" name="frequency" value={code} className="mt-0.5 shrink-0" checked={frequency === code} onChange={() => setFrequency(code)} />
                <span>
                  <span className="font-medium">{FREQUENCY_LABEL[code]}</span>
                  {advice.code === code ? <span className="ml-1 text-xs text-brand-700">(usual for this denial)</span> : null}
                  <span className="block text-xs text-slate-600">{FREQUENCY_EXPLANATION[code]}</span>
                </span>
              </label>
            ))}
          </div>
          {advice.code && frequency !== advice.code ? (
            <p role="status" className="mt-1 rounded-md border border-amber-300 bg-amber-50 px-2 py-1.5 text-xs text-amber-900">
              Usually for this denial: {advice.reason}
            </p>
          ) : null}
        </fieldset>

        <div className="grid grid-cols-3 gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="resubmit-sent-on">Date sent</Label>
            <Input id="resubmit-sent-on" type="date" value={sentOn} max={today} min={denial.noticeDate ?? undefined} onChange={(e) => setSentOn(e.target.value)} required {...invalid('sentOn')} />
            {fieldError('sentOn')}
          </div>
          {claimNumberField('payerClaimNumber', `Payer claim number (REF*F8)${needsPayerClaimNumber(frequency) ? '' : ' — optional'}`, payerClaimNumber, setPayerClaimNumber)}
          {claimNumberField('newClaimNumber', 'New claim number — optional', newClaimNumber, setNewClaimNumber)}
        </div>

        <div className="flex flex-col gap-1">
          <Label htmlFor="resubmit-note">What was corrected — optional</Label>
          <Textarea id="resubmit-note" rows={2} value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} {...invalid('note')} />
          {fieldError('note')}
        </div>

        {problem ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-xs text-red-800">
            {problem}
          </p>
        ) : null}
        <p className="text-xs text-slate-600">
          The denial ({formatUsd(denial.deniedCents)}) then waits on the payer, with a follow-up to check the claim was processed. A resubmission cannot be undone.
        </p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Record resubmission'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
