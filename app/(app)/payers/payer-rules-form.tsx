'use client';
import { type FormEvent, useState, useTransition } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Label, Select, Textarea } from '@/components/ui/input';
import { APPEAL_LEVEL_VALUES, appealLevelLabel, parseAppealLevel } from '@/lib/domain/appeal-levels';
import { type AppealLevelRuleDto as Level, MAX_APPEALS_ADDRESS_LINES, MAX_LEVEL_NAME, type PayerRulesDto } from '@/lib/domain/contracts/payers';
import { levelName } from '@/lib/domain/deadline';
import { MAX_WRITE_OFF_THRESHOLD_CENTS, parseEnteredAmount } from '@/lib/domain/money';
import { DEADLINE_TRIGGERS, DEADLINE_TRIGGER_LABEL, PAYER_RULE_LIMITS as LIMITS, PAYER_TYPE_LABEL, type DeadlineTrigger } from '@/lib/domain/payer-rules';
import { updatePayerRulesAction } from './actions';

type Form = { levels: Level[]; tfValue: number; tfUnit: 'days' | 'months'; warningWindowDays: number; rollWeekendDeadlines: boolean; appealsAddress: string; statusCheckDays: number; resubmissionFollowUpDays: number; writeOffThreshold: string };

const toForm = (p: PayerRulesDto): Form => ({
  levels: p.levels.map((l) => ({ ...l })),
  tfValue: p.timelyFiling.value,
  tfUnit: p.timelyFiling.unit,
  warningWindowDays: p.warningWindowDays,
  rollWeekendDeadlines: p.rollWeekendDeadlines,
  appealsAddress: p.appealsAddress,
  statusCheckDays: p.statusCheckDays.value,
  resubmissionFollowUpDays: p.resubmissionFollowUpDays.value,
  writeOffThreshold: p.writeOffThreshold,
});

/** A setting left at its default stays on the default (null), so a later change of the default applies. */
const ownOrDefault = (setting: { value: number; isDefault: boolean }, value: number) => (setting.isDefault && value === setting.value ? null : value);

/** The name a level has when the payer gives none: "Redetermination", "Level 2 appeal". */
const defaultName = (p: PayerRulesDto, level: Level['level']) => levelName({ payerType: p.payerType }, parseAppealLevel(level)!);

function summary(p: PayerRulesDto): string {
  const levels = p.levels
    .map((l) => `${l.name || defaultName(p, l.level)}: ${l.days} d${l.minimumAmount ? ` (≥ $${l.minimumAmount} in ${l.minimumAmountYear})` : ''}`)
    .join(' · ');
  const address = p.appealsAddress ? ` · appeals to ${p.appealsAddress.split('\n').join(', ')}` : ' · no appeals address';
  const writeOff = p.writeOffThreshold ? ` · write-offs above $${p.writeOffThreshold} need approval` : '';
  return `${levels} · status check ${p.statusCheckDays.value} d after filing · corrected claims followed up after ${p.resubmissionFollowUpDays.value} d · timely filing ${p.timelyFiling.value} ${p.timelyFiling.unit} · warn ${p.warningWindowDays} d${p.rollWeekendDeadlines ? ' · weekends roll to Monday' : ''}${writeOff}${address}`;
}

