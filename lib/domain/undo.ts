// Undo of a money-moving or status change, within a short window, only while nothing else has touched the denial.
// An undo is a real change (versioned, audited, on the timeline), not a delay in the browser: the change has
// happened, and undoing it puts the denial back as it was.

/** How long after a change its author may undo it. Long enough for a slow network; short enough to be "just now". */
export const UNDO_WINDOW_MS = 2 * 60 * 1000;

/** What an undoable timeline event records about the state it replaced (its `data.undo`). */
export interface UndoRecord {
  /** The denial's version right after the change: any later change moved it on. */
  versionAfter: number;
  status: string;
  appealLevel: string | null;
  followUpDate: string | null;
  recoveredCents: number;
  resolvedAt: string | null;
  escalated: boolean;
}

export interface UndoFacts {
  record: UndoRecord | null;
  eventActorId: string | null;
  eventAt: Date;
  /** Already undone (an undo event names it). */
  undone: boolean;
  actorId: string;
  currentVersion: number;
  now: Date;
}

/** Why this change cannot be undone now, or null when it can. */
export function undoRefusal(f: UndoFacts): string | null {
  if (f.record === null) return 'This change cannot be undone.';
  if (f.undone) return 'This change was already undone.';
  if (f.eventActorId !== f.actorId) return 'Only the person who made a change can undo it.';
  if (f.now.getTime() - f.eventAt.getTime() > UNDO_WINDOW_MS) return 'Too late to undo: the undo window has passed. Change the denial instead.';
  if (f.currentVersion !== f.record.versionAfter) return 'The denial has changed since: this change can no longer be undone.';
  return null;
}
