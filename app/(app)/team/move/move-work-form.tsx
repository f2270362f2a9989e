'use client';
import Link from 'next/link';
import { type FormEvent, useEffect, useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/denials/confirm-dialog';
import { ReasonField } from '@/components/denials/reason-field';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FieldError, Label, Select } from '@/components/ui/input';
import { personLabel } from '@/components/team/person-label';
import type { QueueOptionsDto } from '@/lib/domain/contracts/denials';
import type { DenialCategory } from '@/lib/domain/codes';
import { REASON_MIN } from '@/lib/domain/team/reassign-reason';
import { moveAmountText, moveScopeText } from '@/lib/domain/team/move-work';
import { moveWorkAction, previewMoveWorkAction } from './actions';

type Person = QueueOptionsDto['people'][number];
interface Preview {
  count: number;
  totalCents: number;
  fingerprint: string;
}


/** Pick from whom, what (payer, category or everything), to whom and why; the preview counts it live. */
export function MoveWorkForm({
  people,
  sources,
  payers,
  categories,
  initial,
  today,
}: {
  today: string;
  /** Who can be moved to (active). */
  people: Person[];
  /** Whose work can be moved: people with open denials, leavers included. */
  sources: Person[];
  payers: { id: string; name: string }[];
  categories: { key: string; label: string }[];
  initial: { from: string; payer: string; category: string };
}) {
  const [from, setFrom] = useState(initial.from);
  const [payer, setPayer] = useState(initial.payer);
  const [category, setCategory] = useState(initial.category);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<{ key: string; data: Preview | null; error?: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [pending, startTransition] = useTransition();
  const [round, setRound] = useState(0);

  const key = `${from}|${payer}|${category}|${round}`;
  useEffect(() => {
    if (!from) return;
    let live = true;
    void previewMoveWorkAction({ fromUserId: from, payerId: payer || null, category: (category || null) as DenialCategory | null }).then((result) => {
      if (live) setPreview(result.ok ? { key, data: result.data } : { key, data: null, error: result.message });
    });
    return () => {
      live = false;
    };
  }, [from, payer, category, key]);

  const current = preview?.key === key ? preview : null;
  const fromPerson = sources.find((p) => p.id === from);
  const toPerson = people.find((p) => p.id === to);
  const scope = moveScopeText({ payer: payers.find((p) => p.id === payer)?.name, category: categories.find((c) => c.key === category)?.label });
  const ready = !!current?.data && current.data.count > 0 && !!toPerson && to !== from && reason.trim().length >= REASON_MIN;

  const review = (e: FormEvent) => {
    e.preventDefault();
    if (ready) setConfirming(true);
  };
  const run = () => {
    const expected = current?.data;
    if (!expected) return;
    startTransition(async () => {
      const result = await moveWorkAction({
        fromUserId: from,
        payerId: payer || null,
        category: (category || null) as DenialCategory | null,
        toUserId: to,
        reason: reason.trim(),
        expected: { count: expected.count, fingerprint: expected.fingerprint },
      });
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) {
        setMessage({ tone: 'success', text: `Moved ${moveAmountText(result.data.count, result.data.totalCents)} to ${result.data.to.name}. They have been notified.` });
        setReason('');
      } else setMessage({ tone: 'error', text: result.message });
      setRound((n) => n + 1);
    });
  };

  return (
    <Card className="px-4 py-3">
      <form onSubmit={review} className="space-y-3" aria-label="Move work">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="move-from">From</Label>
            <Select id="move-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="">Choose a person…</option>
              {sources.map((p) => (
                <option key={p.id} value={p.id}>
                  {personLabel(p, today)}
                </option>
              ))}
            </Select>
            <FieldError messages={fieldErrors.fromUserId} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="move-to">To</Label>
            <Select id="move-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">Choose a person…</option>
              {people
                .filter((p) => p.id !== from)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {personLabel(p, today)}
                  </option>
                ))}
            </Select>
            <FieldError messages={fieldErrors.toUserId} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="move-payer">Payer</Label>
            <Select id="move-payer" value={payer} onChange={(e) => setPayer(e.target.value)}>
              <option value="">Every payer</option>
              {payers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="move-category">Category</Label>
            <Select id="move-category" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">Every category</option>
              {categories.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <ReasonField id="move-reason" value={reason} onChange={setReason} hint="It goes on each denial’s timeline and in the new owner’s notification." />
        <FieldError messages={fieldErrors.reason} />
        <p role="status" aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-sm text-slate-800">
          {!from
            ? 'Choose whose work to move.'
            : !current
              ? 'Counting…'
              : current.error
                ? current.error
                : `${fromPerson?.name ?? 'This person'} ${current.data!.count === 0 ? 'has no open denials' : `has ${moveAmountText(current.data!.count, current.data!.totalCents)} open`} in ${scope}.`}
        </p>
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-sm text-red-700' : 'text-sm text-emerald-800'}>
            {message.text}{' '}
            {message.tone === 'success' && toPerson ? (
              <>
                <Link className="underline" href={`/queue?view=all&owner=${toPerson.id}`}>
                  See {toPerson.name}’s queue
                </Link>{' '}
                ·{' '}
                {/* fresh=1: the board counts again rather than showing its last (pre-move) count. */}
                <Link className="underline" href="/team?fresh=1">
                  Back to the team board
                </Link>
              </>
            ) : null}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" disabled={!ready || pending}>
            Review the move…
          </Button>
        </div>
      </form>
      {confirming && current?.data && toPerson ? (
        <ConfirmDialog
          open
          onOpenChange={setConfirming}
          title={`Move ${moveAmountText(current.data.count, current.data.totalCents)} to ${toPerson.name}?`}
          confirmLabel={`Move ${current.data.count} ${current.data.count === 1 ? 'denial' : 'denials'}`}
          undo={`There is no one-step undo: to undo it, move them back from ${toPerson.name} to ${fromPerson?.name ?? 'their owner'} here (each denial’s timeline records the move and its reason).`}
          onConfirm={run}
        >
          <p>
            {fromPerson?.name}’s open denials in {scope}: <strong>{moveAmountText(current.data.count, current.data.totalCents)}</strong> go to{' '}
            <strong>{toPerson.name}</strong>, who gets one notification. If the set changes before you confirm, nothing moves and you see the new count.
          </p>
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
