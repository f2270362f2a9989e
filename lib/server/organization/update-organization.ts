import 'server-only';
import { type OrganizationInput, organizationInput } from '@/lib/domain/contracts/organization';
import { type Actor, can } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { parseInput } from '../parse-input';

export { organizationInput as updateOrganizationInput };

const CONFLICT = 'Someone else saved the organisation’s details while you were editing. Your change was not saved: the latest details are shown — check them and save again.';

/**
 * Saves the letterhead (administrators), refusing a stale edit: `version` is the one the form was read at, 0 for
 * the first save. Audited with the fields that changed, in the same transaction.
 */
export async function updateOrganization(actor: Actor, raw: OrganizationInput): Promise<Result<{ version: number }>> {
  if (!can(actor, 'manage_organization')) return fail('forbidden', 'Only administrators change the organisation’s details.');
  const parsed = parseInput(organizationInput, raw);
  if (!parsed.ok) return parsed;
  const { version, ...fields } = parsed.data;
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.organization.findUnique({ where: { id: 1 } });
      if ((before?.version ?? 0) !== version) return fail('conflict', CONFLICT, { details: { version: before?.version ?? 0 } });
      if (before) await tx.organization.update({ where: { id: 1, version }, data: { ...fields, version: { increment: 1 } } });
      else await tx.organization.create({ data: { id: 1, ...fields, version: 1 } });
      const changed = Object.keys(fields).filter((k) => JSON.stringify(before?.[k as keyof typeof fields]) !== JSON.stringify(fields[k as keyof typeof fields]));
      await audit(actor, { action: 'organization.update', entityType: 'organization', entityId: '1', details: { changed, ...fields } }, tx);
      return { ok: true as const, data: { version: version + 1 } };
    });
  } catch (error) {
    // Two first saves at once (unique id), or a save between the read and the update (no row matched).
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2002' || error.code === 'P2025')) return fail('conflict', CONFLICT);
    throw error;
  }
}
