'use client';
import { type FormEvent, useId, useState, useTransition } from 'react';
import Link from 'next/link';
import { previewRuleAction, saveRuleAction } from './actions';
import { Button } from '@/components/ui/button';
import { FieldError, Input, Label, Select } from '@/components/ui/input';
import { parseAmountRange } from '@/lib/domain/assignment/amount-range';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy, STRATEGY_LABELS } from '@/lib/domain/assignment/rules';
import { DENIAL_CATEGORIES, DEPARTMENTS } from '@/lib/domain/codes';
import type { AssignmentRulesPage, RuleDraftInput, RuleDto, RulePreviewDto } from '@/lib/domain/contracts/assignment-rules';
import { CATEGORY_LABEL, DEPARTMENT_LABEL } from '@/lib/domain/labels';
import { formatUsd } from '@/lib/domain/money';

type Errors = Record<string, string[] | undefined>;

function Checklist({ legend, options, chosen, onChange, error }: { legend: string; options: { value: string; label: string }[]; chosen: string[]; onChange: (next: string[]) => void; error?: string[] }) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-xs font-medium text-slate-600">
        {legend} <span className="font-normal text-slate-500">({chosen.length ? `${chosen.length} chosen` : 'any'})</span>
      </legend>
      <div className="mt-1 max-h-32 overflow-y-auto rounded-md border border-slate-200 px-2 py-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 py-0.5 text-sm text-slate-800">
            <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError messages={error} />
    </fieldset>
  );
}

/**
 * Creates or edits one rule. Preview asks the server what the rule as typed (saved or not) would match among
 * today's open denials and what it would actually get after the rules above it; Save sends the version it read,
 * so an edit made meanwhile by someone else is refused rather than overwritten.
 */
