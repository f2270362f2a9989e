'use client';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Label, Select, Textarea } from '@/components/ui/input';
import { DENIAL_CATEGORIES, DEPARTMENTS } from '@/lib/domain/codes';
import { type CreatePreventionIssueInput, PREVENTION_STATUSES, type PreventionIssueDto, type PreventionLogDto } from '@/lib/domain/contracts/prevention';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import { STATUS_LABEL } from './status-label';
import { createPreventionIssueAction, updatePreventionIssueAction } from './actions';

type Draft = Omit<PreventionIssueDto, 'id' | 'payerName' | 'ownerName' | 'version' | 'updatedAt' | 'linkedCount' | 'trend'>;

const EMPTY: Draft = {
  title: '', category: 'eligibility_coverage', carcCode: null, payerId: null, responsibleDepartment: 'front_desk', actionTaken: '',
  actionDate: null, ownerId: null, dueDate: null, status: 'open', result: '',
};

/** Logs a new root-cause issue, or edits one (sending the version it read, so a stale edit is refused). */
export function IssueForm({ issue, options, label }: { issue?: PreventionIssueDto; options: Pick<PreventionLogDto, 'payers' | 'owners'>; label: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(issue ?? EMPTY);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const prefix = issue ? `issue-${issue.id}` : 'new-issue';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      // The selects offer only valid keys; the server validates them again.
      const payload = {
        ...draft,
        carcCode: draft.carcCode ?? '',
        category: draft.category as CreatePreventionIssueInput['category'],
        responsibleDepartment: draft.responsibleDepartment as CreatePreventionIssueInput['responsibleDepartment'],
      };
      const result = issue ? await updatePreventionIssueAction({ ...payload, id: issue.id, version: issue.version }) : await createPreventionIssueAction(payload);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage({ tone: 'error', text: result.message });
        router.refresh();
        return;
      }
      setErrors({});
      setMessage({ tone: 'success', text: issue ? 'Saved.' : 'Logged.' });
      if (!issue) setDraft(EMPTY);
      router.refresh();
    });
  };

  const field = (name: keyof Draft, label: string, control: React.ReactNode, wide = false) => (
    <div className={`flex flex-col gap-1 ${wide ? 'sm:col-span-2' : ''}`}>
      <Label htmlFor={`${prefix}-${name}`}>{label}</Label>
      {control}
      {errors[name]?.map((e) => (
        <p key={e} className="text-xs text-red-700">{e}</p>
      ))}
    </div>
  );
  const id = (name: string) => ({ id: `${prefix}-${name}`, name });
  const date = (v: string) => (v === '' ? null : v);

  return (
    <form aria-label={label} onSubmit={submit} className="grid gap-3 p-4 sm:grid-cols-2" noValidate>
      {field('title', 'Issue', <Input {...id('title')} value={draft.title} onChange={(e) => set({ title: e.target.value })} />, true)}
      {field('category', 'Cause', (
        <Select {...id('category')} value={draft.category} onChange={(e) => set({ category: e.target.value })}>
          {DENIAL_CATEGORIES.map((c) => <option key={c} value={c}>{categoryLabel(c)}</option>)}
        </Select>
      ))}
      {field('carcCode', 'CARC (optional)', <Input {...id('carcCode')} value={draft.carcCode ?? ''} onChange={(e) => set({ carcCode: e.target.value })} placeholder="e.g. 27" />)}
      {field('payerId', 'Payer', (
        <Select {...id('payerId')} value={draft.payerId ?? ''} onChange={(e) => set({ payerId: e.target.value || null })}>
          <option value="">Every payer</option>
          {options.payers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </Select>
      ))}
      {field('responsibleDepartment', 'Responsible team', (
        <Select {...id('responsibleDepartment')} value={draft.responsibleDepartment} onChange={(e) => set({ responsibleDepartment: e.target.value })}>
          {DEPARTMENTS.filter((d) => d !== 'none').map((d) => <option key={d} value={d}>{departmentLabel(d)}</option>)}
        </Select>
      ))}
      {field('actionTaken', 'Action taken', <Textarea {...id('actionTaken')} rows={2} value={draft.actionTaken} onChange={(e) => set({ actionTaken: e.target.value })} />, true)}
      {field('actionDate', 'Action date', <Input type="date" {...id('actionDate')} value={draft.actionDate ?? ''} onChange={(e) => set({ actionDate: date(e.target.value) })} />)}
      {field('ownerId', 'Owner', (
        <Select {...id('ownerId')} value={draft.ownerId ?? ''} onChange={(e) => set({ ownerId: e.target.value || null })}>
          <option value="">Nobody yet</option>
          {options.owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </Select>
      ))}
      {field('dueDate', 'Due date', <Input type="date" {...id('dueDate')} value={draft.dueDate ?? ''} onChange={(e) => set({ dueDate: date(e.target.value) })} />)}
      {field('status', 'Status', (
        <Select {...id('status')} value={draft.status} onChange={(e) => set({ status: e.target.value as Draft['status'] })}>
          {PREVENTION_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
        </Select>
      ))}
      {field('result', 'Result', <Textarea {...id('result')} rows={2} value={draft.result} onChange={(e) => set({ result: e.target.value })} />, true)}
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : issue ? 'Save issue' : 'Log issue'}</Button>
        {message ? (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${message.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}`}>{message.text}</p>
        ) : null}
      </div>
    </form>
  );
}
