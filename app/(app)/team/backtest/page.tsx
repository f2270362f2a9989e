import { BacktestForm } from '@/components/backtest/backtest-form';
import { BacktestResults } from '@/components/backtest/backtest-results';
import { CumulativeChart } from '@/components/backtest/cumulative-chart';
import { PageHeader } from '@/components/ui/page-header';
import type { ReplayResult } from '@/lib/domain/backtest/replay';
import { type ScoreBacktestDto, backtestFormValues, backtestInput, parseBacktestParams, scoreBacktestParams } from '@/lib/domain/contracts/score-backtest';
import { formatUsd } from '@/lib/domain/money';
import { requirePermission } from '@/lib/server/auth';
import { scoreBacktest } from '@/lib/server/backtest/score-backtest';
import { todayIso } from '@/lib/server/clock';
import { AppError } from '@/lib/server/errors';
import { BacktestExplainer } from './explainer';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Score backtest' };

// The question is the URL (a GET form); each visit replays once on the server and renders the answer.
export default answers503WhenDown(async function ScoreBacktestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('view_score_backtest');
  const today = todayIso();
  const search = await searchParams;
  const parsed = parseBacktestParams(search);
  const input = backtestInput(parsed.success ? parsed.data : scoreBacktestParams.parse({}), today);
  let dto: ScoreBacktestDto | null = null;
  let problem: string | null = parsed.success ? null : parsed.error.issues.map((i) => i.message).join(' ');
  if (parsed.success) {
    try {
      dto = await scoreBacktest(actor, input, today);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid_input') throw error;
      problem = error.message;
    }
  }
  return (
    <>
      <PageHeader
        title="Score backtest"
        description="Would the queue’s score have recovered more than the usual orders? Your resolved denials, replayed day by day: each working day every specialist works the top of what is open under each order."
      />
      <BacktestForm values={backtestFormValues(input, problem ? search : undefined)} teamSpecialists={dto?.specialistsFromTeam ? dto.specialists : null} />
      {problem ? (
        <p role="alert" className="mb-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {dto ? <Answer dto={dto} /> : null}
      <BacktestExplainer limit={dto?.limit} />
    </>
  );
});

function Answer({ dto }: { dto: ScoreBacktestDto }) {
  const { result } = dto;
  if (result.denials === 0) {
    return (
      <p role="status" className="mb-4 rounded bg-slate-100 px-3 py-2 text-sm text-slate-700">
        No resolved denials were opened between {dto.input.from} and {dto.input.to} in your reach: nothing to replay. Try a longer period.
      </p>
    );
  }
  return (
    <section aria-labelledby="bt-answer" className="mb-5 space-y-3">
      <h2 id="bt-answer" className="text-sm font-semibold text-slate-800">
        {result.denials.toLocaleString('en-US')} resolved denials from {dto.replayFrom} to {dto.input.to}: {result.days.length} working days,{' '}
        {dto.specialists} specialist{dto.specialists === 1 ? '' : 's'} × {dto.input.perDay} a day = {result.capacityPerDay.toLocaleString('en-US')} a day
      </h2>
      <p className="text-sm text-slate-700">
        History shows {formatUsd(result.recoverableCents)} recovered on these denials: that is the most any order can recover here.
        {dto.truncated
          ? ` More than ${dto.limit.toLocaleString('en-US')} were opened in the period: only the ${dto.limit.toLocaleString('en-US')} most recently opened are replayed, from ${dto.replayFrom}.`
          : ''}
      </p>
      {keptUp(result) ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Every order worked every denial in time: with {result.capacityPerDay.toLocaleString('en-US')} a day the team kept up, so the order did not matter.
          The order matters when there is more work than time — try fewer denials per specialist per day to see which order holds up.
        </p>
      ) : null}
      <BacktestResults result={result} weightsAreCurrent={dto.weightsAreCurrent} />
      <CumulativeChart days={result.days} series={result.policies.map((p) => ({ policy: p.policy, cumulativeCents: p.cumulativeCents }))} />
    </section>
  );
}

/** Whether every order recovered all there was and missed no deadline: the question had no pressure in it. */
function keptUp(result: ReplayResult): boolean {
  return result.policies.every((p) => p.recoveredCents === result.recoverableCents && p.deadlinesMissed === 0 && p.leftOpen === 0);
}
