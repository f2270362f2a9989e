import 'server-only';
import { type Action, type Actor, type Scope, can, roleMay } from '@/lib/domain/permissions';
import { AppError } from './errors';

/** For operations that throw on refusal (reads): the domain predicate, or a 403. */
export function authorize(actor: Actor, action: Action, scope?: Scope, message = 'Your role does not allow this.'): void {
  if (!can(actor, action, scope)) throw new AppError('forbidden', message);
}

/**
 * With the record in hand (or not: `record` null when it does not exist): a record outside the actor's reach
 * answers exactly what a missing one does — same 404, same message — so an id never tells whether it exists in
 * another team. A role that lacks the action entirely is refused (403) by authorizeRole before the read.
 */
export function authorizeRecord<T>(actor: Actor, action: Action, record: T | null, scopeOf: (record: T) => Scope, notFoundMessage: string): asserts record is T {
  if (record === null || !can(actor, action, scopeOf(record))) throw new AppError('not_found', notFoundMessage);
}

/**
 * Whether the role has a record-level action at all, asked before the record is read — so a role that may never
 * have it learns nothing, not even whether the record exists. `authorize` with the record follows.
 */
export function authorizeRole(actor: Actor, action: Action, message = 'Your role does not allow this.'): void {
  if (!roleMay(actor.role, action)) throw new AppError('forbidden', message);
}
