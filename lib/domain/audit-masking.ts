// The audit trail names records, not patients (permissions.ts view_audit): its details hold ids, filters and
// counts. Should a member id ever appear in an event's details (an older event, a filter someone added), the
// search and its export show only its last four characters — enough to match a card, not to use one.

/** Keys whose value is a member (subscriber) id, however spelled: memberId, member_id, subscriberNumber... */
const MEMBER_KEY = /^(member|subscriber|insured)[_\s-]?(id|number|no|identifier)?$/i;

/** "MBR123456" → "*****3456"; ids of four characters or fewer are masked entirely. */
export function maskMemberId(id: string): string {
  const keep = id.length > 4 ? id.slice(-4) : '';
  return '*'.repeat(id.length - keep.length) + keep;
}

/** A copy of the event's details (JSON) with every member id masked, at any depth. */
export function maskAuditDetails(details: unknown): unknown {
  if (Array.isArray(details)) return details.map(maskAuditDetails);
  if (details === null || typeof details !== 'object') return details;
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, MEMBER_KEY.test(key) ? maskValue(value) : maskAuditDetails(value)]),
  );
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskMemberId(value);
  if (typeof value === 'number') return maskMemberId(String(value));
  if (Array.isArray(value)) return value.map(maskValue);
  return value === null ? null : maskAuditDetails(value);
}
