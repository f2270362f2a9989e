import 'server-only';
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import { type SystemActor, audit, systemActor } from '../audit';
import type { Tx } from '../db';

const SEED_ACTOR: SystemActor = systemActor(null, 'overturn seed');

/**
 * The starter set (lib/domain/appeals/starter-templates) as version 1 of one template per category, created by
 * no user, into an installation that has no templates yet. Once there are templates they are the managers': a
 * starter they archived or rewrote is never put back. Returns how many were created.
 */
export async function seedStarterTemplates(tx: Tx): Promise<number> {
  // Serialises two first starts (the app's seed and a second instance) on one database.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('letter_template.seed'))`;
  if ((await tx.letterTemplate.count()) > 0) return 0;
  for (const starter of STARTER_TEMPLATES) {
    const template = await tx.letterTemplate.create({
      data: { category: starter.category, name: starter.name, currentVersion: 1, versions: { create: { version: 1, body: starter.body, createdById: null } } },
    });
    await audit(SEED_ACTOR, { action: 'letter_template.seed', entityType: 'letter_template', entityId: template.id, details: { category: starter.category, name: starter.name, version: 1 } }, tx);
  }
  return STARTER_TEMPLATES.length;
}
