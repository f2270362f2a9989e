import 'server-only';
import { type CodeMapping, withOverrides } from '@/lib/domain/code-mapping';
import { type CodeOverride, type OverridableGroup, isOverridableGroup } from '@/lib/domain/code-overrides';
import { parseCodeQuery } from '@/lib/domain/code-search';
import type { CodeCombinationDto } from '@/lib/domain/contracts/code-mappings';
import { type Actor } from '@/lib/domain/permissions';
import { resolveCodeMapping } from '@/lib/domain/resolve-code-mapping';
import { Prisma } from '@/lib/generated/prisma/client';
import { authorize } from '../authorize';
import { pool } from '../db';
import { query } from '../sql';
import { loadShippedMapping } from './load-code-mapping';
import { loadCodeOverrides } from './load-code-overrides';
import { ADMIN_ONLY } from './preview-code-mapping';

const LIMIT = 30;

export interface CodeSearchResult {
  rows: CodeCombinationDto[];
  /** Why a typed combination is not listed (a PR or CR group). */
  message: string | null;
}

interface Combo {
  group: OverridableGroup;
  carc: string;
  rarc: string | null;
}

/**
 * The combinations an admin asked for: a typed one ("CO-16 M53") with every override of that CARC, or the
 * CARCs whose code, description or current category matches the text (as CO), with the overrides that match.
 * An empty search lists the overrides in force. Code lists only, no PHI: nothing to audit.
 */
export async function searchCodeMappings(actor: Actor, q: string): Promise<CodeSearchResult> {
  authorize(actor, 'manage_code_mappings', undefined, ADMIN_ONLY);
  const [shipped, overrides] = await Promise.all([loadShippedMapping(pool), loadCodeOverrides(pool)]);
  const current = withOverrides(shipped, overrides);
  const fromOverrides = (keep: (o: CodeOverride) => boolean): Combo[] =>
    overrides.flatMap((o) => (keep(o) && isOverridableGroup(o.group) ? [{ group: o.group, carc: o.carc, rarc: o.rarc }] : []));
  const parsed = parseCodeQuery(q);
  let combos: Combo[];
  let message: string | null = null;
  if (q.trim() === '') {
    combos = fromOverrides(() => true);
  } else if (parsed.kind === 'code') {
    const { group, carc, rarc } = parsed;
    // A remark code typed alone ("M53"): it refines the generic CARC 16, and any override that names it.
    if (group === null && rarc === null && !shipped.carc.has(carc) && shipped.knownRemarkCodes?.has(carc)) {
      const rows = [{ group: 'CO' as const, carc: '16', rarc: carc }, ...fromOverrides((o) => o.rarc === carc)];
      return { rows: await describe(dedupe(rows), shipped, current), message: null };
    }
    if (group && !isOverridableGroup(group)) message = `${group} adjustments cannot be re-mapped: PR is always the patient's share and CR a reversal (design.md).`;
    const typed: Combo[] = group === null ? [{ group: 'CO', carc, rarc }] : isOverridableGroup(group) ? [{ group, carc, rarc }] : [];
    combos = [...typed, ...fromOverrides((o) => o.carc === carc && (!group || o.group === group))];
  } else {
    const like = `%${parsed.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Categories are stored as keys ("medical_necessity"): "medical necessity" finds them.
    const category = parsed.text.toLowerCase().replace(/\s+/g, '_').replace(/[\\%_]/g, (c) => (c === '_' ? '\\_' : `\\${c}`));
    const categoryLike = `%${category}%`;
    const categoryKey = parsed.text.toLowerCase().replace(/\s+/g, '_');
    const found = await query<{ code: string }>(Prisma.sql`
      SELECT code FROM carc_code WHERE description ILIKE ${like} OR category ILIKE ${categoryLike} ORDER BY length(code), code LIMIT ${LIMIT}`);
    combos = [
      ...fromOverrides((o) => o.category.includes(categoryKey)),
      ...found.map(({ code }): Combo => ({ group: 'CO', carc: code, rarc: null })),
    ];
  }
  return { rows: await describe(dedupe(combos), shipped, current), message };
}

const dedupe = (combos: Combo[]) => [...new Map(combos.map((c) => [`${c.group}-${c.carc}/${c.rarc ?? ''}`, c])).values()].slice(0, LIMIT);

async function describe(combos: Combo[], shipped: CodeMapping, current: CodeMapping): Promise<CodeCombinationDto[]> {
  if (combos.length === 0) return [];
  const [carcText, rarcText, versions] = await Promise.all([
    query<{ code: string; description: string }>(Prisma.sql`SELECT code, description FROM carc_code WHERE code = ANY(${combos.map((c) => c.carc)}::text[])`),
    query<{ code: string; description: string }>(Prisma.sql`SELECT code, description FROM rarc_code WHERE code = ANY(${combos.flatMap((c) => (c.rarc ? [c.rarc] : []))}::text[])`),
    query<{ key: string; version: number }>(Prisma.sql`SELECT "groupCode" || '-' || "carcCode" || '/' || "rarcCode" AS key, version FROM code_mapping_override`),
  ]);
  const carcs = new Map(carcText.map((r) => [r.code, r.description]));
  const rarcs = new Map(rarcText.map((r) => [r.code, r.description]));
  const version = new Map(versions.map((r) => [r.key, r.version]));
  return combos.map(({ group, carc, rarc }) => ({
    group,
    carc,
    rarc,
    carcDescription: carcs.get(carc) ?? 'Not in the CARC list',
    rarcDescription: rarc ? (rarcs.get(rarc) ?? 'Not in the RARC list') : null,
    current: resolveCodeMapping(current, group, carc, rarc),
    shipped: resolveCodeMapping(shipped, group, carc, rarc),
    overrideVersion: version.get(`${group}-${carc}/${rarc ?? ''}`) ?? 0,
  }));
}
