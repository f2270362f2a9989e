import 'server-only';
import { z } from 'zod';
import { preventionIssueFields } from '@/lib/domain/contracts/prevention';
import type { Tx } from '../db';
import { type Failure, fail } from '../errors';

export type IssueFields = z.output<typeof preventionIssueFields>;

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The columns a create or an update writes, after checking the payer and owner it names exist. */
export async function issueColumns(tx: Tx, f: IssueFields): Promise<Failure | { data: Omit<IssueFields, 'actionDate' | 'dueDate'> & { actionDate: Date | null; dueDate: Date | null } }> {
  if (f.payerId && !(await tx.payer.findUnique({ where: { id: f.payerId }, select: { id: true } }))) {
    return fail('invalid_input', 'Please correct the highlighted fields.', { fieldErrors: { payerId: ['This payer does not exist'] } });
  }
  if (f.ownerId && !(await tx.user.findFirst({ where: { id: f.ownerId, disabledAt: null }, select: { id: true } }))) {
    return fail('invalid_input', 'Please correct the highlighted fields.', { fieldErrors: { ownerId: ['Choose an active user'] } });
  }
  return { data: { ...f, actionDate: day(f.actionDate), dueDate: day(f.dueDate) } };
}

/** The audit record of an issue's fields: dates as ISO days, as they were typed. */
export function auditFields(f: { actionDate: Date | null; dueDate: Date | null } & Record<string, unknown>) {
  return { ...f, actionDate: f.actionDate?.toISOString().slice(0, 10) ?? null, dueDate: f.dueDate?.toISOString().slice(0, 10) ?? null };
}
