'use client';
import { useEffect, useId, useState } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { SHORTCUT_GROUPS } from './shortcut-list';

/** Typing `?` into a field types a question mark; everywhere else it opens the list. */
function typing(target: EventTarget | null): boolean {
  return !!(target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="menu"]');
}

/** The `?` overlay: every keyboard shortcut, in a modal dialog (Escape closes it, focus returns). */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const idBase = useId();
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      setOpen(true);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Keyboard shortcuts" description="Keys work when no field has focus." className="w-[min(92vw,560px)]">
      <div className="grid gap-4 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((group, i) => (
          // An id is one token: a group's title has spaces, which aria-labelledby would read as two ids.
          <section key={group.title} aria-labelledby={`${idBase}-group-${i}`}>
            <h3 id={`${idBase}-group-${i}`} className="mb-1 text-xs font-semibold tracking-wide text-slate-700 uppercase">
              {group.title}
            </h3>
            <dl className="space-y-1 text-sm">
              {group.shortcuts.map((s) => (
                <div key={s.does} className="flex items-baseline gap-3">
                  <dt className="flex w-20 shrink-0 gap-1">
                    {s.keys.map((k) => (
                      <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                        {k}
                      </kbd>
                    ))}
                  </dt>
                  <dd className="text-slate-700">{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="mt-4 flex justify-end">
        <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(false)}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
