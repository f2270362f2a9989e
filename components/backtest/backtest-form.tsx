import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/input';
import { WEIGHT_LIMITS } from '@/lib/domain/backtest/policies';
import { BACKTEST_LIMITS, type BacktestFormValues } from '@/lib/domain/contracts/score-backtest';

const WEIGHTS = [
  { name: 'wAmount', label: 'Amount' },
  { name: 'wLikelihood', label: 'Likelihood' },
  { name: 'wUrgency', label: 'Urgency' },
  { name: 'wEffort', label: 'Effort' },
] as const;

/**
 * The backtest's question as a GET form: the answer's URL holds the question, so it can be kept or sent. Works
 * without JavaScript; the server checks every field (contracts/score-backtest.ts). `values` are what was asked (as typed,
 * when it was refused), so a correction starts from the manager's own numbers.
 */
export function BacktestForm({ values, teamSpecialists }: { values: BacktestFormValues; teamSpecialists: number | null }) {
  return (
    <form method="get" action="/team/backtest" aria-label="Backtest settings" className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-xs">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="bt-from">From (opened on or after)</Label>
          <Input id="bt-from" name="from" type="date" defaultValue={values.from} required />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="bt-to">To</Label>
          <Input id="bt-to" name="to" type="date" defaultValue={values.to} required />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="bt-per-day">Denials per specialist per day</Label>
          <Input id="bt-per-day" name="perDay" type="number" min={BACKTEST_LIMITS.perDay.min} max={BACKTEST_LIMITS.perDay.max} defaultValue={values.perDay} className="w-24" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="bt-specialists">Specialists</Label>
          <Input
            id="bt-specialists"
            name="specialists"
            type="number"
            min={BACKTEST_LIMITS.specialists.min}
            max={BACKTEST_LIMITS.specialists.max}
            defaultValue={values.specialists}
            placeholder={teamSpecialists === null ? '' : `team: ${teamSpecialists}`}
            aria-describedby="bt-specialists-help"
            className="w-24"
          />
        </div>
        <p id="bt-specialists-help" className="max-w-56 text-xs text-slate-600">
          Empty: the active specialists you manage.
        </p>
      </div>
      <fieldset className="mt-3 flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-xs font-medium text-slate-700">
          Your weights: each part of the score raised to this power ({WEIGHT_LIMITS.min} ignores it, 1 is today’s score, {WEIGHT_LIMITS.max} counts it three times as hard)
        </legend>
        {WEIGHTS.map((w) => (
          <div key={w.name} className="flex flex-col gap-1">
            <Label htmlFor={`bt-${w.name}`}>{w.label} weight</Label>
            <Input id={`bt-${w.name}`} name={w.name} type="number" step={0.25} min={WEIGHT_LIMITS.min} max={WEIGHT_LIMITS.max} defaultValue={values[w.name]} className="w-20" />
          </div>
        ))}
        <Button type="submit" className="ml-auto">
          Run backtest
        </Button>
      </fieldset>
    </form>
  );
}
