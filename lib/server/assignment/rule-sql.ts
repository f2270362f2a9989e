import 'server-only';
import type { RuleConditions } from '@/lib/domain/assignment/rules';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * A rule's conditions as a predicate on `denial d` joined to its `claim c` (the rendering provider lives on the
 * claim), the same test matchesConditions makes in memory — for counting what a rule takes across every open
 * denial without reading them into the server.
 */
export function conditionsSql(c: RuleConditions): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (c.payerIds.length) parts.push(Prisma.sql`d."payerId" = ANY(${c.payerIds}::uuid[])`);
  if (c.categories.length) parts.push(Prisma.sql`d.category = ANY(${c.categories}::text[])`);
  if (c.departments.length) parts.push(Prisma.sql`d.department = ANY(${c.departments}::text[])`);
  if (c.carcCodes.length) parts.push(Prisma.sql`d."carcCodes" && ${c.carcCodes}::text[]`);
  if (c.rarcCodes.length) parts.push(Prisma.sql`d."rarcCodes" && ${c.rarcCodes}::text[]`);
  if (c.minCents !== null) parts.push(Prisma.sql`d."deniedCents" >= ${c.minCents}::bigint`);
  if (c.maxCents !== null) parts.push(Prisma.sql`d."deniedCents" <= ${c.maxCents}::bigint`);
  if (c.providerNpis.length) parts.push(Prisma.sql`c."renderingProviderNpi" = ANY(${c.providerNpis}::text[])`);
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, ' AND ');
}
