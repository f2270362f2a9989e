'use client';
import { useState, useTransition } from 'react';
import { previewRerunAction, rerunUnassignedAction } from './actions';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import type { RerunPreviewDto, RerunScope } from '@/lib/domain/contracts/assignment-rules';
import { formatUsd } from '@/lib/domain/money';

const SCOPES: { value: RerunScope; label: string }[] = [
  { value: 'no_team', label: 'Denials with no team and no owner' },
  { value: 'no_owner', label: 'Every open denial with no owner (a rule may move it to another team)' },
];

/** Applies today's rules to open denials nobody owns, after a confirmation that says how many and how much. */
export function RerunPanel({ disabled }: { disabled: boolean }) {
  const [scope, setScope] = useState<RerunScope>('no_team');
  const [plan, setPlan] = useState<RerunPreviewDto | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const check = () =>
    startTransition(async () => {
      const result = await previewRerunAction({ scope });
      if (!result.ok) return setMessage(result.message);
      if (result.data.count === 0) return setMessage(`No rule matches any of these denials${result.data.unmatched ? ` (${result.data.unmatched.toLocaleString('en-US')} match no rule)` : ''}: nothing to route.`);
      setMessage(null);
      setPlan(result.data);
    });

  const apply = (confirmed: RerunPreviewDto) =>
    startTransition(async () => {
      const result = await rerunUnassignedAction({ scope: confirmed.scope, expectedCount: confirmed.count });
      if (result.ok) {
        const { assigned, withOwner, unmatched } = result.data;
        setMessage(`Routed ${assigned.toLocaleString('en-US')} ${assigned === 1 ? 'denial' : 'denials'} (${withOwner.toLocaleString('en-US')} with an owner).${unmatched ? ` ${unmatched.toLocaleString('en-US')} match no rule and stay unassigned.` : ''}`);
      } else setMessage(result.message);
    });

  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>Re-run on the unassigned queue</CardTitle>
      </CardHeader>
      <div className="space-y-3 px-4 py-3 text-sm">
        <p className="text-xs text-slate-600">Imports are routed as they arrive. This applies the rules as they are now to open denials nobody owns, oldest first (up to 20,000 at a time).</p>
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-slate-600">Which denials</legend>
          {SCOPES.map((s) => (
            <label key={s.value} className="flex items-start gap-2 text-sm text-slate-800">
              <input type="radio" name="rerun-scope" value={s.value} checked={scope === s.value} onChange={() => setScope(s.value)} className="mt-1" />
              {s.label}
            </label>
          ))}
        </fieldset>
        <Button onClick={check} disabled={disabled || pending}>
          Re-run rules…
        </Button>
        {message ? (
          <p role="status" className="text-sm text-slate-700">
            {message}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={plan !== null}
        onOpenChange={(open) => !open && setPlan(null)}
        title="Route these denials now?"
        subject={plan ? `${plan.count.toLocaleString('en-US')} ${plan.count === 1 ? 'denial' : 'denials'}, ${formatUsd(plan.cents)}` : undefined}
        confirmLabel={plan ? `Route ${plan.count.toLocaleString('en-US')}` : 'Route'}
        undo="Not undone in one step: each denial can be reassigned from its page or the queue. Every one gets a timeline entry naming the rule, and each new owner one notification."
        onConfirm={() => plan && apply(plan)}
      >
        {plan ? (
          <>
            <ul className="list-disc space-y-0.5 pl-5">
              {plan.byRule.map((r) => (
                <li key={r.ruleName}>
                  {r.ruleName} → {r.teamName}: {r.count.toLocaleString('en-US')} ({formatUsd(r.cents)}){r.owners ? `, ${r.owners} ${r.owners === 1 ? 'owner' : 'owners'}` : ', no owner'}
                </li>
              ))}
            </ul>
            {plan.unmatched ? <p className="mt-1 text-xs text-slate-600">{plan.unmatched.toLocaleString('en-US')} match no rule and stay where they are.</p> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </Card>
  );
}
