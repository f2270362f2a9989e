import 'server-only';
import { type Action, type Actor, type Scope, can, roleMay } from '@/lib/domain/permissions';
import { AppError } from './errors';

/** For operations that throw on refusal (reads): the domain predicate, or a 403. */
export function authorize(actor: Actor, action: Action, scope?: Scope, message = 'Your role does not allow this.'): void {
  if (!can(actor, action, scope)) throw new AppError('forbidden', message);
}

/**
 * Whether the role has a record-level action at all, asked before the record is read — so a role that may never
 * have it learns nothing, not even whether the record exists. `authorize` with the record follows.
 */
export function authorizeRole(actor: Actor, action: Action, message = 'Your role does not allow this.'): void {
  if (!roleMay(actor.role, action)) throw new AppError('forbidden', message);
}
