/** A row of counts: label over a large number. */
export function StatList({ items }: { items: { label: string; value: number; emphasis?: boolean }[] }) {
  return (
    <dl className="flex flex-wrap gap-x-8 gap-y-2">
      {items.map((item) => (
        <div key={item.label} className="flex flex-col">
          <dt className="text-xs text-slate-500">{item.label}</dt>
          <dd className={item.emphasis ? 'text-base font-semibold tabular-nums text-slate-900' : 'text-base tabular-nums text-slate-800'}>
            {item.value.toLocaleString('en-US')}
          </dd>
        </div>
      ))}
    </dl>
  );
}
