'use client';
import { type FormEvent, type ReactNode, useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import type { TeamSlaDto } from '@/lib/domain/contracts/team-slas';
import { SLA_LIMITS as L, SLA_RULES, SLA_RULE_LABELS, type SlaRule, type SlaSettings, describeSlaRule, slaProblems } from '@/lib/domain/sla';
import { previewTeamSlaAction, updateTeamSlaAction } from './actions';

const SOURCE_LABEL: Record<TeamSlaDto['source'], string> = {
  team: 'Own settings',
  organization: 'Organisation default',
  none: 'Nothing set: all off',
};

const ENABLED: Record<SlaRule, 'followUpOverdueEnabled' | 'deadlineUnworkedEnabled' | 'unassignedEnabled'> = {
  follow_up_overdue: 'followUpOverdueEnabled',
  deadline_unworked: 'deadlineUnworkedEnabled',
  unassigned: 'unassignedEnabled',
};

type NumberField = keyof typeof L;

const FIELD_LABEL: Record<NumberField, string> = {
  followUpOverdueDays: 'Follow-up overdue days',
  deadlineWithinDays: 'Deadline within days',
  deadlineIdleDays: 'Not worked for days',
  unassignedHours: 'Unassigned hours',
};

function NumberInput({ field, form, set, id }: { field: NumberField; form: SlaSettings; set: (patch: Partial<SlaSettings>) => void; id: string }) {
  return (
    <Input
      id={id}
      aria-label={FIELD_LABEL[field]}
      type="number"
      min={L[field].min}
      max={L[field].max}
      value={Number.isNaN(form[field]) ? '' : form[field]}
      onChange={(e) => set({ [field]: e.target.valueAsNumber })}
      className="w-20"
    />
  );
}

/** What each rule would escalate now, in words: "3 would escalate now" or, switched off, "if switched on". */
function wouldFire(n: number, on: boolean): string {
  const denials = `${n.toLocaleString('en-US')} ${n === 1 ? 'denial' : 'denials'}`;
  return on ? `${denials} would escalate now` : `${denials} would escalate if switched on`;
}

/** One team's SLA (or the organisation default): the three rules, each on or off with its numbers. */
export function TeamSlaForm({ sla }: { sla: TeamSlaDto }) {
  const [form, setForm] = useState(sla.settings);
  const [seenVersion, setSeenVersion] = useState(sla.version);
  const [seenSource, setSeenSource] = useState(sla.source);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [preview, setPreview] = useState<{ of: SlaSettings; counts: TeamSlaDto['wouldFire'] } | null>(null);
  const [pending, startTransition] = useTransition();
  // Saved here or elsewhere: show what is stored now.
  if (sla.version !== seenVersion || sla.source !== seenSource) {
    setSeenVersion(sla.version);
    setSeenSource(sla.source);
    setForm(sla.settings);
  }
  const set = (patch: Partial<SlaSettings>) => setForm((f) => ({ ...f, ...patch }));
  const key = sla.teamId ?? 'org';
  const title = sla.teamId === null ? 'Organisation default' : sla.teamName;

  // Checked here for an immediate answer; the server checks the same ranges.
  const refuse = (): boolean => {
    const problems = Object.entries(slaProblems(form)).map(([field, problem]) => `${FIELD_LABEL[field as NumberField]}: ${problem}`);
    if (problems.length > 0) setMessage({ tone: 'error', text: `Please correct the numbers. ${problems.join('. ')}.` });
    return problems.length > 0;
  };
  // The counts for the numbers on screen, once asked for and until they change.
  const previewed = preview && JSON.stringify(preview.of) === JSON.stringify(form) ? preview.counts : null;
  const count = () => {
    if (refuse()) return;
    const of = form;
    startTransition(async () => {
      const result = await previewTeamSlaAction({ teamId: sla.teamId, ...of });
      if (result.ok) {
        setPreview({ of, counts: result.data });
        setMessage(null);
      } else setMessage({ tone: 'error', text: result.message });
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (refuse()) return;
    startTransition(async () => {
      const result = await updateTeamSlaAction({ teamId: sla.teamId, version: seenVersion, ...form });
      if (result.ok) setMessage({ tone: 'success', text: 'Saved. The next check (within 15 minutes) applies it.' });
      else {
        const fields = result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : '';
        setMessage({ tone: 'error', text: `${result.message}${fields ? ` ${fields}` : ''}` });
      }
    });
  };

  const numbers: Record<SlaRule, ReactNode> = {
    follow_up_overdue: (
      <>
        <span>Follow-up overdue by more than</span>
        <NumberInput id={`fu-${key}`} field="followUpOverdueDays" form={form} set={set} />
        <span>days</span>
      </>
    ),
    deadline_unworked: (
      <>
        <span>Deadline within</span>
        <NumberInput id={`dw-${key}`} field="deadlineWithinDays" form={form} set={set} />
        <span>days and nobody worked it for</span>
        <NumberInput id={`di-${key}`} field="deadlineIdleDays" form={form} set={set} />
        <span>days</span>
      </>
    ),
    unassigned: (
      <>
        <span>No owner for more than</span>
        <NumberInput id={`un-${key}`} field="unassignedHours" form={form} set={set} />
        <span>hours</span>
      </>
    ),
  };

  return (
    <Card role="region" aria-label={title}>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        {sla.teamId !== null || sla.source === 'none' ? <Badge tone={sla.source === 'team' ? 'info' : 'neutral'}>{SOURCE_LABEL[sla.source]}</Badge> : null}
        {sla.teamId === null ? <span className="text-xs text-slate-600">For teams without their own settings and for denials with no team.</span> : null}
      </div>
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`mx-4 mt-2 rounded px-2 py-1 text-xs ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
          {message.text}
        </p>
      ) : null}
      {sla.canEdit ? (
        <form onSubmit={submit} noValidate aria-label={`SLA for ${title}`} className="space-y-2 px-4 py-3 text-sm">
          {SLA_RULES.map((rule) => (
            <fieldset key={rule} className="flex flex-wrap items-center gap-1.5">
              <legend className="sr-only">{SLA_RULE_LABELS[rule]}</legend>
              <label className="flex w-64 items-center gap-2 font-medium text-slate-800">
                <input type="checkbox" checked={form[ENABLED[rule]]} onChange={(e) => set({ [ENABLED[rule]]: e.target.checked })} />
                {SLA_RULE_LABELS[rule]}
              </label>
              {numbers[rule]}
              <span className="ml-auto text-xs text-slate-600">
                {previewed ? `With these numbers: ${wouldFire(previewed[rule], form[ENABLED[rule]])}` : wouldFire(sla.wouldFire[rule], sla.settings[ENABLED[rule]])}
              </span>
            </fieldset>
          ))}
          <div className="flex items-center gap-2 pt-1">
            <Button type="submit" disabled={pending}>
              Save SLA
            </Button>
            <Button type="button" variant="secondary" onClick={count} disabled={pending}>
              Count with these numbers
            </Button>
            {sla.source === 'organization' && sla.teamId !== null ? <span className="text-xs text-slate-600">Saving gives this team its own settings.</span> : null}
          </div>
        </form>
      ) : (
        <ul className="space-y-1 px-4 py-3 text-sm" aria-label={`SLA for ${title}`}>
          {SLA_RULES.map((rule) => (
            <li key={rule} className="flex flex-wrap gap-2">
              <span className="font-medium text-slate-800">{SLA_RULE_LABELS[rule]}:</span>
              <span className="text-slate-700">{sla.settings[ENABLED[rule]] ? describeSlaRule(rule, sla.settings) : 'off'}</span>
              <span className="ml-auto text-xs text-slate-600">{wouldFire(sla.wouldFire[rule], sla.settings[ENABLED[rule]])}</span>
            </li>
          ))}
          <li className="text-xs text-slate-600">Only a manager with organisation-wide scope changes the default.</li>
        </ul>
      )}
    </Card>
  );
}
