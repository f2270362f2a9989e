'use client';
import { type FormEvent, useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Label } from '../ui/input';

/** Adds a note to the timeline. Ctrl/⌘+Enter saves (Enter alone is a new line). */
export function NoteDialog({
  open,
  onOpenChange,
  subject,
  initial = '',
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  subject: string;
  initial?: string;
  onSubmit: (note: string) => void;
}) {
  const [note, setNote] = useState(initial);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!note.trim()) return;
    onSubmit(note.trim());
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Add a note" description={subject}>
      <form onSubmit={submit} className="space-y-3" aria-label="Add a note">
        <div className="flex flex-col gap-1">
          <Label htmlFor="note-text">Note</Label>
          <textarea
            id="note-text"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
            }}
            autoFocus
            rows={5}
            maxLength={4000}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm shadow-xs focus:border-brand-600 focus:outline-none"
            placeholder="Who you spoke to, what they said, what happens next…"
          />
          <span className="text-[11px] text-slate-500">Ctrl+Enter to save</span>
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={!note.trim()}>
            Save note
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
