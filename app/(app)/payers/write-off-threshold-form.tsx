'use client';
import { type FormEvent, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/input';
import { formatUsd } from '@/lib/domain/money';
import { setWriteOffThresholdAction } from './actions';

/** Above this amount a specialist's write-off waits for a manager's approval. */
export function WriteOffThresholdForm({ cents }: { cents: number }) {
  const [dollars, setDollars] = useState(String(cents / 100));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await setWriteOffThresholdAction({ cents: Math.round(Number(dollars) * 100) });
      setMessage(result.ok ? `Saved: write-offs above ${formatUsd(result.data.cents)} need approval.` : result.message);
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
          <Input id="writeoff-threshold" type="number" min={0} step="0.01" value={dollars} onChange={(e) => setDollars(e.target.value)} className="w-32" />
          <Button type="submit" disabled={pending}>
            Save
          </Button>
        </div>
        <p className="text-xs text-slate-600">Currently {formatUsd(cents)}. Managers’ own write-offs never wait.</p>
        {message ? (
          <p role="status" className="text-xs text-slate-700">
            {message}
          </p>
        ) : null}
      </form>
    </Card>
  );
}
