// Letter templates for tests: written straight to the database (version 1, no author), so a test of an operation
// does not depend on another operation.
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import { db } from '@/lib/server/db';

let serial = 0;

export async function createTemplateRow(spec: { category?: string; name?: string; body?: string; archived?: boolean } = {}) {
  serial++;
  const starter = STARTER_TEMPLATES.find((t) => t.category === (spec.category ?? 'timely_filing'))!;
  return db.letterTemplate.create({
    data: {
      category: starter.category,
      name: spec.name ?? `Test template ${process.pid.toString(36)}${Date.now().toString(36)}${serial}`,
      archived: spec.archived ?? false,
      currentVersion: 1,
      versions: { create: { version: 1, body: spec.body ?? starter.body } },
    },
  });
}

export { GOOD_ORGANIZATION } from './letter-facts';

export async function organizationVersion(): Promise<number> {
  return (await db.organization.findUnique({ where: { id: 1 } }))?.version ?? 0;
}
