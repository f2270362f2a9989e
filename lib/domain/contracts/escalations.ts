// The manager's escalation queue (issue 14): open escalations in the manager's reach, oldest first.
import { z } from 'zod';
import type { IsoDate } from '../dates';

export const ESCALATION_PAGE_SIZE = 50;

/** Who raised it: a person, or a team SLA that fired by itself. */
export const ESCALATION_SOURCES = ['all', 'person', 'sla'] as const;
export type EscalationSource = (typeof ESCALATION_SOURCES)[number];

/** The queue's filters as the URL carries them: source=person|sla, team=<id>, after=<cursor>. */
export interface EscalationParams {
  source: EscalationSource;
  team?: string;
  after?: string;
}

/** Reads the URL leniently, like the queue's: a value that is not allowed is dropped, never an error page. */
export function parseEscalationUrl(raw: Record<string, string | undefined>): EscalationParams {
  const source = raw.source === 'person' || raw.source === 'sla' ? raw.source : 'all';
  const team = z.uuid().safeParse(raw.team);
  const after = raw.after && raw.after.length <= 400 ? raw.after : undefined;
  return { source, ...(team.success ? { team: team.data } : {}), ...(after ? { after } : {}) };
}

export function escalationUrl(params: EscalationParams): string {
  const search = new URLSearchParams();
  if (params.source !== 'all') search.set('source', params.source);
  if (params.team) search.set('team', params.team);
  if (params.after) search.set('after', params.after);
  const text = search.toString();
  return text ? `/escalations?${text}` : '/escalations';
}

export interface EscalationRowDto {
  escalationId: string;
  denialId: string;
  patientName: string | null;
  claimNumber: string;
  payerName: string;
  deniedCents: number;
  deadlineDate: IsoDate | null;
  /** Days from today to the deadline (negative: missed). */
  daysLeft: number | null;
  ownerId: string | null;
  ownerName: string | null;
  teamName: string | null;
  /** The person who raised it; null when an SLA rule did (slaRule). */
  raisedBy: string | null;
  slaRule: string | null;
  reason: string;
  raisedAt: string;
  /** Whole hours it has waited, for "waiting 3 h" / "2 days". */
  waitingHours: number;
}

export interface EscalationsPageDto {
  rows: EscalationRowDto[];
  next: string | null;
  /** The teams the filter offers (the manager's own, or every team for organisation-wide scope). */
  teams: { id: string; name: string }[];
  /** Active specialists a reassignment may go to, with their team. */
  people: { id: string; name: string; teamId: string | null }[];
}

/** The escalation open on a denial, as its detail page shows it. */
export interface OpenEscalationDto {
  id: string;
  reason: string;
  raisedBy: string | null;
  slaRule: string | null;
  raisedAt: string;
}
