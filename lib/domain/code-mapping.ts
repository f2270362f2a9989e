// The classification of codes, as data: seeded from prisma/data/codes/carc-categories.csv and
// rarc-overrides.csv, stored in the catalogue and editable by an admin. This file only reads and validates
// rows; what they mean for a claim is in categorize.ts.
import {
  type AdjustmentKind,
  type DenialCategory,
  type Department,
  isAdjustmentKind,
  isDenialCategory,
  isDepartment,
} from './codes';
import { type CodeOverride, type OverrideIndex, buildOverrideIndex } from './code-overrides';
import { parseCsvRecords } from './csv';

/** One CARC's classification (carc-categories.csv: code,kind,category,department,avoidable,note). */
export interface CarcMapping {
  code: string;
  kind: AdjustmentKind;
  /** `other` on a denial means "the remark codes say why" (CARC 16, A1 and other generic codes). */
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  note: string;
}

/** How a RARC refines a generic CARC (rarc-overrides.csv). null = no opinion: the CARC's value stands. */
export interface RarcOverride {
  code: string;
  category: DenialCategory | null;
  department: Department | null;
  avoidable: boolean | null;
  /** false for "no appeal rights" remarks (MA130, N211): correct and resubmit instead. */
  appealable: boolean | null;
  note: string;
}

/** The lookup categorize.ts works from, built from the catalogue (files or database). */
export interface CodeMapping {
  carc: ReadonlyMap<string, CarcMapping>;
  rarc: ReadonlyMap<string, RarcOverride>;
  /** Every RARC in the official list, if known: a remark outside it is reported as unmapped. */
  knownRemarkCodes?: ReadonlySet<string>;
  /** The organisation's overrides (code-overrides.ts), applied over carc/rarc. */
  overrides?: OverrideIndex;
}

export interface MappingIssue {
  line: number;
  message: string;
}

export interface Parsed<T> {
  rows: T[];
  issues: MappingIssue[];
}

type Reader<T> = (cell: (name: string) => string) => T;

function fail(message: string): never {
  throw new RangeError(message);
}

function readRows<T extends { code: string }>(text: string, columns: readonly string[], read: Reader<T>): Parsed<T> {
  const [header, ...records] = parseCsvRecords(text);
  const issues: MappingIssue[] = [];
  const names = header?.fields ?? [];
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length) return { rows: [], issues: [{ line: 1, message: `missing column(s): ${missing.join(', ')}` }] };
  const rows: T[] = [];
  const seen = new Set<string>();
  for (const { fields, line } of records) {
    const cell = (name: string) => (fields[names.indexOf(name)] ?? '').trim();
    try {
      const row = read(cell);
      if (seen.has(row.code)) throw new RangeError(`duplicate code ${row.code}`);
      seen.add(row.code);
      rows.push(row);
    } catch (error) {
      issues.push({ line, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { rows, issues };
}

function parseBoolean(value: string, column: string): boolean | null {
  if (value === '') return null;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fail(`${column} must be true, false or empty, got "${value}"`);
}

export const CARC_MAPPING_COLUMNS = ['code', 'kind', 'category', 'department', 'avoidable', 'note'] as const;
export const RARC_OVERRIDE_COLUMNS = ['code', 'category', 'department', 'avoidable', 'appealable', 'note'] as const;

export function parseCarcMappings(text: string): Parsed<CarcMapping> {
  return readRows(text, CARC_MAPPING_COLUMNS, (cell) => {
    const [code, kind, category, department] = [cell('code').toUpperCase(), cell('kind'), cell('category'), cell('department')];
    if (!code) fail('code is empty');
    if (!isAdjustmentKind(kind)) fail(`${code}: unknown kind "${kind}"`);
    if (!isDenialCategory(category)) fail(`${code}: unknown category "${category}"`);
    if (!isDepartment(department)) fail(`${code}: unknown department "${department}"`);
    const avoidable = parseBoolean(cell('avoidable'), 'avoidable');
    if (avoidable === null) fail(`${code}: avoidable is required`);
    return { code, kind, category, department, avoidable, note: cell('note') };
  });
}

export function parseRarcOverrides(text: string): Parsed<RarcOverride> {
  return readRows(text, RARC_OVERRIDE_COLUMNS, (cell) => {
    const [code, category, department] = [cell('code').toUpperCase(), cell('category'), cell('department')];
    if (!code) fail('code is empty');
    if (category !== '' && !isDenialCategory(category)) fail(`${code}: unknown category "${category}"`);
    if (department !== '' && !isDepartment(department)) fail(`${code}: unknown department "${department}"`);
    return {
      code,
      category: category === '' ? null : category,
      department: department === '' ? null : department,
      avoidable: parseBoolean(cell('avoidable'), 'avoidable'),
      appealable: parseBoolean(cell('appealable'), 'appealable'),
      note: cell('note'),
    };
  });
}

export function buildCodeMapping(
  carcs: Iterable<CarcMapping>,
  rarcs: Iterable<RarcOverride>,
  knownRemarkCodes?: Iterable<string>,
): CodeMapping {
  return {
    carc: new Map([...carcs].map((row) => [row.code, row])),
    rarc: new Map([...rarcs].map((row) => [row.code, row])),
    knownRemarkCodes: knownRemarkCodes ? new Set(knownRemarkCodes) : undefined,
  };
}

/** The same mapping with the organisation's overrides over it (replacing any it had). */
export function withOverrides(mapping: CodeMapping, overrides: Iterable<CodeOverride>): CodeMapping {
  return { ...mapping, overrides: buildOverrideIndex(overrides) };
}
