// The one-line "why" beside a score in the queue: "$4,210 × 62% recovery × due in 9 days". The days are
// counted from today, not from when the score was computed, so the line never reads staler than the date.
// The full breakdown (with urgency and effort) is priority.ts's explanation, shown on the detail page.
import { type IsoDate, diffDays } from './dates';
import { formatUsd } from './money';
import { percentText } from './priority';

export interface ScoreWhyInput {
  amountCents: number;
  likelihood: number;
  deadlineDate: IsoDate | null;
  /** Set when nothing is due from us (an appeal is with the payer, and so on). */
  waiting?: boolean;
  /** While waiting: from this date on a status check is due (priority.ts raises the urgency then). */
  followUpDate?: IsoDate | null;
  today: IsoDate;
}

export function dueText(deadlineDate: IsoDate | null, today: IsoDate): string {
  if (deadlineDate === null) return 'no deadline known';
  const left = diffDays(deadlineDate, today);
  // priority.ts drops the likelihood to its floor once the window has closed: say why the score is low.
  if (left < 0) return `deadline missed ${-left} day${left === -1 ? '' : 's'} ago: recovery unlikely`;
  if (left === 0) return 'due today';
  return `due in ${left} day${left === 1 ? '' : 's'}`;
}

function waitingText(followUpDate: IsoDate | null, today: IsoDate): string {
  if (followUpDate === null) return 'nothing due';
  const left = diffDays(followUpDate, today);
  return left <= 0 ? 'follow-up due' : `nothing due for ${left} day${left === 1 ? '' : 's'}`;
}

export function scoreWhy(input: ScoreWhyInput): string {
  const due = input.deadlineDate === null && input.waiting ? waitingText(input.followUpDate ?? null, input.today) : dueText(input.deadlineDate, input.today);
  return `${formatUsd(input.amountCents)} × ${percentText(input.likelihood)} recovery × ${due}`;
}
