'use client';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { DENIAL_CATEGORIES, DEPARTMENTS } from '@/lib/domain/codes';
import { DEADLINE_WINDOW_LABEL, SORT_LABEL, STATUS_LABEL } from '@/lib/domain/denial-labels';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import { DENIAL_STATUSES } from '@/lib/domain/lifecycle';
import { centsToText, parseEnteredAmount } from '@/lib/domain/money';
import { DEADLINE_WINDOWS, DEFAULT_VIEW, QUEUE_FILTER_KEYS, QUEUE_SORTS, type QueueParams, defaultSortFor } from '@/lib/domain/queue-params';
import { BoardFilterChips } from './board-filter-chips';
import { DashboardFilterChips } from './dashboard-filter-chips';
import type { QueueContext } from './queue-screen';

/** A text filter that applies itself shortly after typing stops (and at once on Enter). */
function TextFilter({ value, onCommit, label, placeholder, className, id }: { value: string; onCommit: (v: string) => void; label: string; placeholder: string; className?: string; id?: string }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The last value this box applied: when it comes back through the URL, typing may have gone on meanwhile.
  const [sent, setSent] = useState<string | null>(null);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });
  const apply = (v: string) => {
    setSent(v);
    commit.current(v);
  };
  // The URL changed under us (a tab, a saved view, "clear"): show its value. Our own pause-commit arriving while
  // the person kept typing must not wipe the letters typed since (a slow machine delays it past the next keys).
  if (value !== shown) {
    setShown(value);
    if (value !== sent) setText(value);
    setSent(null);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const t = setTimeout(() => apply(text.trim()), 400);
    return () => clearTimeout(t);
  }, [text, value]);
  return (
    <Input
      id={id}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply(text.trim());
        if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
      }}
      className={className}
    />
  );
}

const one = (list: string[] | undefined) => (list && list.length === 1 ? list[0]! : list && list.length > 1 ? '__many' : '');

/**
 * `fromImport`: the file name of the import the queue is filtered to (null when it is unknown or not the viewer's,
 * undefined while the page loads).
 */
