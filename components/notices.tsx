'use client';
import { dismiss, useNotices } from '@/lib/client/notices';
import { cn } from './ui/cn';

const TONE = {
  info: 'border-slate-200 bg-white text-slate-800',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  error: 'border-red-200 bg-red-50 text-red-900',
} as const;

/** Where action messages appear (bottom right), announced politely to screen readers. */
export function Notices() {
  const notices = useNotices();
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[min(92vw,380px)] flex-col gap-2">
      {notices.map((n) => (
        <div key={n.id} role={n.tone === 'error' ? 'alert' : 'status'} className={cn('pointer-events-auto flex items-start gap-2 rounded-md border px-3 py-2 text-sm shadow-md', TONE[n.tone])}>
          <span className="flex-1">{n.text}</span>
          {n.action ? (
            <button
              type="button"
              onClick={() => {
                dismiss(n.id);
                n.action!.run();
              }}
              className="text-xs font-semibold underline underline-offset-2"
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" onClick={() => dismiss(n.id)} className="text-xs opacity-60 hover:opacity-100" aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
