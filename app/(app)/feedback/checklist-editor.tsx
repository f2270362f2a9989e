'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/input';
import type { ChecklistDto } from '@/lib/domain/contracts/prevention';
import { categoryLabel } from '@/lib/domain/labels';
import { updateChecklistAction } from './actions';

/** A manager's edit of one cause's checklist: one thing to check per line. */
export function ChecklistEditor({ checklist }: { checklist: ChecklistDto }) {
  const router = useRouter();
  const [text, setText] = useState(checklist.items.join('\n'));
  const [seen, setSeen] = useState(checklist.version);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (checklist.version !== seen) {
    setSeen(checklist.version);
    setText(checklist.items.join('\n'));
  }
  const id = `checklist-${checklist.category}`;
  const save = () =>
    startTransition(async () => {
      const items = text.split('\n').map((l) => l.trim()).filter(Boolean);
      const result = await updateChecklistAction({ category: checklist.category, items, version: checklist.version });
      if (!result.ok) {
        setMessage({ tone: 'error', text: [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(' ') });
      } else setMessage({ tone: 'success', text: 'Saved: the front desk sees this list now.' });
      router.refresh();
    });
  return (
    <div className="space-y-1.5 px-4 py-3">
      <Label htmlFor={id}>
        {categoryLabel(checklist.category)} {checklist.custom ? '· your list' : '· default list'}
      </Label>
      <Textarea id={id} rows={Math.min(8, checklist.items.length + 1)} value={text} onChange={(e) => setText(e.target.value)} className="w-full" />
      <div className="flex items-center gap-3">
        <Button size="sm" onClick={save} disabled={pending}>
          {pending ? 'Saving…' : `Save ${categoryLabel(checklist.category).toLowerCase()} checklist`}
        </Button>
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-xs ${message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>
            {message.text}
          </p>
        ) : null}
      </div>
    </div>
  );
}
