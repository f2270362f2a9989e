// "Move all of A's payer X (or category Y, or everything) to B" (issue 14): the words and links of a move, kept
// pure so the preview, the confirmation, the timeline and the notification say the same thing.

import { formatUsd } from '../money';

export interface MoveFilterNames {
  /** The payer's name, when the move is limited to one payer. */
  payer?: string | null;
  /** The category's label, when limited to one category. */
  category?: string | null;
}

/** "Aetna · Medical necessity", or "everything" when no filter narrows it. */
export function moveScopeText(names: MoveFilterNames): string {
  const parts = [names.payer, names.category].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : 'everything';
}

/** "37 denials ($12,340)" — the count and the dollars, as every step of a move restates them. */
export function moveAmountText(count: number, cents: number): string {
  return `${count} ${count === 1 ? 'denial' : 'denials'} (${formatUsd(cents)})`;
}

/** The new owner's one notification for the whole move: "Alex moved 37 denials ($12,340) to you: Aetna". */
export function moveNotificationTitle(actorName: string, count: number, cents: number, names: MoveFilterNames): string {
  return `${actorName} moved ${moveAmountText(count, cents)} to you: ${moveScopeText(names)}`;
}

/** Where that notification leads: the new owner's own queue, filtered to what moved. */
export function moveQueueHref(filters: { payerId?: string | null; category?: string | null }): string {
  const q = new URLSearchParams({ view: 'mine' });
  if (filters.payerId) q.set('payer', filters.payerId);
  if (filters.category) q.set('category', filters.category);
  return `/queue?${q.toString()}`;
}
