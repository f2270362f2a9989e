import 'server-only';
import type { Tx } from '../db';

// Payers the demo remittances come from. Their deadline rules start from the defaults for their type
// (lib/domain/deadline.ts); managers edit them on the payer-rules page. The appeals addresses are made up for
// the demo (PO boxes in the payers' usual cities), so the starter letters can be drafted at once.
export const DEMO_PAYERS = [
  { identifier: '04412', name: 'Medicare Part B (Jurisdiction H)', payerType: 'medicare', appealsAddress: 'Redetermination Unit\nPO Box 3097\nMechanicsburg, PA 17055' },
  { identifier: 'SKTX0', name: 'Texas Medicaid', payerType: 'medicaid', appealsAddress: 'Appeals Department\nPO Box 200645\nAustin, TX 78720' },
  { identifier: '60054', name: 'Aetna', payerType: 'commercial', appealsAddress: 'Provider Appeals\nPO Box 14020\nLexington, KY 40512' },
  { identifier: '87726', name: 'UnitedHealthcare', payerType: 'commercial', appealsAddress: 'Appeals and Grievances\nPO Box 30432\nSalt Lake City, UT 84130' },
  { identifier: '00570', name: 'BlueCross BlueShield', payerType: 'commercial', appealsAddress: 'Provider Appeals Unit\nPO Box 660044\nDallas, TX 75266' },
  { identifier: '62308', name: 'Cigna', payerType: 'commercial', appealsAddress: 'National Appeals Unit\nPO Box 188011\nChattanooga, TN 37422' },
] as const;

/** The demo practice's letterhead: the payee the demo remittances pay (its NPI passes the check digit). */
export const DEMO_ORGANIZATION = {
  name: 'Overturn Demo Medical Group',
  addressLines: ['400 Lakeview Drive, Suite 210', 'Springfield, IL 62704'],
  npi: '1234567893',
  tin: '37-1234567',
  contactName: 'Morgan Manager',
  contactPhone: '(217) 555-0142',
  contactEmail: 'billing@overturn.test',
};

export async function seedDemoPayers(tx: Tx): Promise<void> {
  for (const p of DEMO_PAYERS) {
    await tx.payer.upsert({ where: { identifier: p.identifier }, create: { ...p }, update: {} });
  }
}

/** Only into a database without one: an administrator's own letterhead is never replaced. */
export async function seedDemoOrganization(tx: Tx): Promise<void> {
  await tx.organization.upsert({ where: { id: 1 }, create: { id: 1, ...DEMO_ORGANIZATION }, update: {} });
}
