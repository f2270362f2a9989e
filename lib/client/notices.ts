import { useSyncExternalStore } from 'react';

// Short messages after an action (saved, refused, conflict), read by screen readers through a live region.
export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
  /** One button beside the message (Undo); the notice closes when it is pressed. */
  action?: { label: string; run: () => void };
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** How long an Undo stays offered on screen (the server allows a little longer: lib/domain/undo.ts). */
export const UNDO_NOTICE_MS = 10_000;

export function notify(text: string, tone: Notice['tone'] = 'info', ms = tone === 'error' ? 8000 : 3500, action?: Notice['action']): void {
  const notice: Notice = { id: nextId++, tone, text, ...(action ? { action } : {}) };
  notices = [...notices.slice(-3), notice];
  emit();
  setTimeout(() => dismiss(notice.id), ms);
}

export function dismiss(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const EMPTY: Notice[] = [];

export function useNotices(): Notice[] {
  return useSyncExternalStore(subscribe, () => notices, () => EMPTY);
}