/** One payer's deadline rules: read as a line, edited in place, saved against the version it was read at. */
export function PayerRulesForm({ payer }: { payer: PayerRulesDto }) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState(() => toForm(payer));
  const [seenVersion, setSeenVersion] = useState(payer.version);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // Saved here or elsewhere: show what is stored now.
  if (payer.version !== seenVersion) {
    setSeenVersion(payer.version);
    setForm(toForm(payer));
  }
  const setLevel = (i: number, patch: Partial<Level>) => setForm((f) => ({ ...f, levels: f.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
  const free = APPEAL_LEVEL_VALUES.filter((l) => !form.levels.some((x) => x.level === l));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here for an immediate answer; the server parses the same text with the same rule.
    const threshold = form.writeOffThreshold.trim() === '' ? null : parseEnteredAmount(form.writeOffThreshold, MAX_WRITE_OFF_THRESHOLD_CENTS);
    if (threshold && !threshold.ok) return setMessage({ tone: 'error', text: `Write-off approval threshold: ${threshold.reason}` });
    startTransition(async () => {
      const result = await updatePayerRulesAction({
        payerId: payer.id,
        version: seenVersion,
        levels: form.levels,
        timelyFiling: { value: form.tfValue, unit: form.tfUnit },
        warningWindowDays: form.warningWindowDays,
        rollWeekendDeadlines: form.rollWeekendDeadlines,
        appealsAddress: form.appealsAddress,
        statusCheckDays: ownOrDefault(payer.statusCheckDays, form.statusCheckDays),
        resubmissionFollowUpDays: ownOrDefault(payer.resubmissionFollowUpDays, form.resubmissionFollowUpDays),
        writeOffThreshold: form.writeOffThreshold,
      });
      if (result.ok) {
        setMessage({ tone: 'success', text: result.data.rescore === 'queued' ? 'Saved. Open denials are being rescored.' : 'Saved and rescored.' });
        setEditing(false);
      } else {
        const fields = result.fieldErrors ? Object.values(result.fieldErrors).flat().join(' ') : '';
        setMessage({ tone: 'error', text: `${result.message}${fields ? ` ${fields}` : ''}` });
      }
    });
  };

  return (
    <Card role="region" aria-label={payer.name}>
      <div className="flex flex-wrap items-center gap-3 px-4 py-2.5">
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <h2 className="text-sm font-semibold text-slate-900">{payer.name}</h2>
            <Badge>{PAYER_TYPE_LABEL[payer.payerType]}</Badge>
            <span className="font-mono text-xs text-slate-500">{payer.identifier}</span>
            {payer.levelsAreDefault ? <Badge tone="info">defaults</Badge> : null}
          </div>
          <p className="mt-0.5 text-xs text-slate-600">{summary(payer)}</p>
        </div>
        <span className="text-xs text-slate-500">{payer.openDenials.toLocaleString('en-US')} open denials</span>
        <Button size="sm" variant="secondary" onClick={() => (setEditing((v) => !v), setMessage(null))} aria-expanded={editing}>
          {editing ? 'Close' : 'Edit rules'}
        </Button>
      </div>
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`mx-4 mb-2 rounded px-2 py-1 text-xs ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
          {message.text}
        </p>
      ) : null}
      {editing ? (
        <form onSubmit={submit} aria-label={`Rules for ${payer.name}`} className="space-y-3 border-t border-slate-200 px-4 py-3 text-sm">
          <fieldset className="space-y-1.5">
            <legend className="text-xs font-medium text-slate-600">Appeal windows</legend>
            {form.levels.map((l, i) => (
              <div key={l.level} className="flex flex-wrap items-center gap-1.5">
                <Select aria-label="Level" value={l.level} onChange={(e) => setLevel(i, { level: e.target.value as Level['level'] })} className="w-40">
                  {[l.level, ...free].map((x) => (
                    <option key={x} value={x}>
                      {appealLevelLabel(x)}
                    </option>
                  ))}
                </Select>
                <Input aria-label={`${appealLevelLabel(l.level)} days`} type="number" min={LIMITS.levelDays.min} max={LIMITS.levelDays.max} value={l.days} onChange={(e) => setLevel(i, { days: Number(e.target.value) })} className="w-20" />
                <span className="text-slate-600">days from</span>
                <Select aria-label={`${appealLevelLabel(l.level)} counted from`} value={l.trigger} onChange={(e) => setLevel(i, { trigger: e.target.value as DeadlineTrigger })}>
                  {DEADLINE_TRIGGERS.map((t) => (
                    <option key={t} value={t}>
                      {DEADLINE_TRIGGER_LABEL[t]}
                    </option>
                  ))}
                </Select>
                <span className="text-slate-600">presumed received</span>
                <Input
                  aria-label={`${appealLevelLabel(l.level)} receipt presumption days`}
                  type="number"
                  min={LIMITS.receiptPresumptionDays.min}
                  max={LIMITS.receiptPresumptionDays.max}
                  value={l.receiptPresumptionDays}
                  onChange={(e) => setLevel(i, { receiptPresumptionDays: Number(e.target.value) })}
                  className="w-16"
                />
                <span className="text-slate-600">days after</span>
                <Button type="button" size="sm" variant="ghost" disabled={form.levels.length === 1} onClick={() => setForm((f) => ({ ...f, levels: f.levels.filter((_, j) => j !== i) }))}>
                  Remove
                </Button>
                <span className="flex basis-full flex-wrap items-center gap-1.5 pl-2 text-slate-600">
                  called
                  <Input aria-label={`${appealLevelLabel(l.level)} name`} value={l.name} maxLength={MAX_LEVEL_NAME} placeholder={defaultName(payer, l.level)} onChange={(e) => setLevel(i, { name: e.target.value })} className="w-52" />
                  needs at least $
                  <Input
                    aria-label={`${appealLevelLabel(l.level)} amount in controversy`}
                    inputMode="decimal"
                    value={l.minimumAmount}
                    placeholder="no minimum"
                    onChange={(e) => setLevel(i, { minimumAmount: e.target.value, minimumAmountYear: l.minimumAmountYear ?? Number(new Date().getFullYear()) })}
                    className="w-28"
                  />
                  in controversy, figure for
                  <Input
                    aria-label={`${appealLevelLabel(l.level)} threshold year`}
                    type="number"
                    min={2000}
                    max={2100}
                    value={l.minimumAmountYear ?? ''}
                    disabled={!l.minimumAmount}
                    onChange={(e) => setLevel(i, { minimumAmountYear: e.target.value ? Number(e.target.value) : null })}
                    className="w-20"
                  />
                </span>
              </div>
            ))}
            {free.length ? (
              <Button type="button" size="sm" variant="ghost" onClick={() => setForm((f) => ({ ...f, levels: [...f.levels, { level: free[0]!, days: 60, trigger: 'prior_decision', receiptPresumptionDays: 0, name: '', minimumAmount: '', minimumAmountYear: null }] }))}>
                + Add level
              </Button>
            ) : null}
          </fieldset>
          <div className="flex max-w-md flex-col gap-1">
            <Label htmlFor={`aa-${payer.id}`}>Appeals address (as the letter prints it, up to {MAX_APPEALS_ADDRESS_LINES} lines)</Label>
            <Textarea
              id={`aa-${payer.id}`}
              rows={4}
              value={form.appealsAddress}
              placeholder={'Appeals Department\nPO Box 1000\nCity, ST 00000'}
              onChange={(e) => setForm((f) => ({ ...f, appealsAddress: e.target.value }))}
            />
          </div>
          <div className="flex flex-wrap items-end gap-4">
            <div className="flex flex-col gap-1">
              <Label htmlFor={`tf-${payer.id}`}>Timely filing from the date of service</Label>
              <span className="flex gap-1">
                <Input id={`tf-${payer.id}`} type="number" min={LIMITS.timelyFiling.min} max={LIMITS.timelyFiling.max} value={form.tfValue} onChange={(e) => setForm((f) => ({ ...f, tfValue: Number(e.target.value) }))} className="w-20" />
                <Select aria-label="Timely filing unit" value={form.tfUnit} onChange={(e) => setForm((f) => ({ ...f, tfUnit: e.target.value as Form['tfUnit'] }))}>
                  <option value="days">days</option>
                  <option value="months">months</option>
                </Select>
              </span>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`ww-${payer.id}`}>Warning window (days)</Label>
              <Input id={`ww-${payer.id}`} type="number" min={LIMITS.warningWindowDays.min} max={LIMITS.warningWindowDays.max} value={form.warningWindowDays} onChange={(e) => setForm((f) => ({ ...f, warningWindowDays: Number(e.target.value) }))} className="w-20" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`sc-${payer.id}`}>Status check (days after filing)</Label>
              <Input id={`sc-${payer.id}`} type="number" min={1} max={365} value={form.statusCheckDays} onChange={(e) => setForm((f) => ({ ...f, statusCheckDays: Number(e.target.value) }))} className="w-20" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`rf-${payer.id}`}>Corrected-claim follow-up (days after sending)</Label>
              <Input id={`rf-${payer.id}`} type="number" min={1} max={365} value={form.resubmissionFollowUpDays} onChange={(e) => setForm((f) => ({ ...f, resubmissionFollowUpDays: Number(e.target.value) }))} className="w-20" />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={`wo-${payer.id}`}>Write-off approval above ($)</Label>
              <Input
                id={`wo-${payer.id}`}
                inputMode="decimal"
                placeholder="global"
                aria-describedby={`wo-hint-${payer.id}`}
                value={form.writeOffThreshold}
                onChange={(e) => setForm((f) => ({ ...f, writeOffThreshold: e.target.value }))}
                className="w-28"
              />
              <span id={`wo-hint-${payer.id}`} className="text-[11px] text-slate-600">
                Empty: the global threshold
              </span>
            </div>
            <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
              <input type="checkbox" checked={form.rollWeekendDeadlines} onChange={(e) => setForm((f) => ({ ...f, rollWeekendDeadlines: e.target.checked }))} />
              Move a weekend deadline to Monday (only if this payer says so)
            </label>
            <Button type="submit" disabled={pending} className="ml-auto">
              {pending ? 'Saving…' : 'Save rules'}
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
