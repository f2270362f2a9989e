'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { runSlaCheckNowAction } from './actions';

/** The 15-minute check, now: after turning a rule on, a manager sees its escalations without waiting. */
export function RunSlaCheckButton() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await runSlaCheckNowAction({});
      if (!result.ok) return setMessage(result.message);
      const n = result.data.escalated;
      setMessage(n === 0 ? 'Checked: nothing to escalate.' : `Checked: escalated ${n} ${n === 1 ? 'denial' : 'denials'}.`);
      router.refresh();
    });
  return (
    <>
      {message ? (
        <p role="status" className="text-xs text-slate-700">
          {message}
        </p>
      ) : null}
      <Button variant="secondary" onClick={run} disabled={pending} className="whitespace-nowrap">
        {pending ? 'Checking…' : 'Run the check now'}
      </Button>
    </>
  );
}
