// Who paid: the identifier a remittance names its payer by, and a first guess at the payer's type for a payer
// seen for the first time (a manager corrects it on the payer page; deadlines follow the type's defaults).
import type { PayerType } from './payer-rules';
import type { Transaction } from './x12';

/**
 * REF*2U (the payer identification number clearinghouses route by) first, then N1*PR04, then TRN03 (the
 * originating company id, often "1" + the payer's EIN), then the payer's name: the same payer always sends
 * the same one, so remittances from it find the same payer row.
 */
export function payerIdentifier(transaction: Pick<Transaction, 'payer' | 'trace'>): string | null {
  const payer = transaction.payer;
  const ref2u = payer?.references.find((r) => r.qualifier === '2U')?.value.trim();
  return ref2u || payer?.id?.trim() || transaction.trace?.payerId?.trim() || payer?.name.trim().toUpperCase() || null;
}

/**
 * CLP06 claim filing indicator: MA (Part A) and MB (Part B) are Medicare, MC is Medicaid; everything else
 * (CI commercial, BL Blue Cross, HM HMO, 12–16 Medicare secondary, ...) starts as commercial. Without an
 * indicator (CSV exports) the payer's name is the only hint.
 */
export function guessPayerType(filingIndicator: string | null, name: string | null): PayerType {
  const indicator = filingIndicator?.trim().toUpperCase();
  if (indicator === 'MA' || indicator === 'MB') return 'medicare';
  if (indicator === 'MC') return 'medicaid';
  if (indicator) return 'commercial';
  if (name && /\bmedicare\b/i.test(name)) return 'medicare';
  if (name && /\bmedicaid\b/i.test(name)) return 'medicaid';
  return 'commercial';
}
