'use client';
import { type FormEvent, useState } from 'react';
import { Label } from '../ui/input';

/** The shortest reason worth keeping: "ok" says nothing to whoever reads it next. */
const REASON_MIN = 3;

/**
 * The required "why" of a write-off, a reopening or an escalation step: a few lines of plain text, focused when
 * the dialog opens.
 */
export function ReasonField({ id, value, onChange, hint, label = 'Reason' }: { id: string; value: string; onChange: (value: string) => void; hint?: string; label?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label} (required)</Label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus
        rows={3}
        maxLength={2000}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-xs focus:border-brand-600 focus:outline-none"
      />
      {hint ? (
        <span id={`${id}-hint`} className="text-[11px] text-slate-600">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A dialog form around one required reason: `ok` once it says something (and `ready` holds), and a submit that
 * sends the trimmed text and closes the dialog.
 */
export function useReasonForm(onSubmit: (reason: string) => void, onOpenChange: (open: boolean) => void, ready = true) {
  const [reason, setReason] = useState('');
  const ok = ready && reason.trim().length >= REASON_MIN;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ok) return;
    onSubmit(reason.trim());
    onOpenChange(false);
  };
  return { reason, setReason, ok, submit };
}
