// The audit trail's search (admin, view_audit): who, what, which record, when and from where. Every filter is
// allow-listed in shape — the SQL binds them as parameters — so a bad value is a 422 that says which.
import { z } from 'zod';
import { isoDateInput } from './dates';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const AUDIT_PAGE_SIZE = 50;

export const auditSearchSchema = z
  .object({
    /** The acting user's id. */
    user: optional(z.uuid('Choose a user from the list')),
    /** An action ("denial.assign") or its family ("denial" matches every denial.* action). */
    action: optional(z.string().trim().toLowerCase().regex(/^[a-z0-9_.]{1,64}$/, 'An action is letters, digits, dots and underscores')),
    entityType: optional(z.string().trim().regex(/^[a-z_]{1,40}$/, 'A record type is lower-case letters and underscores')),
    entityId: optional(z.string().trim().max(100, 'A record id is at most 100 characters')),
    /** Calendar days, inclusive, where the server runs. */
    from: optional(isoDateInput()),
    to: optional(isoDateInput()),
    ip: optional(z.string().trim().regex(/^[0-9a-fA-F.:]{2,45}$/, 'An IP address is digits, dots or colons')),
    /** The last event id of the previous page (keyset, newest first). */
    cursor: optional(z.string().regex(/^\d{1,19}$/, 'The page position is not valid')),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start date is after the end date', path: ['from'] });

export type AuditSearch = z.infer<typeof auditSearchSchema>;

/** The filters as URL parameters (the page's links, the export link), without the page position. */
export function auditSearchToParams(search: AuditSearch): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['user', 'action', 'entityType', 'entityId', 'from', 'to', 'ip'] as const) {
    const value = search[key];
    if (value) out.set(key, value);
  }
  return out;
}

export interface AuditEventDto {
  id: string;
  at: string;
  actor: { id: string | null; email: string | null; name: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  phi: boolean;
  ip: string | null;
  userAgent: string | null;
  /** Member ids masked (audit-masking.ts). */
  details: unknown;
}

/** The newest seal of the hash chain (docs/decisions/0032-audit-chain.md): the last UTC day the audit job closed. */
export interface AuditSealDto {
  day: string;
  /** The day's root hash, as recorded. */
  root: string;
  events: number;
  chains: number;
}

export interface AuditPageDto {
  /** Null when no day has been sealed yet. */
  lastSeal: AuditSealDto | null;
  /** The UTC day of the trail's first event (null: none yet): a trail that began today has no day to seal. */
  firstEventDay: string | null;
  rows: AuditEventDto[];
  nextCursor: string | null;
  /** People to filter by: everyone with an account (names and emails, no PHI). */
  users: { id: string; name: string; email: string }[];
}
