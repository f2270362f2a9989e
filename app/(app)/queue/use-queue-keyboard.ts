'use client';
import { useEffect, useRef } from 'react';

export interface QueueKeys {
  enabled: boolean;
  count: number;
  active: number;
  setActive: (i: number) => void;
  open: () => void;
  assign: () => void;
  followUp: () => void;
  note: () => void;
  select: () => void;
  clear: () => void;
}

/** Typing in a field, a dialog or a menu keeps its keys; so do shortcuts with modifiers. */
function ignored(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return true;
  const target = e.target as HTMLElement | null;
  return !!target?.closest('input:not([type="checkbox"]), textarea, select, [contenteditable="true"], [role="dialog"], [role="menu"]');
}

/**
 * The queue's keys: j/k move, Enter opens, a assigns to me, f follow-up, n note, x selects, Esc clears the
 * selection, / jumps to the search (listed by the `?` overlay: components/shortcuts/shortcut-list.ts). The
 * active row takes focus, so screen readers follow it.
 */
export function useQueueKeyboard(keys: QueueKeys): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const k = ref.current;
      if (!k.enabled || ignored(e)) return;
      const onControl = (e.target as HTMLElement | null)?.closest('button, a');
      const move = (delta: number) => {
        if (k.count === 0) return;
        const next = Math.max(0, Math.min(k.count - 1, k.active + delta));
        k.setActive(next);
        document.querySelector<HTMLElement>(`[data-row-index="${next}"]`)?.focus();
      };
      const handlers: Record<string, () => void> = {
        j: () => move(1),
        ArrowDown: () => move(1),
        k: () => move(-1),
        ArrowUp: () => move(-1),
        Enter: () => (onControl ? undefined : k.open()),
        a: k.assign,
        f: k.followUp,
        n: k.note,
        x: k.select,
        Escape: k.clear,
        '/': () => document.getElementById('queue-search')?.focus(),
      };
      const handler = handlers[e.key];
      if (!handler || (e.key === 'Enter' && onControl)) return;
      e.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
