'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { formatDate } from '@/components/denials/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { FieldError, Input, Label, Select } from '@/components/ui/input';
import type { TeamMemberAway } from '@/lib/domain/team/away';
import { clearAwayAction, setAwayAction } from './actions';

const TH = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-600';

/** The team with each person's current or planned absence; mark away (with a cover) or clear. */
export function AwayTable({ people, today }: { people: TeamMemberAway[]; today: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState<TeamMemberAway | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);
  const [pending, startTransition] = useTransition();
  const clear = (p: TeamMemberAway) =>
    startTransition(async () => {
      const result = await clearAwayAction({ userId: p.id });
      setMessage(result.ok ? { tone: 'success', text: `${p.name} is no longer marked away.` } : { tone: 'error', text: result.message });
      router.refresh();
    });
  return (
    <Card>
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`px-3 pt-2 text-sm ${message.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
          {message.text}
        </p>
      ) : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-slate-200">
            <th className={TH}>Person</th>
            <th className={TH}>Away</th>
            <th className={TH}>Covered by</th>
            <th className={TH}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className="border-b border-slate-100">
              <td className="px-2 py-2 text-slate-900">
                {p.name} <span className="text-xs text-slate-600">{p.role === 'manager' ? 'manager' : 'specialist'}</span>
              </td>
              <td className="px-2 py-2 text-slate-800">
                {p.away ? (
                  <span className="flex items-center gap-1.5">
                    <Badge tone={p.away.phase === 'current' ? 'warning' : 'neutral'}>{p.away.phase === 'current' ? 'Away now' : 'Planned'}</Badge>
                    {formatDate(p.away.from, today)} – {formatDate(p.away.until, today)}
                  </span>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </td>
              <td className="px-2 py-2 text-slate-800">{p.away?.coverName ?? <span className="text-slate-500">—</span>}</td>
              <td className="px-2 py-2 text-right whitespace-nowrap">
                {/* The visible words start the accessible name; the person's name completes it for screen readers. */}
                <Button size="sm" variant="secondary" onClick={() => setEditing(p)}>
                  {p.away ? 'Change absence' : 'Mark away'}
                  <span className="sr-only"> for {p.name}</span>
                </Button>{' '}
                {p.away ? (
                  <Button size="sm" variant="ghost" disabled={pending} onClick={() => clear(p)}>
                    Clear absence<span className="sr-only"> for {p.name}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <AwayDialog
          person={editing}
          people={people}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setMessage({ tone: 'success', text });
            setEditing(null);
            router.refresh();
          }}
        />
      ) : null}
    </Card>
  );
}

function AwayDialog({
  person,
  people,
  today,
  onClose,
  onSaved,
}: {
  person: TeamMemberAway;
  people: TeamMemberAway[];
  today: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [from, setFrom] = useState(person.away?.from ?? today);
  const [until, setUntil] = useState(person.away?.until ?? today);
  const [cover, setCover] = useState(person.away?.coverId ?? '');
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await setAwayAction({ userId: person.id, from, until, coverId: cover });
      if (result.ok) return onSaved(`${person.name} is away ${formatDate(from, today)} – ${formatDate(until, today)}, covered by ${result.data?.coverName}.`);
      setErrors(result.fieldErrors ?? {});
      setProblem(result.message);
    });
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Mark ${person.name} away`} description="Their due follow-ups go to the cover’s queue while they are away.">
      <form onSubmit={submit} className="space-y-3" aria-label="Absence">
        <div className="grid grid-cols-2 gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="away-from">First day away</Label>
            <Input id="away-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
            <FieldError messages={errors.from} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="away-until">Last day away</Label>
            <Input id="away-until" type="date" value={until} onChange={(e) => setUntil(e.target.value)} required />
            <FieldError messages={errors.until} />
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="away-cover">Covered by (required)</Label>
          <Select id="away-cover" value={cover} onChange={(e) => setCover(e.target.value)} required>
            <option value="">Choose a person…</option>
            {people
              .filter((p) => p.id !== person.id)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </Select>
          <FieldError messages={errors.coverId} />
        </div>
        {problem ? (
          <p role="alert" className="text-sm text-red-700">
            {problem}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending || !cover}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
