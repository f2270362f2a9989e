import 'server-only';
import { writeOffReasonText } from '@/lib/domain/write-off-reasons';
import type { ClosureDto } from '@/lib/domain/contracts/denials';
import { isOpen } from '@/lib/domain/lifecycle';
import type { DenialDetailRecord } from './get-denial';

type Event = DenialDetailRecord['events'][number];

/** The latest event that closed the denial in its current status (a status change, a payment, a write-off). */
export function closingEvent(d: Pick<DenialDetailRecord, 'status' | 'events'>): Event | null {
  if (isOpen(d.status)) return null;
  for (let i = d.events.length - 1; i >= 0; i--) {
    const e = d.events[i]!;
    const data = (e.data ?? {}) as Record<string, unknown>;
    if ((e.type === 'status' || e.type === 'payment') && data.to === d.status) return e;
    if (e.type === 'write_off' && d.status === 'written_off' && (data.decision === 'approved' || data.status === 'approved')) return e;
  }
  return null;
}

/** The remittance file a closing payment came in, when a remittance closed it. */
export function closingFileId(d: Pick<DenialDetailRecord, 'status' | 'events'>): string | null {
  const e = closingEvent(d);
  const fileId = e?.type === 'payment' ? (e.data as Record<string, unknown>).fileId : null;
  return typeof fileId === 'string' ? fileId : null;
}

/** Who closed the denial, when, and from what: a payment's remittance or the approved write-off. */
export function closureDto(d: DenialDetailRecord, filename: string | null): ClosureDto | null {
  if (isOpen(d.status)) return null;
  const e = closingEvent(d);
  const fileId = closingFileId(d);
  const approved = d.status === 'written_off' ? d.writeOffs.filter((w) => w.status === 'approved').at(-1) : undefined;
  return {
    by: e?.actor?.name ?? null,
    at: d.resolvedAt?.toISOString() ?? e?.createdAt.toISOString() ?? null,
    remit: fileId ? { fileId, filename } : null,
    writeOff: approved
      ? {
          amountCents: Number(approved.amountCents),
          reason: writeOffReasonText(approved.reasonCode, approved.reason),
          requestedBy: approved.requestedBy.name,
          requestedAt: approved.requestedAt.toISOString(),
          approvedBy: approved.decidedBy?.name ?? null,
          decidedAt: approved.decidedAt?.toISOString() ?? null,
        }
      : null,
  };
}
