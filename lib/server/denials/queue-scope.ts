import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { DEFAULT_VIEW, type QueueParams, type QueueSort, type QueueView, defaultSortFor } from '@/lib/domain/queue-params';
import type { Prisma } from '@/lib/generated/prisma/client';
import { coveredOwnerIds } from '../team/covering';
import { queueWhere, requiresDeadline } from './queue-sql';

/** A queue view as the actor sees it: its rows (where), their order, and how to read them. */
export interface QueueScope {
  viewName: QueueView;
  sort: QueueSort;
  /** Every condition but the keyset one: the actor's reach, the view and the filters. */
  where: Prisma.Sql;
  /** The people the actor covers today, whose due follow-ups "mine" adds (the table marks those rows). */
  covering: readonly string[];
  prepared: boolean;
  /** The deadline sort reads undated rows after the dated ones, unless the filters already exclude them. */
  undatedPhase: boolean;
}

/**
 * The one definition of what a queue URL shows an actor: the page (list-queue.ts) and the CSV export
 * (export-queue.ts) both read through it, so an export holds exactly the rows the screen pages through.
 */
export async function queueScope(actor: Actor, params: QueueParams, today: IsoDate): Promise<QueueScope> {
  const viewName = params.view ?? DEFAULT_VIEW;
  const sort = params.sort ?? defaultSortFor(viewName);
  const covering = viewName === 'mine' && !params.import ? await coveredOwnerIds(actor.id, today) : [];
  return {
    viewName,
    sort,
    where: queueWhere(actor, params, viewName, today, covering),
    covering,
    prepared: !params.q,
    undatedPhase: sort === 'deadline' && !requiresDeadline(params, viewName),
  };
}

/** The view and filters as an audit event records them: a search's text is itself PHI, so only that one happened. */
export function queueAuditDetails(params: QueueParams): Record<string, unknown> {
  const { cursor: _cursor, q, ...filters } = params;
  return { ...filters, ...(q ? { search: true } : {}) };
}
