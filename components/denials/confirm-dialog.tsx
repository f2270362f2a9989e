'use client';
import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/**
 * Asks before money moves or many rows change: what will happen (amount, count) and whether it can be undone.
 * The confirm button has the focus, so Enter confirms and Escape cancels.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  subject,
  children,
  undo,
  confirmLabel,
  danger = false,
  confirmDisabled = false,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  subject?: ReactNode;
  /** What will happen, in a sentence or two. */
  children: ReactNode;
  /** Whether and how it can be undone, or why not. */
  undo: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Until what the children ask for is given (a rejection's reason). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={subject}>
      <div className="space-y-3 text-sm text-slate-800">
        <div>{children}</div>
        <p className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700">{undo}</p>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="button"
            variant={danger ? 'danger' : 'primary'}
            autoFocus
            disabled={confirmDisabled}
            onClick={() => {
              onConfirm();
              onOpenChange(false);
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
