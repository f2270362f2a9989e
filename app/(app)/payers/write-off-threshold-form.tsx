'use client';
import { type FormEvent, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/input';
import { centsToText, formatUsd, parseEnteredAmount } from '@/lib/domain/money';
import { setWriteOffThresholdAction } from './actions';

/** Above this amount a specialist's write-off waits for a manager's approval. */
export function WriteOffThresholdForm({ cents }: { cents: number }) {
  const [dollars, setDollars] = useState(() => centsToText(cents));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here for an immediate answer; the server parses the same text with the same rule.
    const amount = parseEnteredAmount(dollars);
    if (!amount.ok) return setMessage(amount.reason);
    startTransition(async () => {
      const result = await setWriteOffThresholdAction({ threshold: dollars });
      const refusal = result.ok ? null : (result.fieldErrors?.threshold?.[0] ?? result.message);
      setMessage(result.ok ? `Saved: write-offs above ${formatUsd(result.data.cents)} need approval.` : refusal);
    });
  };
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>Write-off approval</CardTitle>
      </CardHeader>
      <form onSubmit={submit} className="space-y-2 px-4 py-3" aria-label="Write-off approval threshold">
        <Label htmlFor="writeoff-threshold">Managers approve write-offs above ($)</Label>
        <div className="flex gap-2">
          <Input id="writeoff-threshold" inputMode="decimal" value={dollars} onChange={(e) => setDollars(e.target.value)} className="w-32" />
          <Button type="submit" disabled={pending}>
            Save
          </Button>
        </div>
        <p className="text-xs text-slate-600">Currently {formatUsd(cents)}, for payers without their own (set under Edit rules). Nobody approves their own write-off.</p>
        {message ? (
          <p role="status" className="text-xs text-slate-700">
            {message}
          </p>
        ) : null}
      </form>
    </Card>
  );
}