export function QueueFilters({ params, navigate, ctx, fromImport }: { params: QueueParams; navigate: (p: QueueParams) => void; ctx: QueueContext; fromImport?: string | null }) {
  const set = (patch: Partial<QueueParams>) => navigate({ ...params, ...patch });
  const list = (value: string) => (value ? [value] : undefined);
  // Cents by the same rule the URL is read with; an amount that is not one clears the filter.
  const cents = (value: string) => {
    const amount = parseEnteredAmount(value);
    return amount.ok ? amount.cents : undefined;
  };
  const active = QUEUE_FILTER_KEYS.some((k) => params[k] !== undefined);

  return (
    <div role="search" aria-label="Filter the queue" className="mb-3 flex flex-wrap items-center gap-1.5 text-xs [&_input]:h-7 [&_input]:text-xs [&_select]:h-7 [&_select]:text-xs">
      {params.import ? <ImportChip filename={fromImport} onRemove={() => set({ import: undefined })} /> : null}
      <BoardFilterChips params={params} people={ctx.options.people} set={set} />
      <DashboardFilterChips params={params} people={ctx.options.people} set={set} />
      <TextFilter id="queue-search" value={params.q ?? ''} onCommit={(v) => set({ q: v || undefined })} label="Search by patient name, claim number or member id" placeholder="Name, claim #, member id ( / )" className="w-56" />
      <Select aria-label="Payer" value={one(params.payer)} onChange={(e) => set({ payer: list(e.target.value) })} className="w-36">
        <option value="">Payer: all</option>
        {params.payer && params.payer.length > 1 ? <option value="__many">{params.payer.length} payers</option> : null}
        {ctx.options.payers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select aria-label="Category" value={one(params.category)} onChange={(e) => set({ category: list(e.target.value) as QueueParams['category'] })} className="w-36">
        <option value="">Category: all</option>
        {params.category && params.category.length > 1 ? <option value="__many">{params.category.length} categories</option> : null}
        {DENIAL_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {categoryLabel(c)}
          </option>
        ))}
      </Select>
      <Select aria-label="Department" value={one(params.department)} onChange={(e) => set({ department: list(e.target.value) as QueueParams['department'] })} className="w-40">
        <option value="">Department: all</option>
        {DEPARTMENTS.filter((d) => d !== 'none').map((d) => (
          <option key={d} value={d}>
            {departmentLabel(d)}
          </option>
        ))}
      </Select>
      <Select aria-label="Status" value={one(params.status)} onChange={(e) => set({ status: list(e.target.value) as QueueParams['status'] })} className="w-36">
        <option value="">Status: open</option>
        {params.status && params.status.length > 1 ? <option value="__many">{params.status.length} statuses</option> : null}
        {DENIAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </Select>
      <TextFilter value={params.carc ?? ''} onCommit={(v) => set({ carc: v.toUpperCase() || undefined })} label="CARC" placeholder="CARC" className="w-14" />
      <TextFilter value={params.rarc ?? ''} onCommit={(v) => set({ rarc: v.toUpperCase() || undefined })} label="RARC" placeholder="RARC" className="w-14" />
      <span className="flex items-center gap-1">
        <TextFilter value={params.min === undefined ? '' : centsToText(params.min)} onCommit={(v) => set({ min: cents(v) })} label="Minimum denied amount in dollars" placeholder="$ min" className="w-16" />
        <span className="text-slate-500">–</span>
        <TextFilter value={params.max === undefined ? '' : centsToText(params.max)} onCommit={(v) => set({ max: cents(v) })} label="Maximum denied amount in dollars" placeholder="$ max" className="w-16" />
      </span>
      <Select aria-label="Deadline" value={params.due ?? ''} onChange={(e) => set({ due: (e.target.value || undefined) as QueueParams['due'] })} className="w-36">
        <option value="">Deadline: any</option>
        {DEADLINE_WINDOWS.map((w) => (
          <option key={w} value={w}>
            {DEADLINE_WINDOW_LABEL[w]}
          </option>
        ))}
      </Select>
      <Select aria-label="Owner" value={params.owner ?? ''} onChange={(e) => set({ owner: e.target.value || undefined })} className="w-36">
        <option value="">Owner: any</option>
        <option value="me">Me</option>
        <option value="none">Nobody</option>
        {ctx.options.people
          .filter((p) => p.id !== ctx.me.id)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </Select>
      <Button
        variant={params.escalated === 'true' ? 'primary' : 'secondary'}
        size="sm"
        aria-pressed={params.escalated === 'true'}
        onClick={() => set({ escalated: params.escalated === 'true' ? undefined : 'true' })}
      >
        Escalated
      </Button>
      {active ? (
        <Button variant="ghost" size="sm" onClick={() => navigate({ view: params.view, sort: params.sort })}>
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

export function SortSelect({ params, navigate }: { params: QueueParams; navigate: (p: QueueParams) => void }) {
  const view = params.view ?? DEFAULT_VIEW;
  return (
    <Select aria-label="Sort by" value={params.sort ?? defaultSortFor(view)} onChange={(e) => navigate({ ...params, sort: e.target.value as QueueParams['sort'] })} className="h-7 w-48 text-xs">
      {QUEUE_SORTS.map((s) => (
        <option key={s} value={s}>
          Sort: {SORT_LABEL[s]}
        </option>
      ))}
    </Select>
  );
}

/** The import filter as a removable chip: exactly the denials one file created, whatever their status. */
function ImportChip({ filename, onRemove }: { filename: string | null | undefined; onRemove: () => void }) {
  const label = filename === undefined ? 'From import …' : filename === null ? 'From an import you cannot see' : `From import ${filename}`;
  return (
    <span data-testid="import-chip" className="inline-flex h-7 max-w-80 items-center gap-1 rounded-full border border-brand-100 bg-brand-50 pl-2.5 pr-1 font-medium text-brand-900">
      <span className="truncate" title={filename ?? undefined}>
        {label}
      </span>
      <button type="button" onClick={onRemove} aria-label={`Remove filter: ${label}`} className="rounded-full px-1 text-brand-700 hover:bg-brand-100 hover:text-brand-900">
        <span aria-hidden="true">×</span>
      </button>
    </span>
  );
}
