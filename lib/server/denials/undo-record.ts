import 'server-only';
import type { UndoRecord } from '@/lib/domain/undo';
import { isoDate } from './dto';
import type { DenialRecord } from './mutate-denial';

/** The state an undoable change replaces, kept on its timeline event; the version is the one the change makes. */
export function undoRecordOf(d: DenialRecord): UndoRecord {
  return {
    versionAfter: d.version + 1,
    status: d.status,
    appealLevel: d.appealLevel,
    followUpDate: isoDate(d.followUpDate),
    recoveredCents: Number(d.recoveredCents),
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    escalated: d.escalated,
  };
}
