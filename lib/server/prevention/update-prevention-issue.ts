import 'server-only';
import { type UpdatePreventionIssueInput, updatePreventionIssueInput } from '@/lib/domain/contracts/prevention';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { parseInput } from '../parse-input';
import { auditFields, issueColumns } from './issue-record';

/**
 * Edits a prevention issue (its action, owner, status, result...), refusing a stale edit: the write names the
 * version read, and a version that moved on means someone else saved first. Audited with before and after.
 */
export async function updatePreventionIssue(actor: Actor, raw: UpdatePreventionIssueInput): Promise<Result<{ version: number }>> {
  if (!can(actor, 'manage_prevention')) return fail('forbidden', 'Only managers edit prevention issues.');
  const parsed = parseInput(updatePreventionIssueInput, raw);
  if (!parsed.ok) return parsed;
  const { id, version, ...fields } = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.preventionIssue.findUnique({ where: { id } });
    if (!before) return fail('not_found', 'This prevention issue does not exist.');
    const columns = await issueColumns(tx, fields);
    if ('ok' in columns) return columns;
    const { count } = await tx.preventionIssue.updateMany({ where: { id, version }, data: { ...columns.data, version: { increment: 1 } } });
    if (count === 0) {
      return fail('conflict', 'Someone else saved this issue while you were editing. Your change was not saved: reload to see theirs, then edit again.');
    }
    const { id: _id, createdAt: _c, updatedAt: _u, createdById: _by, version: _v, ...was } = before;
    await audit(
      actor,
      { action: 'prevention_issue.update', entityType: 'prevention_issue', entityId: id, details: { before: auditFields(was), after: auditFields(columns.data), version: version + 1 } },
      tx,
    );
    return { ok: true as const, data: { version: version + 1 } };
  });
}
