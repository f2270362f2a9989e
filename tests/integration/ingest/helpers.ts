// Shared by the ingest integration tests: a fresh-per-run database (global-setup.ts) holds every test file's
// rows, so each test names its own payer, claims and trace numbers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { type ClaimSpec, type InterchangeSpec, type TransactionSpec, write835 } from '@/lib/domain/write-835';
import { loadCatalogue } from '@/lib/server/codes/load-catalogue';
import { systemActor } from '@/lib/server/audit';
import { db, pool } from '@/lib/server/db';

/** A signed-in specialist, for the reads of the upload page (it writes nothing, so no user row is needed). */
export const importer: Actor = {
  id: '00000000-0000-4000-8000-000000000001', role: 'specialist', teamId: null, orgWide: false,
  name: 'Ingest Test', email: 'ingest-test@overturn.test', ip: '127.0.0.1', userAgent: 'vitest',
};

/** Imports as the ingest command does: a trusted script, no signed-in user. */
export const actor = systemActor('ingest-test@overturn.test', 'vitest', { ip: '127.0.0.1' });

/** Loads the code catalogue once and closes the connections after the file's tests. */
export function withIngestDatabase(): void {
  beforeAll(async () => {
    await db.$transaction((tx) => loadCatalogue(tx), { timeout: 60_000 });
  });
  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
  });
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/x12-835');
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

let serial = 0;
/** A name no other test in this run uses. */
export function unique(prefix: string): string {
  serial++;
  return `${prefix}${process.pid.toString(36)}${Date.now().toString(36)}${serial}`.toUpperCase();
}

export function transaction(payerId: string, claims: ClaimSpec[], overrides: Partial<TransactionSpec> = {}): TransactionSpec {
  return {
    controlNumber: '0001',
    payer: { name: `TEST PAYER ${payerId}`, id: payerId },
    payee: { name: 'OVERTURN TEST CLINIC', npi: '1234567893' },
    traceNumber: unique('TRN'),
    traceOriginator: '1999999999',
    paymentDate: '2026-10-01',
    claims,
    ...overrides,
  };
}

export function remit(transactions: TransactionSpec[], overrides: Partial<InterchangeSpec> = {}): Uint8Array {
  const controlNumber = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return new TextEncoder().encode(
    write835({ controlNumber, sender: 'TESTPAYER', receiver: 'TESTCLINIC', date: '2026-10-01', transactions, ...overrides }),
  );
}

/** CLP02 = 4: nothing paid, the whole line denied with one CAS (balances: billed − 0 = amount). */
export function deniedClaim(pcn: string, pcc: string, billedCents: number, reason = '50', remarks: string[] = []): ClaimSpec {
  return {
    patientControlNumber: pcn,
    status: '4',
    billedCents,
    paidCents: 0,
    filingIndicator: 'CI',
    payerClaimNumber: pcc,
    patient: { last: 'DOE', first: 'JANE', memberId: 'M123' },
    lines: [{ procedure: '99214', billedCents, paidCents: 0, serviceDate: '2026-09-01', adjustments: [{ group: 'CO', reason, amountCents: billedCents }], remarks }],
  };
}

/** Paid, the rest a contractual (CO-45) reduction. */
export function paidClaim(pcn: string, pcc: string, billedCents: number, paidCents: number, status = '1'): ClaimSpec {
  const rest = billedCents - paidCents;
  return {
    patientControlNumber: pcn,
    status,
    billedCents,
    paidCents,
    filingIndicator: 'CI',
    payerClaimNumber: pcc,
    lines: [{ procedure: '99214', billedCents, paidCents, serviceDate: '2026-09-01', adjustments: rest ? [{ group: 'CO', reason: '45', amountCents: rest }] : [] }],
  };
}

export async function count(table: string, where = 'TRUE', values: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, values);
  return Number(rows[0]!.n);
}
