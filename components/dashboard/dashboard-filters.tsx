import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/input';
import type { DashboardDto } from '@/lib/domain/contracts/dashboard';
import { addDays } from '@/lib/domain/dates';

/**
 * Period and filters as a plain GET form: the URL is the state (bookmarkable, shareable), no client code. Place
 * and provider choices are those with denials in either period, plus the one chosen.
 */
export function DashboardFilters({ dto }: { dto: DashboardDto }) {
  const f = dto.filters;
  const named = (rows: { key: string; label: string }[], chosen?: string) => {
    const keys = rows.filter((r) => r.key !== 'none').map((r) => r.key);
    return [...new Set([...(chosen ? [chosen] : []), ...keys])].sort((a, b) => a.localeCompare(b, 'en')).map((key) => ({ value: key, label: key }));
  };
  const preset = (days: number) => {
    const q = new URLSearchParams({ from: addDays(dto.today, -(days - 1)), to: dto.today });
    for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
    return `/dashboard?${q.toString()}`;
  };
  return (
    <form method="get" action="/dashboard" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Dashboard filters">
      <div className="flex flex-col gap-1">
        <Label htmlFor="dash-from">From</Label>
        <Input id="dash-from" name="from" type="date" defaultValue={dto.period.from} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="dash-to">To</Label>
        <Input id="dash-to" name="to" type="date" defaultValue={dto.period.to} />
      </div>
      <FilterSelect name="payer" label="Payer" all="All payers" value={f.payer} options={dto.options.payers.map((p) => ({ value: p.id, label: p.name }))} />
      <FilterSelect name="location" label="Location" all="All locations" value={f.location} options={named(dto.byLocation, f.location)} />
      <FilterSelect name="provider" label="Provider" all="All providers" value={f.provider} options={named(dto.byProvider, f.provider)} />
      <FilterSelect
        name="team"
        label="Team"
        all={dto.scope === 'organisation' ? 'All teams' : 'Your reach'}
        value={f.team}
        options={dto.options.teams.map((t) => ({ value: t.id, label: t.name }))}
      />
      <Button type="submit" size="sm">
        Apply
      </Button>
      <span className="flex items-center gap-2 text-xs text-slate-600">
        Last
        {[30, 90, 365].map((d) => (
          <Link key={d} href={preset(d)} className="text-brand-700 underline-offset-2 hover:underline">
            {d} days
          </Link>
        ))}
        · <Link href="/dashboard" className="text-brand-700 underline-offset-2 hover:underline">Clear</Link>
      </span>
    </form>
  );
}

/** One filter: a labelled select whose empty choice means "no filter". */
function FilterSelect({ name, label, all, value, options }: { name: string; label: string; all: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={`dash-${name}`}>{label}</Label>
      <Select id={`dash-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
