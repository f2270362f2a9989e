import 'server-only';
import type pg from 'pg';
import type { CodeOverride } from '@/lib/domain/code-overrides';
import { isDenialCategory, isDepartment } from '@/lib/domain/codes';

interface OverrideRow {
  groupCode: string;
  carcCode: string;
  rarcCode: string;
  category: string;
  department: string;
  avoidable: boolean;
  isDenial: boolean;
}

/** The organisation's overrides (code_mapping_override), plain SQL so an import can read them on its own connection. */
export async function loadCodeOverrides(client: pg.Pool | pg.PoolClient | pg.Client): Promise<CodeOverride[]> {
  const { rows } = await client.query<OverrideRow>(
    'SELECT "groupCode", "carcCode", "rarcCode", category, department, avoidable, "isDenial" FROM code_mapping_override',
  );
  // Rows are written through the validated save; a value outside the vocabulary would still read as "other".
  return rows.map((r) => ({
    group: r.groupCode,
    carc: r.carcCode,
    rarc: r.rarcCode === '' ? null : r.rarcCode,
    category: isDenialCategory(r.category) ? r.category : 'other',
    department: isDepartment(r.department) ? r.department : 'billing',
    avoidable: r.avoidable,
    isDenial: r.isDenial,
  }));
}
