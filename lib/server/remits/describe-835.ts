import 'server-only';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import { payerIdentifier } from '@/lib/domain/remit-payer';
import { type Claim, Remit835Reader, type Transaction } from '@/lib/domain/x12';
import { asciiText } from '@/lib/node/ascii-text';
import { classifyClaim } from './claim-rows';
import { type IngestIssue, toIngestIssue } from './types';

// What `npm run ingest -- --dry-run --json` prints for an 835: the file read and classified exactly as an
// import would, written as one JSON document while it is read (claims first, as they complete, then the
// transactions, warnings and errors), so a 100 MB file never becomes one string. Touches no database.

export interface DescribedClaim {
  transaction: string;
  patientControlNumber: string;
  statusCode: string;
  billedCents: number;
  paidCents: number;
  patientResponsibilityCents: number | null;
  payerClaimNumber: string | null;
  /** The payee named last before the claim (the transaction's, unless the file repeats N1*PE between claims). */
  payeeName: string | null;
  payeeNpi: string | null;
  adjustments: { level: 'claim' | 'line'; line: number | null; group: string; reason: string; amountCents: number; kind: string; category: string }[];
  remarkCodes: string[];
  balances: boolean;
  isDenial: boolean;
  deniedAmountCents: number;
  category: string | null;
  department: string | null;
}

export function describeClaim(claim: Claim, transactionControlNumber: string, mapping: CodeMapping): DescribedClaim {
  const cat = classifyClaim(claim, mapping);
  return {
    transaction: transactionControlNumber,
    patientControlNumber: claim.patientControlNumber,
    statusCode: claim.statusCode,
    billedCents: claim.billedCents,
    paidCents: claim.paidCents,
    patientResponsibilityCents: claim.patientResponsibilityCents,
    payerClaimNumber: claim.payerClaimControlNumber,
    payeeName: claim.payee?.name || null,
    payeeNpi: claim.payee?.npi ?? null,
    adjustments: cat.adjustments.map((a) => ({
      level: a.lineIndex === null ? 'claim' : 'line',
      line: a.lineIndex === null ? null : a.lineIndex + 1,
      group: a.group,
      reason: a.reason,
      amountCents: a.amountCents,
      kind: a.kind,
      category: a.category,
    })),
    remarkCodes: [...claim.remarkCodes, ...claim.serviceLines.flatMap((line) => line.remarkCodes)].map((r) => r.code),
    balances: claim.balance.ok,
    isDenial: cat.isDenial,
    deniedAmountCents: cat.deniedAmountCents,
    category: cat.isDenial ? cat.category : null,
    department: cat.isDenial ? cat.department : null,
  };
}

function describeTransaction(t: Transaction) {
  return {
    controlNumber: t.controlNumber,
    payerName: t.payer?.name ?? null,
    payerId: payerIdentifier(t),
    payeeName: t.payee?.name ?? null,
    payeeNpi: t.payee?.npi ?? null,
    totalPaidCents: t.payment ? (t.payment.creditDebit === 'D' ? -t.payment.totalCents : t.payment.totalCents) : null,
    paymentDate: t.payment?.date ?? null,
    traceNumber: t.trace?.number ?? null,
    claims: t.claimCount,
    balances: t.balance?.ok ?? null,
  };
}

export interface DescribeOutcome {
  ok: boolean;
  claims: number;
  warnings: IngestIssue[];
  error: IngestIssue | null;
}

/**
 * Reads the chunks and writes the document through `write` (awaited, so a slow stdout holds the read back).
 * `header` is merged at the top (file name, size, SHA-256 ...).
 */
export async function describe835(
  chunks: AsyncIterable<Uint8Array | string>,
  mapping: CodeMapping,
  header: Record<string, unknown>,
  write: (text: string) => Promise<void> | void,
): Promise<DescribeOutcome> {
  let pending: string[] = [];
  let claims = 0;
  const transactions: Transaction[] = [];
  const reader = new Remit835Reader({
    asciiText,
    onClaim: (claim, transaction) => {
      pending.push(`${claims++ === 0 ? '' : ','}\n${JSON.stringify(describeClaim(claim, transaction.controlNumber, mapping))}`);
    },
    onTransaction: (transaction) => transactions.push(transaction),
  });
  const head = JSON.stringify({ ...header, format: 'x12_835' });
  await write(`${head.slice(0, -1)},"claims":[`);
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    await write(text);
  };
  for await (const chunk of chunks) {
    const going = reader.push(chunk);
    await flush();
    if (!going) break;
  }
  const result = reader.end();
  await flush();
  const warnings = result.warnings.map(toIngestIssue);
  const error = result.ok ? null : toIngestIssue(result.error);
  const tail = { transactions: transactions.map(describeTransaction), warnings, errors: error ? [error] : [], ok: result.ok };
  await write(`\n],${JSON.stringify(tail).slice(1)}\n`);
  return { ok: result.ok, claims, warnings, error };
}
