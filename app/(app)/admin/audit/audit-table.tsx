import { Card } from '@/components/ui/card';
import type { AuditEventDto } from '@/lib/domain/contracts/audit';

const TH = 'px-3 py-2 font-medium';
const TD = 'px-3 py-2 align-top';

/** Events newest first; details as stored (member ids masked), in a monospace cell. */
export function AuditTable({ rows }: { rows: AuditEventDto[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No events match this search.</p>;
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={TH}>When (UTC)</th>
            <th className={TH}>Who</th>
            <th className={TH}>Action</th>
            <th className={TH}>Record</th>
            <th className={TH}>From</th>
            <th className={TH}>Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((e) => (
            <tr key={e.id}>
              <td className={`${TD} whitespace-nowrap`}>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td className={TD}>{e.actor.name ?? e.actor.email ?? 'System'}</td>
              <td className={TD}>
                {e.action}
                {e.phi ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">PHI read</span> : null}
              </td>
              <td className={TD}>
                {e.entityType}
                {e.entityId ? <span className="block font-mono text-xs text-slate-500">{e.entityId}</span> : null}
              </td>
              <td className={TD}>{e.ip ?? '—'}</td>
              <td className={`${TD} max-w-md break-all font-mono text-xs text-slate-600`}>{JSON.stringify(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
