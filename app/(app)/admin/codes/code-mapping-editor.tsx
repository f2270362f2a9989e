'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Label, Select } from '@/components/ui/input';
import { codeMappingKeys } from '@/lib/client/code-mappings';
import { DENIAL_CATEGORIES, DEPARTMENTS, type DenialCategory, type Department } from '@/lib/domain/codes';
import type { CodeCombinationDto, ReclassifyPreviewDto } from '@/lib/domain/contracts/code-mappings';
import { CATEGORY_LABEL, DEPARTMENT_LABEL } from '@/lib/domain/labels';
import { Classification, comboName } from './classification';
import { previewCodeMappingAction, saveCodeMappingAction } from './actions';

type Form = Pick<CodeCombinationDto['current'], 'category' | 'department' | 'avoidable' | 'isDenial'>;
type Mode = 'set' | 'remove';

const plural = (n: number) => `${n} open denial${n === 1 ? '' : 's'}`;

function previewText(p: ReclassifyPreviewDto): string {
  if (p.count === 0) return 'This change would reclassify no open denials. New imports will use it.';
  const flagged = p.flagged ? ` ${plural(p.flagged)} would no longer be ${p.flagged === 1 ? 'a denial: it is' : 'denials: they are'} flagged for review, not closed.` : '';
  return `This change would reclassify ${plural(p.count)} (${p.moved} moved to the new classification).${flagged}`;
}

/** Edits one combination: preview how many open denials move, then save with that count confirmed. */
export function CodeMappingEditor({ combo, onDone, saved, onSaved }: { combo: CodeCombinationDto; onDone: () => void; saved: string | null; onSaved: (text: string | null) => void }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<Form>(combo.current);
  const [preview, setPreview] = useState<{ mode: Mode; result: ReclassifyPreviewDto } | null>(null);
  // The editor starts afresh once a save brings the new version (its key), so the confirmation of that save is
  // kept by the page (`saved`) and shown until this editor has something newer to say.
  const [own, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const message = own ?? (saved ? { tone: 'success' as const, text: saved } : null);
  const [pending, start] = useTransition();
  const name = comboName(combo);
  const base = { group: combo.group, carc: combo.carc, rarc: combo.rarc };
  const classification = (mode: Mode) => (mode === 'set' ? form : null);

  const change = (next: Partial<Form>) => {
    setForm((f) => ({ ...f, ...next }));
    setPreview(null); // a preview speaks for the values it was made with
  };
  const runPreview = (mode: Mode) =>
    start(async () => {
      const result = await previewCodeMappingAction({ ...base, classification: classification(mode) });
      if (result.ok) {
        setPreview({ mode, result: result.data });
        setMessage(null);
        onSaved(null); // a new change in hand: the last save's confirmation has been read
      } else setMessage({ tone: 'error', text: result.message });
    });
  const save = () =>
    start(async () => {
      if (!preview) return;
      const result = await saveCodeMappingAction({ ...base, classification: classification(preview.mode), confirmedCount: preview.result.count, version: combo.overrideVersion });
      setPreview(null);
      if (result.ok) {
        const text = `Saved. ${result.data.job === 'queued' ? 'The re-classification job is queued: its progress is shown below.' : 'The open denials were re-classified.'}`;
        setMessage({ tone: 'success', text });
        onSaved(text);
      } else setMessage({ tone: 'error', text: result.message });
      await qc.invalidateQueries({ queryKey: codeMappingKeys.all });
    });

  return (
    <Card className="space-y-3 p-4" aria-label={`Edit ${name}`} role="region">
      <div className="flex items-baseline justify-between">
        <h2 className="text-base font-semibold">Edit {name}</h2>
        <Button variant="ghost" size="sm" onClick={onDone}>Close</Button>
      </div>
      <p className="text-sm text-slate-600">
        Now: <Classification value={combo.current} />. Shipped: <Classification value={combo.shipped} />.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="map-category">Category</Label>
          <Select id="map-category" value={form.category} onChange={(e) => change({ category: e.target.value as DenialCategory })}>
            {DENIAL_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABEL[c]}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="map-department">Department</Label>
          <Select id="map-department" value={form.department} onChange={(e) => change({ department: e.target.value as Department })}>
            {DEPARTMENTS.map((d) => <option key={d} value={d}>{d === 'none' ? 'None (nobody’s work)' : DEPARTMENT_LABEL[d]}</option>)}
          </Select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.avoidable} onChange={(e) => change({ avoidable: e.target.checked })} /> Avoidable
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.isDenial} onChange={(e) => change({ isDenial: e.target.checked })} /> Is a denial
        </label>
      </div>
      {!form.isDenial ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-800">
          Not a denial: new imports record it without queueing it. Open denials it applies to are flagged for review, never closed by this change.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => runPreview('set')}>Preview change</Button>
        {combo.current.source !== 'shipped' && combo.overrideVersion > 0 ? (
          <Button variant="secondary" disabled={pending} onClick={() => runPreview('remove')}>Preview removing the override</Button>
        ) : null}
      </div>
      {preview ? (
        <div role="status" className="space-y-2 rounded border border-brand-100 bg-brand-50 p-2 text-sm">
          <p>{preview.mode === 'remove' ? 'Back to the shipped mapping. ' : ''}{previewText(preview.result)}</p>
          <Button disabled={pending} onClick={save} variant={preview.mode === 'remove' ? 'danger' : 'primary'}>
            {preview.mode === 'remove' ? 'Remove override' : 'Save change'} ({plural(preview.result.count)})
          </Button>
        </div>
      ) : null}
      {message ? (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`rounded px-2 py-1 text-sm ${message.tone === 'error' ? 'bg-red-50 text-red-800' : 'bg-emerald-50 text-emerald-800'}`}>
          {message.text}
        </p>
      ) : null}
    </Card>
  );
}
