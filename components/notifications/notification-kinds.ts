import type { NotificationKind } from '@/lib/domain/notifications';

/** A short tag per kind, shown in words (never by colour alone). */
export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  assignment: 'Assigned',
  escalation_raised: 'Escalation',
  escalation_handled: 'Escalation',
  approval_requested: 'Approval',
  approval_decided: 'Approval',
  sla_fired: 'SLA',
  appeal_decided: 'Appeal',
  recovery: 'Payment',
};
