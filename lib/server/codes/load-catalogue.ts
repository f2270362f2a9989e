import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCodeCsv } from '@/lib/domain/codes';
import type { AdjustmentKind } from '@/lib/generated/prisma/enums';
import type { Tx } from '../db';

// The official CARC / RARC / group code lists and our classification of them, copied into prisma/data/codes
// (origin and licence in SOURCES.md there). The product never reads ../shared.
const DIR = path.resolve(process.cwd(), 'prisma/data/codes');

function rows(file: string): Record<string, string>[] {
  return parseCodeCsv(readFileSync(path.join(DIR, file), 'utf8'));
}

const date = (s: string | undefined) => (s ? new Date(`${s}T00:00:00Z`) : null);
const bool = (s: string | undefined) => (s === undefined || s === '' ? null : s === 'true');

/**
 * Loads the code lists into an empty catalogue. Once loaded, the catalogue belongs to the administrators
 * who edit it, so an existing row is never overwritten here.
 */
export async function loadCatalogue(tx: Tx): Promise<{ carc: number; rarc: number; group: number }> {
  const mapping = new Map(rows('carc-categories.csv').map((r) => [r.code, r]));
  const carc = rows('carc.csv').map((r) => {
    const m = mapping.get(r.code!);
    return {
      code: r.code!,
      description: r.description ?? '',
      startDate: date(r.start_date),
      lastModified: date(r.last_modified),
      stopDate: date(r.stop_date),
      kind: (m?.kind ?? 'denial') as AdjustmentKind,
      category: m?.category ?? 'other',
      department: m?.department ?? 'billing',
      avoidable: m?.avoidable === 'true',
      note: m?.note || null,
    };
  });
  const overrides = new Map(rows('rarc-overrides.csv').map((r) => [r.code, r]));
  const rarc = rows('rarc.csv').map((r) => {
    const o = overrides.get(r.code!);
    return {
      code: r.code!,
      description: r.description ?? '',
      startDate: date(r.start_date),
      lastModified: date(r.last_modified),
      stopDate: date(r.stop_date),
      category: o?.category || null,
      department: o?.department || null,
      avoidable: bool(o?.avoidable),
      appealable: bool(o?.appealable),
      note: o?.note || null,
    };
  });
  const group = rows('group-codes.csv').map((r) => ({ code: r.code!, name: r.name ?? '', description: r.description ?? '' }));
  const [c, rr, g] = await Promise.all([
    tx.carcCode.createMany({ data: carc, skipDuplicates: true }),
    tx.rarcCode.createMany({ data: rarc, skipDuplicates: true }),
    tx.groupCode.createMany({ data: group, skipDuplicates: true }),
  ]);
  return { carc: c.count, rarc: rr.count, group: g.count };
}
