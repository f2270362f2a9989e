// "Appeals awaiting decision": submitted appeals the payer has not decided, by the date their status check is due.
import { z } from 'zod';
import type { IsoDate } from '../dates';

export const AWAITING_PAGE_SIZE = 50;

/** The view's filters as the URL carries them: owner=me|all, payer=<id>, overdue=1, after=<cursor>. */
export const awaitingParamsSchema = z.object({
  owner: z.enum(['me', 'all']).default('all'),
  payer: z.uuid().optional(),
  overdue: z.boolean().default(false),
  after: z.string().max(400).optional(),
});
export type AwaitingParams = z.infer<typeof awaitingParamsSchema>;

/**
 * Reads the URL's search parameters leniently, like the queue's: a value that is not one of the allowed ones is
 * dropped (the view then shows everything it would without it), never an error page.
 */
export function parseAwaitingUrl(raw: Record<string, string | undefined>): AwaitingParams {
  const owner = raw.owner === 'me' ? 'me' : 'all';
  const payer = z.uuid().safeParse(raw.payer);
  const after = raw.after && raw.after.length <= 400 ? raw.after : undefined;
  return { owner, overdue: raw.overdue === '1', ...(payer.success ? { payer: payer.data } : {}), ...(after ? { after } : {}) };
}

export function awaitingUrl(params: AwaitingParams): string {
  const search = new URLSearchParams();
  if (params.owner === 'me') search.set('owner', 'me');
  if (params.payer) search.set('payer', params.payer);
  if (params.overdue) search.set('overdue', '1');
  if (params.after) search.set('after', params.after);
  const text = search.toString();
  return text ? `/appeals?${text}` : '/appeals';
}

export type StatusCheckState = 'overdue' | 'today' | 'later';

export interface AwaitingAppealDto {
  appealId: string;
  denialId: string;
  patientName: string | null;
  /** The practice's claim number (patient control number), and the payer's own when the remittance gave one. */
  claimNumber: string;
  payerClaimNumber: string | null;
  payerName: string;
  levelName: string;
  submittedOn: IsoDate;
  method: string | null;
  payerReference: string | null;
  /** The date set at submission; an appeal filed before status checks existed is due at its submission. */
  statusCheckOn: IsoDate;
  statusCheck: StatusCheckState;
  /** Days past the status check (0 unless overdue). */
  daysOverdue: number;
  daysWaiting: number;
  ownerName: string | null;
  deniedCents: number;
}

export interface AwaitingAppealsPageDto {
  rows: AwaitingAppealDto[];
  /** Opens the next page; null on the last. */
  next: string | null;
  payers: { id: string; name: string }[];
}
