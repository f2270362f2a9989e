// Shared by the x12 tests: fixtures from tests/fixtures/x12-835 (see SOURCES.md there) and result accessors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Claim, ReadResult, Remit835File, Transaction } from '@/lib/domain/x12';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/x12-835');

export const FIXTURE_NAMES = [
  'edi835parser-blue_cross_nc_sample.835',
  'edi835parser-emedny_sample.835',
  'linuxforhealth-cob-contractural-adjustment.835',
  'linuxforhealth-managed-care.835',
  'linuxforhealth-medicare-part-a.835',
  'linuxforhealth-secondary-payment.835',
  'linuxforhealth-tertiary-payment.835',
  'oopfactory-835_DeIdent_01.835',
  'oopfactory-835_DeIdent_02.835',
] as const;

export type FixtureName = (typeof FIXTURE_NAMES)[number];

export function fixture(name: FixtureName): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function fixtureBytes(name: FixtureName): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export function transactionsOf(file: Remit835File): Transaction[] {
  return file.interchanges.flatMap((interchange) => interchange.groups.flatMap((group) => group.transactions));
}

export function claimsOf(file: Remit835File): Claim[] {
  return transactionsOf(file).flatMap((transaction) => transaction.claims);
}

/** Asserts the read succeeded and returns its file. */
export function okFile(result: ReadResult): Remit835File {
  if (!result.ok) expect.fail(`expected a successful read, got: ${result.error.message}`);
  return result.file;
}

/** Asserts the read failed and returns its error. */
export function errorOf(result: ReadResult) {
  if (result.ok) expect.fail('expected the read to fail, it succeeded');
  return result.error;
}

export function warningCodes(result: ReadResult): string[] {
  return result.warnings.map((warning) => warning.code);
}
