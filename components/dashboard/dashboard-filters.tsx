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
    return [...new Set([...(chosen ? [chosen] : []), ...keys])].sort((a, b) => a.localeCompare(b, 'en'));
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
      <div className="flex flex-col gap-1">
        <Label htmlFor="dash-payer">Payer</Label>
        <Select id="dash-payer" name="payer" defaultValue={f.payer ?? ''}>
          <option value="">All payers</option>
          {dto.options.payers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="dash-location">Location</Label>
        <Select id="dash-location" name="location" defaultValue={f.location ?? ''}>
          <option value="">All locations</option>
          {named(dto.byLocation, f.location).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="dash-provider">Provider</Label>
        <Select id="dash-provider" name="provider" defaultValue={f.provider ?? ''}>
          <option value="">All providers</option>
          {named(dto.byProvider, f.provider).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="dash-team">Team</Label>
        <Select id="dash-team" name="team" defaultValue={f.team ?? ''}>
          <option value="">{dto.scope === 'organisation' ? 'All teams' : 'Your reach'}</option>
          {dto.options.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </div>
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