export function RuleEditor({ rule, isDefault, page, onDone }: { rule: RuleDto | null; isDefault: boolean; page: AssignmentRulesPage; onDone: (message: string) => void }) {
  const id = useId();
  const [name, setName] = useState(rule?.name ?? (isDefault ? 'Everything else' : ''));
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [payerIds, setPayerIds] = useState(rule?.payerIds ?? []);
  const [categories, setCategories] = useState(rule?.categories ?? []);
  const [departments, setDepartments] = useState(rule?.departments ?? []);
  const [carcCodes, setCarcCodes] = useState(rule?.carcText ?? '');
  const [rarcCodes, setRarcCodes] = useState(rule?.rarcText ?? '');
  const [amountRange, setAmountRange] = useState(rule?.amountText ?? '');
  const [providerNpis, setProviderNpis] = useState(rule?.npiText ?? '');
  const [teamId, setTeamId] = useState(rule?.teamId ?? page.teams[0]?.id ?? '');
  const [strategy, setStrategy] = useState<AssignmentStrategy>(rule?.strategy ?? 'round_robin');
  const [userId, setUserId] = useState(rule?.userId ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<RulePreviewDto | null>(null);
  const [pending, startTransition] = useTransition();
  const people = page.people.filter((p) => p.teamId === teamId);

  const draft = (): RuleDraftInput => ({
    ...(rule ? { id: rule.id, version: rule.version } : {}),
    isDefault,
    name,
    enabled,
    payerIds: isDefault ? [] : payerIds,
    categories: isDefault ? [] : (categories as RuleDraftInput['categories']),
    departments: isDefault ? [] : (departments as RuleDraftInput['departments']),
    carcCodes: isDefault ? '' : carcCodes,
    rarcCodes: isDefault ? '' : rarcCodes,
    amountRange: isDefault ? '' : amountRange,
    providerNpis: isDefault ? '' : providerNpis,
    teamId,
    strategy,
    userId: strategy === 'named_person' ? userId || null : null,
  });

  /** The amount is checked here for an immediate answer; the server parses the same text with the same rule. */
  const checkedLocally = (): boolean => {
    const range = parseAmountRange(amountRange);
    if (!isDefault && !range.ok) {
      setErrors({ amountRange: [range.reason] });
      return false;
    }
    return true;
  };

  const ask = (kind: 'preview' | 'save') => {
    if (!checkedLocally()) return;
    startTransition(async () => {
      if (kind === 'preview') {
        const result = await previewRuleAction(draft());
        setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
        setPreview(result.ok ? result.data : null);
        setMessage(result.ok ? null : result.message);
        return;
      }
      const result = await saveRuleAction(draft());
      if (result.ok) return onDone(`Saved “${name.trim()}”.`);
      // Someone else changed or deleted it: the list shows the rules as stored now, to check and edit again.
      if (result.code === 'conflict' || result.code === 'not_found') return onDone(result.message);
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask('save');
  };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-slate-200 bg-white p-3" aria-label={rule ? `Edit “${rule.name}”` : isDefault ? 'Default rule' : 'New rule'} noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor={`${id}-name`}>Name</Label>
          <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} className="w-full" aria-invalid={!!errors.name} maxLength={80} />
          <FieldError messages={errors.name} />
        </div>
        {isDefault ? null : (
          <label className="flex items-center gap-2 self-end text-sm text-slate-800">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Rule is on
          </label>
        )}
      </div>

      {isDefault ? (
        <p className="text-xs text-slate-600">The default rule has no conditions: it takes every denial the rules above it do not.</p>
      ) : (
        <>
          <p className="text-xs text-slate-600">Conditions: a denial matches when every condition you fill in holds (an empty one means any). Within a list, any value matches.</p>
          <div className="grid gap-3 sm:grid-cols-3">
            <Checklist legend="Payers" options={page.payers.map((p) => ({ value: p.id, label: p.name }))} chosen={payerIds} onChange={setPayerIds} error={errors.payerIds} />
            <Checklist legend="Categories" options={DENIAL_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))} chosen={categories} onChange={setCategories} error={errors.categories} />
            <Checklist legend="Departments" options={DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_LABEL[d] }))} chosen={departments} onChange={setDepartments} error={errors.departments} />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <Label htmlFor={`${id}-carc`}>CARC codes</Label>
              <Input id={`${id}-carc`} value={carcCodes} onChange={(e) => setCarcCodes(e.target.value)} placeholder="e.g. 29, CO-197" className="w-full" aria-invalid={!!errors.carcCodes} aria-describedby={`${id}-codes-help`} />
              <FieldError messages={errors.carcCodes} />
            </div>
            <div className="space-y-1">
              <Label htmlFor={`${id}-rarc`}>RARC codes</Label>
              <Input id={`${id}-rarc`} value={rarcCodes} onChange={(e) => setRarcCodes(e.target.value)} placeholder="e.g. N30, M127" className="w-full" aria-invalid={!!errors.rarcCodes} aria-describedby={`${id}-codes-help`} />
              <FieldError messages={errors.rarcCodes} />
            </div>
            <p id={`${id}-codes-help`} className="text-xs text-slate-500 sm:col-span-2">
              Separate codes with commas or spaces; a denial matches when it carries any of them. Codes are checked against the code lists.
            </p>
            <div className="space-y-1">
              <Label htmlFor={`${id}-amount`}>Denied amount</Label>
              <Input id={`${id}-amount`} value={amountRange} onChange={(e) => setAmountRange(e.target.value)} placeholder="e.g. 500-5,000, over 10,000, under 50" className="w-full" aria-invalid={!!errors.amountRange} />
              <FieldError messages={errors.amountRange} />
            </div>
            <div className="space-y-1">
              <Label htmlFor={`${id}-npi`}>Rendering provider NPIs</Label>
              <Input id={`${id}-npi`} value={providerNpis} onChange={(e) => setProviderNpis(e.target.value)} inputMode="numeric" className="w-full" aria-invalid={!!errors.providerNpis} />
              <FieldError messages={errors.providerNpis} />
            </div>
          </div>
        </>
      )}

      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <Label htmlFor={`${id}-team`}>Team</Label>
          <Select id={`${id}-team`} value={teamId} onChange={(e) => setTeamId(e.target.value)} className="w-full" aria-invalid={!!errors.teamId}>
            {page.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
          <FieldError messages={errors.teamId} />
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${id}-strategy`}>Owner</Label>
          <Select id={`${id}-strategy`} value={strategy} onChange={(e) => setStrategy(e.target.value as AssignmentStrategy)} className="w-full">
            {ASSIGNMENT_STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {STRATEGY_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
        {strategy === 'named_person' ? (
          <div className="space-y-1">
            <Label htmlFor={`${id}-person`}>Person</Label>
            <Select id={`${id}-person`} value={userId} onChange={(e) => setUserId(e.target.value)} className="w-full" aria-invalid={!!errors.userId}>
              <option value="">Choose…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.role === 'manager' ? ' (manager)' : ''}
                </option>
              ))}
            </Select>
            <FieldError messages={errors.userId} />
          </div>
        ) : null}
      </div>
      {strategy === 'round_robin' || strategy.startsWith('least_') ? (
        <p className="text-xs text-slate-500">Shared among the team’s active specialists{strategy === 'round_robin' ? ', each in turn' : ': each denial goes to whoever has the least open work right now'}.</p>
      ) : null}

      {message ? (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
      {preview ? (
        <div role="status" aria-label="Preview" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800">
          <p>
            Today it would route <strong>{preview.routed.count.toLocaleString('en-US')} open {preview.routed.count === 1 ? 'denial' : 'denials'}</strong> ({formatUsd(preview.routed.cents)}).
            {preview.matching.count !== preview.routed.count
              ? ` Its conditions match ${preview.matching.count.toLocaleString('en-US')} (${formatUsd(preview.matching.cents)}); rules above it take the other ${(preview.matching.count - preview.routed.count).toLocaleString('en-US')} first.`
              : null}
          </p>
          {preview.examples.length ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {preview.examples.map((e) => (
                <li key={e.id}>
                  <Link href={`/denials/${e.id}`} className="text-brand-700 underline">
                    {e.payerClaimNumber ?? 'Denial'}
                  </Link>{' '}
                  — {e.payerName}, {CATEGORY_LABEL[e.category as keyof typeof CATEGORY_LABEL] ?? e.category}, {formatUsd(e.deniedCents)}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="mt-1 text-xs text-slate-600">Open denials you can see, in today’s rule order. Saving does not move existing denials: new imports use the rules, and “Re-run on the unassigned queue” applies them to denials without an owner.</p>
        </div>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={() => onDone('')} disabled={pending}>
          Cancel
        </Button>
        <Button type="button" variant="secondary" onClick={() => ask('preview')} disabled={pending}>
          Preview
        </Button>
        <Button type="submit" disabled={pending}>
          {rule ? 'Save rule' : isDefault ? 'Save default rule' : 'Create rule'}
        </Button>
      </div>
    </form>
  );
}
