// Reads the seed code lists from prisma/data/codes for tests: the same files the catalogue loader seeds from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCodeMapping, parseCarcMappings, parseRarcOverrides, type CodeMapping } from '@/lib/domain/code-mapping';
import { parseCodeList } from '@/lib/domain/codes';

export const CODES_DIR = path.resolve(import.meta.dirname, '../../../prisma/data/codes');

export function readCodeFile(name: string): string {
  return readFileSync(path.join(CODES_DIR, name), 'utf8');
}

export const carcList = parseCodeList(readCodeFile('carc.csv'));
export const rarcList = parseCodeList(readCodeFile('rarc.csv'));
export const carcMappings = parseCarcMappings(readCodeFile('carc-categories.csv'));
export const rarcOverrides = parseRarcOverrides(readCodeFile('rarc-overrides.csv'));

export const seedMapping: CodeMapping = buildCodeMapping(
  carcMappings.rows,
  rarcOverrides.rows,
  rarcList.map((entry) => entry.code),
);
