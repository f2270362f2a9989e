import 'server-only';
import type { Tx } from '../db';

// Payers the demo remittances come from. Their deadline rules start from the defaults for their type
// (lib/domain/deadline.ts); managers edit them on the payer-rules page.
export const DEMO_PAYERS = [
  { identifier: '04412', name: 'Medicare Part B (Jurisdiction H)', payerType: 'medicare' },
  { identifier: 'SKTX0', name: 'Texas Medicaid', payerType: 'medicaid' },
  { identifier: '60054', name: 'Aetna', payerType: 'commercial' },
  { identifier: '87726', name: 'UnitedHealthcare', payerType: 'commercial' },
  { identifier: '00570', name: 'BlueCross BlueShield', payerType: 'commercial' },
  { identifier: '62308', name: 'Cigna', payerType: 'commercial' },
] as const;

export async function seedDemoPayers(tx: Tx): Promise<void> {
  for (const p of DEMO_PAYERS) {
    await tx.payer.upsert({ where: { identifier: p.identifier }, create: { ...p }, update: {} });
  }
}
