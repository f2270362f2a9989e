import 'server-only';
import type { CodeMappingChangeDto, JobStatus } from '@/lib/domain/contracts/code-mappings';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';
import { ADMIN_ONLY } from './preview-code-mapping';

/** The latest mapping changes with their re-classification jobs' status: what the page polls while one runs. */
export async function listCodeMappingChanges(actor: Actor, limit = 20): Promise<CodeMappingChangeDto[]> {
  authorize(actor, 'manage_code_mappings', undefined, ADMIN_ONLY);
  const rows = await db.codeMappingChange.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((r) => ({
    id: r.id,
    group: r.groupCode,
    carc: r.carcCode,
    rarc: r.rarcCode || null,
    action: r.action === 'remove' ? 'remove' : 'set',
    before: r.before as CodeMappingChangeDto['before'],
    after: r.after as CodeMappingChangeDto['after'],
    previewCount: r.previewCount,
    actorEmail: r.actorEmail,
    at: r.at.toISOString(),
    jobStatus: r.jobStatus as JobStatus,
    movedCount: r.movedCount,
    flaggedCount: r.flaggedCount,
    jobError: r.jobError,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}
