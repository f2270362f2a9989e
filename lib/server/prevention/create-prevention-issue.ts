import 'server-only';
import { type CreatePreventionIssueInput, createPreventionIssueInput } from '@/lib/domain/contracts/prevention';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { parseInput } from '../parse-input';
import { auditFields, issueColumns } from './issue-record';

/** Logs a root-cause issue in the prevention log, audited in the same transaction. */
export async function createPreventionIssue(actor: Actor, raw: CreatePreventionIssueInput): Promise<Result<{ id: string; version: number }>> {
  if (!can(actor, 'manage_prevention')) return fail('forbidden', 'Only managers log prevention issues.');
  const parsed = parseInput(createPreventionIssueInput, raw);
  if (!parsed.ok) return parsed;
  return db.$transaction(async (tx) => {
    const columns = await issueColumns(tx, parsed.data);
    if ('ok' in columns) return columns;
    const issue = await tx.preventionIssue.create({ data: { ...columns.data, createdById: actor.id }, select: { id: true, version: true } });
    await audit(actor, { action: 'prevention_issue.create', entityType: 'prevention_issue', entityId: issue.id, details: { after: auditFields(columns.data) } }, tx);
    return { ok: true as const, data: issue };
  });
}
