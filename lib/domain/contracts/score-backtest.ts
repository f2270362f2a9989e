// The score backtest's request (a GET form: the URL is the question, so a result can be bookmarked or shared)
// and its answer. The replay itself is lib/domain/backtest; lib/server/backtest/score-backtest.ts runs it.
import { z } from 'zod';
import { type ReplayResult } from '../backtest/replay';
import { type ScoreWeights, WEIGHT_LIMITS } from '../backtest/policies';
import { type IsoDate, addDays, diffDays } from '../dates';
import { isoDateInput } from './dates';

/** At most this many resolved denials are replayed: the most recently opened in the period. */
export const BACKTEST_DENIAL_LIMIT = 5_000;
/** Two years of working days at most: longer says little about today's work and only costs time. */
export const BACKTEST_MAX_DAYS = 731;
export const BACKTEST_LIMITS = { perDay: { min: 1, max: 200 }, specialists: { min: 1, max: 500 } } as const;
export const DEFAULT_PER_DAY = 10;

const weight = (label: string) =>
  z.coerce
    .number({ message: `${label} weight: enter a number from ${WEIGHT_LIMITS.min} to ${WEIGHT_LIMITS.max}` })
    .min(WEIGHT_LIMITS.min, `${label} weight: at least ${WEIGHT_LIMITS.min}`)
    .max(WEIGHT_LIMITS.max, `${label} weight: at most ${WEIGHT_LIMITS.max}`)
    .default(1);

const whole = (label: string, limits: { min: number; max: number }) =>
  z.coerce
    .number({ message: `${label}: enter a whole number` })
    .int(`${label}: enter a whole number`)
    .min(limits.min, `${label}: at least ${limits.min}`)
    .max(limits.max, `${label}: at most ${limits.max}`);

/** The form's fields as the URL carries them; empty fields take their defaults. */
export const scoreBacktestParams = z
  .object({
    from: isoDateInput('From: enter a date as YYYY-MM-DD').optional(),
    to: isoDateInput('To: enter a date as YYYY-MM-DD').optional(),
    perDay: whole('Denials per specialist per day', BACKTEST_LIMITS.perDay).default(DEFAULT_PER_DAY),
    specialists: whole('Specialists', BACKTEST_LIMITS.specialists).optional(),
    wAmount: weight('Amount'),
    wLikelihood: weight('Likelihood'),
    wUrgency: weight('Urgency'),
    wEffort: weight('Effort'),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The period must start on or before its end.', path: ['to'] })
  .refine((p) => !p.from || !p.to || diffDays(p.to, p.from) < BACKTEST_MAX_DAYS, {
    message: `The period can be at most ${BACKTEST_MAX_DAYS} days long.`,
    path: ['from'],
  });
export type ScoreBacktestParams = z.infer<typeof scoreBacktestParams>;

/** Reads the URL's fields, an empty field meaning "the default". */
export function parseBacktestParams(search: Record<string, string | string[] | undefined>) {
  const fields = Object.fromEntries(
    Object.entries(search)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const)
      .filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  return scoreBacktestParams.safeParse(fields);
}

/** The last twelve months up to today, when the form names no period. */
export function defaultPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -364), to: today };
}

export interface ScoreBacktestInput {
  from: IsoDate;
  to: IsoDate;
  perDay: number;
  /** null: every active specialist the manager reaches. */
  specialists: number | null;
  weights: ScoreWeights;
}

export function backtestInput(params: ScoreBacktestParams, today: IsoDate): ScoreBacktestInput {
  const period = defaultPeriod(today);
  return {
    from: params.from ?? (params.to ? addDays(params.to, -364) : period.from),
    to: params.to ?? period.to,
    perDay: params.perDay,
    specialists: params.specialists ?? null,
    weights: { amount: params.wAmount, likelihood: params.wLikelihood, urgency: params.wUrgency, effort: params.wEffort },
  };
}

export const BACKTEST_FIELDS = ['from', 'to', 'perDay', 'specialists', 'wAmount', 'wLikelihood', 'wUrgency', 'wEffort'] as const;
export type BacktestFormValues = Record<(typeof BACKTEST_FIELDS)[number], string>;

/** The form's fields for a question: the one asked, or (refused) the text as typed, so it can be corrected. */
export function backtestFormValues(input: ScoreBacktestInput, typed?: Record<string, string | string[] | undefined>): BacktestFormValues {
  const asked: BacktestFormValues = {
    from: input.from,
    to: input.to,
    perDay: String(input.perDay),
    specialists: input.specialists === null ? '' : String(input.specialists),
    wAmount: String(input.weights.amount),
    wLikelihood: String(input.weights.likelihood),
    wUrgency: String(input.weights.urgency),
    wEffort: String(input.weights.effort),
  };
  if (!typed) return asked;
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return Object.fromEntries(BACKTEST_FIELDS.map((f) => [f, text(typed[f]) ?? asked[f]])) as BacktestFormValues;
}

export interface ScoreBacktestDto {
  input: ScoreBacktestInput;
  /** Where the replay started: the period's start, or the first loaded denial's opening when the limit cut it. */
  replayFrom: IsoDate;
  /** The specialists counted: the form's number, or the active specialists the manager reaches. */
  specialists: number;
  specialistsFromTeam: boolean;
  /** More resolved denials were opened in the period than BACKTEST_DENIAL_LIMIT: only the most recent were used. */
  truncated: boolean;
  limit: number;
  weightsAreCurrent: boolean;
  result: ReplayResult;
}

/** What is wrong with the period once its defaults are filled in, or null. */
export function periodProblem(input: Pick<ScoreBacktestInput, 'from' | 'to'>, today: IsoDate): string | null {
  if (input.to > today) return 'The period cannot end after today: the backtest replays what has happened.';
  if (input.from > input.to) return 'The period must start on or before its end.';
  if (diffDays(input.to, input.from) >= BACKTEST_MAX_DAYS) return `The period can be at most ${BACKTEST_MAX_DAYS} days long.`;
  return null;
}
