import { useSyncExternalStore } from 'react';

// Short messages after an action (saved, refused, conflict), read by screen readers through a live region.
export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function notify(text: string, tone: Notice['tone'] = 'info', ms = tone === 'error' ? 8000 : 3500): void {
  const notice = { id: nextId++, tone, text };
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
