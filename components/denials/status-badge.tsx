import { statusLabel } from '@/lib/domain/denial-labels';
import { Badge, type BadgeTone } from '../ui/badge';

const TONE: Record<string, BadgeTone> = {
  new: 'info',
  assigned: 'neutral',
  in_progress: 'neutral',
  pending_info: 'warning',
  appealed: 'info',
  corrected_resubmitted: 'info',
  writeoff_pending: 'warning',
  resolved_paid: 'success',
  resolved_partial: 'success',
  written_off: 'neutral',
};

export function StatusBadge({ status, appealLevel }: { status: string; appealLevel?: string | null }) {
  return (
    <Badge tone={TONE[status] ?? 'neutral'} className="whitespace-nowrap">
      {statusLabel(status, appealLevel)}
    </Badge>
  );
}
