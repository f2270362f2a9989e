'use client';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/local-time';
import { useCodeMappingChanges } from '@/lib/client/code-mappings';
import type { JobStatus } from '@/lib/domain/contracts/code-mappings';
import { Classification, comboName } from './classification';

const STATUS: Record<JobStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  done: { label: 'Done', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** Every change, old -> new, who and when, and its re-classification job (polled while one runs). */
export function CodeMappingChanges() {
  const changes = useCodeMappingChanges();
  return (
    <Card>
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left text-base font-semibold">Recent changes and their re-classification jobs</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            <th className="px-3 py-2">When</th>
            <th className="px-3 py-2">Combination</th>
            <th className="px-3 py-2">From → to</th>
            <th className="px-3 py-2">By</th>
            <th className="px-3 py-2">Job</th>
            <th className="px-3 py-2">Denials moved</th>
            <th className="px-3 py-2">Flagged for review</th>
          </tr>
        </thead>
        <tbody>
          {(changes.data ?? []).map((c) => (
            <tr key={c.id} className="border-t border-slate-100" aria-label={`Change to ${comboName(c)}`}>
              <td className="px-3 py-2"><LocalTime iso={c.at} /></td>
              <td className="px-3 py-2 font-mono">{comboName(c)}{c.action === 'remove' ? ' (override removed)' : ''}</td>
              <td className="px-3 py-2"><Classification value={c.before} /> → <Classification value={c.after} /></td>
              <td className="px-3 py-2">{c.actorEmail ?? '—'}</td>
              <td className="px-3 py-2">
                <Badge tone={STATUS[c.jobStatus].tone}>{STATUS[c.jobStatus].label}</Badge>
                {c.jobError ? <span className="block text-xs text-red-700">{c.jobError}</span> : null}
              </td>
              <td className="px-3 py-2">{c.movedCount ?? '—'}</td>
              <td className="px-3 py-2">{c.flaggedCount ?? '—'}</td>
            </tr>
          ))}
          {changes.data?.length === 0 ? (
            <tr><td colSpan={7} className="px-3 py-4 text-slate-500">No changes yet.</td></tr>
          ) : null}
        </tbody>
      </table>
    </Card>
  );
}
