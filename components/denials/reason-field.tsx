'use client';
import { Label } from '../ui/input';

/** The required "why" of a write-off or a reopening: a few lines of plain text, focused when the dialog opens. */
export function ReasonField({ id, value, onChange, hint }: { id: string; value: string; onChange: (value: string) => void; hint?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>Reason (required)</Label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus
        rows={3}
        maxLength={2000}
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-xs focus:border-brand-600 focus:outline-none"
      />
      {hint ? <span className="text-[11px] text-slate-600">{hint}</span> : null}
    </div>
  );
}
