import type { BadgeTone } from '@/components/ui/badge';
import type { PreventionStatus } from '@/lib/domain/contracts/prevention';

export const STATUS_LABEL: Record<PreventionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done' };
export const STATUS_TONE: Record<PreventionStatus, BadgeTone> = { open: 'warning', in_progress: 'info', done: 'success' };
