import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_KINDS, DENIAL_CATEGORIES, DEPARTMENTS, isCodeActive, parseGroupCodes } from '@/lib/domain/codes';
import { carcList, carcMappings, rarcList, rarcOverrides, readCodeFile } from './code-files';

describe('the official code lists in prisma/data/codes', () => {
  it('hold 407 CARCs (297 current, 110 deactivated) and 1,216 RARCs, as SOURCES.md says', () => {
    expect(carcList).toHaveLength(407);
    expect(carcList.filter((c) => isCodeActive(c))).toHaveLength(297);
    expect(rarcList).toHaveLength(1216);
    expect(rarcList.filter((c) => !isCodeActive(c))).toHaveLength(79);
  });

  it('keep the official descriptions (M1 is about x-rays, not medical necessity)', () => {
    expect(rarcList.find((r) => r.code === 'M1')?.description).toBe(
      'X-ray not taken within the past 12 months or near enough to the start of treatment.',
    );
    expect(carcList.find((c) => c.code === '45')?.description).toMatch(/^Charge exceeds fee schedule/);
  });

  it('list the five group codes', () => {
    expect(parseGroupCodes(readCodeFile('group-codes.csv')).map((g) => g.code)).toEqual(['CO', 'CR', 'OA', 'PI', 'PR']);
  });
});

describe('carc-categories.csv', () => {
  const byCode = new Map(carcMappings.rows.map((m) => [m.code, m]));

  it('parses with no issues', () => {
    expect(carcMappings.issues).toEqual([]);
  });

  it('has a row for every active CARC', () => {
    const missing = carcList.filter((c) => isCodeActive(c) && !byCode.has(c.code)).map((c) => c.code);
    expect(missing).toEqual([]);
  });

  it('has a row for every CARC, deactivated ones included, and none for codes not in the list', () => {
    const listed = new Set(carcList.map((c) => c.code));
    expect(carcList.filter((c) => !byCode.has(c.code)).map((c) => c.code)).toEqual([]);
    expect(carcMappings.rows.filter((m) => !listed.has(m.code)).map((m) => m.code)).toEqual([]);
  });

  it('uses only the known kinds, categories and departments', () => {
    for (const m of carcMappings.rows) {
      expect(ADJUSTMENT_KINDS).toContain(m.kind);
      expect(DENIAL_CATEGORIES).toContain(m.category);
      expect(DEPARTMENTS).toContain(m.department);
    }
  });

  it('gives a department only to denials: nobody works an expected adjustment', () => {
    const wrong = carcMappings.rows.filter((m) => m.kind !== 'denial' && (m.department !== 'none' || m.avoidable));
    expect(wrong.map((m) => m.code)).toEqual([]);
  });

  it('explains every row', () => {
    expect(carcMappings.rows.filter((m) => m.note === '').map((m) => m.code)).toEqual([]);
  });
});

describe('rarc-overrides.csv', () => {
  const listed = new Set(rarcList.map((r) => r.code));

  it('parses with no issues and refers only to RARCs in the official list', () => {
    expect(rarcOverrides.issues).toEqual([]);
    expect(rarcOverrides.rows.filter((o) => !listed.has(o.code)).map((o) => o.code)).toEqual([]);
  });

  it.each([
    ['M53', 'units_days', 'coding', null],
    ['M127', 'documentation_requested', 'clinical', null],
    ['MA130', 'correct_resubmit', 'billing', false],
    ['N211', null, null, false],
    ['N115', 'medical_necessity', 'clinical', null],
    ['N386', 'medical_necessity', 'clinical', null],
    ['N130', 'non_covered_benefit_limits', 'front_desk', null],
  ] as const)('maps %s to %s / %s, appealable %s', (code, category, department, appealable) => {
    const row = rarcOverrides.rows.find((o) => o.code === code);
    expect(row).toMatchObject({ category, department, appealable });
  });
});
