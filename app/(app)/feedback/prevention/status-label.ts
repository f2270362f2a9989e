import type { BadgeTone } from '@/components/ui/badge';
import { PREVENTION_STATUS_LABEL, type PreventionStatus } from '@/lib/domain/contracts/prevention';

export const STATUS_LABEL = PREVENTION_STATUS_LABEL;
export const STATUS_TONE: Record<PreventionStatus, BadgeTone> = { open: 'warning', in_progress: 'info', done: 'success' };
