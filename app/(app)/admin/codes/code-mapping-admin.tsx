'use client';
import { type FormEvent, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/input';
import { useCodeSearch } from '@/lib/client/code-mappings';
import { Classification, SOURCE, comboName } from './classification';
import { CodeMappingChanges } from './code-mapping-changes';
import { CodeMappingEditor } from './code-mapping-editor';

/** Search a combination, pick one, edit it with a preview; the history of changes and their jobs below. */
export function CodeMappingAdmin() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ name: string; text: string } | null>(null);
  const search = useCodeSearch(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(typed.trim());
    setSelected(null);
  };
  const rows = search.data?.rows ?? [];
  const chosen = rows.find((r) => comboName(r) === selected) ?? null;
  return (
    <div className="space-y-4">
      <Card className="p-4">
        <form onSubmit={submit} role="search" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="code-search">Code, description or category</Label>
            <Input id="code-search" className="w-80" value={typed} placeholder="CO-50, 16 M53, timely filing…" onChange={(e) => setTyped(e.target.value)} />
          </div>
          <Button type="submit">Search</Button>
        </form>
        <p className="mt-2 text-xs text-slate-500">
          A combination is a group code (CO, OA or PI) and a CARC, optionally with a remark code (RARC). The most specific mapping wins: with a remark, then
          without, then the shipped one. An empty search lists your overrides.
        </p>
      </Card>

      {search.isError ? <p role="alert" className="text-sm text-red-700">{search.error.message}</p> : null}
      {search.data?.message ? <p role="status" className="text-sm text-amber-800">{search.data.message}</p> : null}

      <Card>
        <table className="w-full text-sm">
          <caption className="sr-only">Code combinations</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th className="px-3 py-2">Combination</th>
              <th className="px-3 py-2">Description</th>
              <th className="px-3 py-2">Current classification</th>
              <th className="px-3 py-2">Source</th>
              <th className="px-3 py-2"><span className="sr-only">Edit</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-slate-500">
                  {search.isPending ? 'Searching…' : q ? 'No combination matches.' : 'No overrides yet: every code follows the shipped mapping.'}
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={comboName(r)} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-mono font-medium">{comboName(r)}</th>
                  <td className="px-3 py-2 text-slate-700">
                    {r.carcDescription}
                    {r.rarcDescription ? <span className="block text-xs text-slate-500">{r.rarc}: {r.rarcDescription}</span> : null}
                  </td>
                  <td className="px-3 py-2"><Classification value={r.current} /></td>
                  <td className="px-3 py-2"><Badge tone={r.current.source === 'shipped' ? 'neutral' : 'info'}>{SOURCE[r.current.source]}</Badge></td>
                  <td className="px-3 py-2">
                    <Button size="sm" variant="secondary" aria-label={`Edit ${comboName(r)}`} onClick={() => { setSelected(comboName(r)); setSaved(null); }}>Edit</Button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </Card>

      {chosen ? (
        <CodeMappingEditor
          key={`${comboName(chosen)}:${chosen.overrideVersion}`}
          combo={chosen}
          onDone={() => setSelected(null)}
          saved={saved?.name === comboName(chosen) ? saved.text : null}
          onSaved={(text) => setSaved(text === null ? null : { name: comboName(chosen), text })}
        />
      ) : null}
      <CodeMappingChanges />
    </div>
  );
}
