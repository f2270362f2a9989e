import 'server-only';
import type pg from 'pg';
import { type CarcMapping, type CodeMapping, type RarcOverride, buildCodeMapping, withOverrides } from '@/lib/domain/code-mapping';
import { loadCodeOverrides } from './load-code-overrides';
import { isAdjustmentKind, isDenialCategory, isDepartment } from '@/lib/domain/codes';
import { codeMappingFromFiles } from './code-mapping-files';

export type Queryable = pg.Pool | pg.PoolClient | pg.Client;

interface CarcRow {
  code: string;
  kind: string;
  category: string;
  department: string;
  avoidable: boolean;
  note: string | null;
}

interface RarcRow {
  code: string;
  category: string | null;
  department: string | null;
  avoidable: boolean | null;
  appealable: boolean | null;
  note: string | null;
}

/**
 * The classification as the catalogue holds it now (carc_code / rarc_code), so an administrator's edit applies
 * to the next import. Read with plain SQL so it can run on an import's own connection.
 */
export async function loadCodeMapping(client: Queryable): Promise<CodeMapping> {
  return withOverrides(await loadShippedMapping(client), await loadCodeOverrides(client));
}

/** The catalogue alone, without the organisation's overrides. */
export async function loadShippedMapping(client: Queryable): Promise<CodeMapping> {
  const carcs = await client.query<CarcRow>('SELECT code, kind::text AS kind, category, department, avoidable, note FROM carc_code');
  // A database nobody has seeded yet has no catalogue; every CARC would read as an unknown denial. The seed
  // files are what it would hold.
  if (carcs.rows.length === 0) return codeMappingFromFiles();
  const rarcs = await client.query<RarcRow>('SELECT code, category, department, avoidable, appealable, note FROM rarc_code');
  return buildCodeMapping(
    carcs.rows.map(carcMapping),
    rarcs.rows.filter((r) => r.category !== null || r.department !== null || r.avoidable !== null || r.appealable !== null).map(rarcOverride),
    rarcs.rows.map((r) => r.code),
  );
}

// The table is edited by people: a value outside the vocabulary reads as "other", which a person then sees.
function carcMapping(row: CarcRow): CarcMapping {
  return {
    code: row.code,
    kind: isAdjustmentKind(row.kind) ? row.kind : 'denial',
    category: isDenialCategory(row.category) ? row.category : 'other',
    department: isDepartment(row.department) ? row.department : 'billing',
    avoidable: row.avoidable,
    note: row.note ?? '',
  };
}

function rarcOverride(row: RarcRow): RarcOverride {
  return {
    code: row.code,
    category: row.category !== null && isDenialCategory(row.category) ? row.category : null,
    department: row.department !== null && isDepartment(row.department) ? row.department : null,
    avoidable: row.avoidable,
    appealable: row.appealable,
    note: row.note ?? '',
  };
}
