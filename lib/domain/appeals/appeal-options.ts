// Which appeal a denial can start now, with its deadline, or why none: the detail page offers exactly this and the
// server refuses anything else (lib/server/appeals/start-appeal.ts checks the same rules).
import { type AppealLevelValue, appealLevelValue, appealRank } from '../appeal-levels';
import type { IsoDate } from '../dates';
import { computeDeadline, levelName } from '../deadline';
import { type DenialStatus, isOpen } from '../lifecycle';
import type { PayerDeadlineRules } from '../payer-rules';
import { type AppealStep, appealStage } from './appeal-chain';

export interface StartableAppeal {
  level: AppealLevelValue;
  name: string;
  dueDate: IsoDate | null;
  basis: string;
}

export interface AppealOptions {
  startable: StartableAppeal | null;
  /** Why no appeal can be started now (null when one can, or when the denial is closed and nothing is offered). */
  blocked: string | null;
}

export interface AppealOptionsInput {
  status: DenialStatus;
  appealable: boolean;
  noticeDate: IsoDate | null;
  chain: readonly AppealStep[];
  rules: PayerDeadlineRules;
}

export function appealOptions(input: AppealOptionsInput): AppealOptions {
  const none = (blocked: string | null): AppealOptions => ({ startable: null, blocked });
  if (!isOpen(input.status)) return none(null);
  if (!input.appealable) return none('No appeal rights on this denial (e.g. MA130): correct the claim and resubmit it.');
  if (input.status === 'new') return none('Take this denial before drafting an appeal.');
  if (input.status === 'writeoff_pending') return none('A write-off awaits a manager’s decision.');
  const waiting = input.chain.find((step) => appealStage(step) !== 'decided');
  if (waiting) return none(null);
  const highest = input.chain.reduce((max, step) => Math.max(max, appealRank(step.level)), -1);
  const next = input.rules.appealLevels.filter((r) => appealRank(r.level) > highest).sort((a, b) => appealRank(a.level) - appealRank(b.level))[0];
  if (!next) return none('This payer has no further appeal level.');
  const lastDecision = input.chain.map((s) => s.outcome?.on ?? null).filter((d): d is IsoDate => d !== null).sort().at(-1) ?? null;
  const deadline = computeDeadline(input.rules, { level: next.level, noticeDate: input.noticeDate, priorDecisionDate: lastDecision });
  return {
    startable: {
      level: appealLevelValue(next.level),
      name: levelName(input.rules, next.level),
      dueDate: deadline.ok ? deadline.dueDate : null,
      basis: deadline.ok ? deadline.basis : deadline.reason,
    },
    blocked: null,
  };
}
