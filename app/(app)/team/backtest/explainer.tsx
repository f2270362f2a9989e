import { BACKTEST_DENIAL_LIMIT } from '@/lib/domain/contracts/score-backtest';

/** What the numbers mean and where they stop meaning it, in plain words (docs/decisions/0030 has the reasons). */
export function BacktestExplainer({ limit = BACKTEST_DENIAL_LIMIT }: { limit?: number }) {
  return (
    <section aria-labelledby="bt-explain" className="space-y-2 text-sm text-slate-700">
      <h2 id="bt-explain" className="text-sm font-semibold text-slate-800">
        What the numbers mean
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>Dollars recovered</strong>: what the denials worked in time actually recovered, as your history shows. A denial worked on or before its
          deadline recovers what it really recovered (nothing if it was written off); worked after its deadline, nothing.
        </li>
        <li>
          <strong>Share of recoverable</strong>: dollars recovered ÷ everything history shows was recovered on these denials.
        </li>
        <li>
          <strong>Deadlines missed</strong>: deadlines within the period that passed before the denial was worked (of all deadlines in the period).{' '}
          <strong>Worked after deadline</strong>: slots spent on a denial whose window had closed. <strong>Never reached</strong>: still waiting when the
          period ended.
        </li>
        <li>
          <strong>Queue score</strong>: amount × likelihood of recovery × deadline urgency ÷ effort, as the queue computes it. The likelihood starts from the
          category’s starting point and learns from the outcomes the replay produces, so it never knows an outcome before the denial is worked.
        </li>
      </ul>
      <h2 className="pt-1 text-sm font-semibold text-slate-800">Limits</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>Only resolved denials (paid, partly paid or written off) opened in the period are replayed, at most the {limit.toLocaleString('en-US')} most recently opened. Denials still open have no outcome yet.</li>
        <li>
          The deadline is the first one each denial faced (the first appeal level, or timely filing), from its payer’s rules as they are set now. Working
          days are Monday to Friday; holidays are not known.
        </li>
        <li>Every denial takes one slot, whatever its size or effort, and the money counts on the day it is worked rather than when the payer paid.</li>
        <li>
          A replay shows what each order would have done with the same work; it cannot know whether a denial worked sooner would have recovered more
          than it did.
        </li>
      </ul>
      <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">
        The queue’s weights are fixed in its configuration today (all 1). This page is the evidence for the weights you try; using them in the queue needs a
        change of configuration by whoever runs Overturn.
      </p>
    </section>
  );
}
