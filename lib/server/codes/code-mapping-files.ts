import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type CarcMapping, type CodeMapping, buildCodeMapping, parseCarcMappings, parseRarcOverrides } from '@/lib/domain/code-mapping';
import { parseCodeList } from '@/lib/domain/codes';

// Spelled out in full so the build's file tracing ships prisma/data/codes, not the whole project.
const read = (file: string) => readFileSync(path.join(process.cwd(), 'prisma', 'data', 'codes', file), 'utf8');

/**
 * The classification the catalogue is seeded with, read from prisma/data/codes: for tools that run without a
 * database (ingest --dry-run). Same fallback as load-catalogue.ts: a CARC with no row in carc-categories.csv
 * is a denial in "other", so both sources classify every code the same way.
 */
export function codeMappingFromFiles(): CodeMapping {
  const classified = new Map(parseCarcMappings(read('carc-categories.csv')).rows.map((row) => [row.code, row]));
  const carcs: CarcMapping[] = parseCodeList(read('carc.csv')).map(
    ({ code }) => classified.get(code) ?? { code, kind: 'denial', category: 'other', department: 'billing', avoidable: false, note: '' },
  );
  const rarcs = parseCodeList(read('rarc.csv')).map((entry) => entry.code);
  return buildCodeMapping(carcs, parseRarcOverrides(read('rarc-overrides.csv')).rows, rarcs);
}
