import 'server-only';
import type { SaveCodeMappingInput } from '@/lib/domain/contracts/code-mappings';
import { type Actor, can } from '@/lib/domain/permissions';
import { resolveCodeMapping } from '@/lib/domain/resolve-code-mapping';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { requestReclassification } from '../scoring/jobs';
import { countReclassification } from './count-reclassification';
import { ADMIN_ONLY } from './preview-code-mapping';
import { proposedMapping } from './proposed-mapping';

export interface SavedCodeMapping {
  changeId: string;
  version: number;
  job: 'queued' | 'done';
}

/**
 * Sets (or, classification null, removes) the organisation's override for one combination. The admin confirms
 * the preview's count: if the open denials it would reclassify are no longer that many, nothing is saved and
 * the admin previews again. Written with its change row and audit event in one transaction; the
 * re-classification of the open denials then runs as a job (reclassify-denials.ts).
 */
export async function saveCodeMapping(actor: Actor, input: SaveCodeMappingInput): Promise<Result<SavedCodeMapping>> {
  if (!can(actor, 'manage_code_mappings')) return fail('forbidden', ADMIN_ONLY);
  const { group, carc, rarc, classification } = input;
  const rarcKey = rarc ?? '';
  const mappings = await proposedMapping(input);
  const preview = await countReclassification(mappings.proposed, group, carc);
  if (preview.count !== input.confirmedCount) {
    return fail(
      'conflict',
      `The preview is out of date: this change would now reclassify ${preview.count} open denial${preview.count === 1 ? '' : 's'}, not ${input.confirmedCount}. Nothing was saved — check the new count and save again.`,
      { details: preview },
    );
  }
  const before = resolveCodeMapping(mappings.current, group, carc, rarc);
  const after = resolveCodeMapping(mappings.proposed, group, carc, rarc);
  const saved = await db.$transaction(async (tx): Promise<Result<Omit<SavedCodeMapping, 'job'>>> => {
    const [existing] = await tx.$queryRaw<{ version: number }[]>`
      SELECT version FROM code_mapping_override WHERE "groupCode" = ${group} AND "carcCode" = ${carc} AND "rarcCode" = ${rarcKey} FOR UPDATE`;
    if ((existing?.version ?? 0) !== input.version) {
      return fail('conflict', 'Someone else changed this mapping while you were looking at it. Nothing was saved: the latest mapping is shown — preview again.');
    }
    if (!classification && !existing) return fail('not_found', 'This combination has no override to remove: it already follows the shipped mapping.');
    let version = 0;
    if (classification) {
      const { category, department, avoidable, isDenial } = classification;
      const [row] = await tx.$queryRaw<{ version: number }[]>`
        INSERT INTO code_mapping_override (id, "groupCode", "carcCode", "rarcCode", category, department, avoidable, "isDenial", version, "updatedById", "updatedAt")
        VALUES (gen_random_uuid(), ${group}, ${carc}, ${rarcKey}, ${category}, ${department}, ${avoidable}, ${isDenial}, 1, ${actor.id}::uuid, now())
        ON CONFLICT ("groupCode", "carcCode", "rarcCode") DO UPDATE SET category = excluded.category, department = excluded.department,
               avoidable = excluded.avoidable, "isDenial" = excluded."isDenial", version = code_mapping_override.version + 1,
               "updatedById" = excluded."updatedById", "updatedAt" = now()
        RETURNING version`;
      version = row!.version;
    } else {
      await tx.$executeRaw`DELETE FROM code_mapping_override WHERE "groupCode" = ${group} AND "carcCode" = ${carc} AND "rarcCode" = ${rarcKey}`;
    }
    const action = classification ? 'set' : 'remove';
    const [change] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO code_mapping_change (id, "groupCode", "carcCode", "rarcCode", action, before, after, "previewCount", "actorId", "actorEmail")
      VALUES (gen_random_uuid(), ${group}, ${carc}, ${rarcKey}, ${action}, ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb,
              ${preview.count}, ${actor.id}::uuid, ${actor.email})
      RETURNING id`;
    const details: Prisma.InputJsonValue = { group, carc, rarc, before: { ...before }, after: { ...after }, previewCount: preview.count, moved: preview.moved, flagged: preview.flagged };
    await audit(actor, { action: `code_mapping.${action}`, entityType: 'code_mapping_override', entityId: change!.id, details }, tx);
    return { ok: true, data: { changeId: change!.id, version } };
  });
  if (!saved.ok) return saved;
  const job = await requestReclassification(saved.data.changeId);
  return { ok: true, data: { ...saved.data, job } };
}
