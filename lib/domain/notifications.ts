// What a notification can be about (issue 14). Each kind is written by one operation, in the transaction of the
// change it reports; the bell lists them newest first.
export const NOTIFICATION_KINDS = [
  /** A denial was given to you (reassignment, a bulk move, an assignment rule naming you, out-of-office cover). */
  'assignment',
  /** Your team's specialist (or an SLA) escalated a denial to you. */
  'escalation_raised',
  /** A manager resolved, returned or reassigned your escalation. */
  'escalation_handled',
  /** A write-off above the threshold waits for your approval. */
  'approval_requested',
  /** Your write-off request was approved or rejected. */
  'approval_decided',
  /** A team SLA fired on a denial you own or manage. */
  'sla_fired',
  /** The payer decided an appeal on your denial. */
  'appeal_decided',
  /** A remittance paid (or took back) money on your denial. */
  'recovery',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The most a title or body holds; longer text is cut with an ellipsis rather than refused (it is generated). */
export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 1000;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
