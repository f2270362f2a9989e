import 'server-only';
import { type ImportBalanceFigures, type PaymentFigures, paymentBalances } from '@/lib/domain/import-review';
import { guessPayerType, payerIdentifier } from '@/lib/domain/remit-payer';
import { type Claim, type ReadResult, Remit835Reader, type Transaction } from '@/lib/domain/x12';
import { asciiText } from '@/lib/node/ascii-text';
import type { ClaimPlace } from './claim-rows';
import type { RemitWriter, RemittanceInput } from './remit-writer';
import type { OnProgress } from './types';

/**
 * Small enough that one chunk's claims are a fraction of a batch and reading it (~2 ms) does not keep the
 * batch being written waiting long for its turn (16 KB measured ~5% faster end to end than 64 KB), large
 * enough that pushes are cheap.
 */
const CHUNK_BYTES = 16 * 1024;

type Item = { claim: Claim; transaction: Transaction } | { claim: null; transaction: Transaction };

export interface StreamedRead {
  result: ReadResult;
  /** Each transaction's remittance row, for what is only known at the end (its ISA13). */
  places: Map<Transaction, ClaimPlace>;
  /** The payments that do not balance and every claim's balance, counted as read (the reader keeps only the first warnings). */
  figures: ImportBalanceFigures;
}

function remittanceInput(transaction: Transaction, firstClaim: Claim | null): RemittanceInput {
  const payerName = transaction.payer?.name ?? null;
  const payment = transaction.payment;
  return {
    payer: {
      identifier: payerIdentifier(transaction) ?? 'UNKNOWN PAYER',
      name: payerName || payerIdentifier(transaction) || 'Unknown payer',
      payerType: guessPayerType(firstClaim?.filingIndicator ?? null, payerName),
    },
    interchangeControlNumber: null, // set once the read is over (see ingest-835.ts)
    transactionControlNumber: transaction.controlNumber,
    payeeName: transaction.payee?.name || null,
    payeeNpi: transaction.payee?.npi ?? null,
    traceNumber: transaction.trace?.number ?? null,
    traceOriginator: transaction.trace?.payerId ?? null,
    totalPaidCents: payment ? (payment.creditDebit === 'D' ? -payment.totalCents : payment.totalCents) : 0,
    paymentMethod: payment?.method ?? null,
    creditDebit: payment?.creditDebit ?? null,
    paymentDate: payment?.date ?? null,
    productionDate: transaction.productionDate,
  };
}

/**
 * Streams the file's chunks (file-chunks.ts: megabytes each) through the 835 reader CHUNK_BYTES at a time and
 * hands every claim to the writer as it completes, so memory holds a stored chunk, one piece's claims and two
 * batches of rows, never the file or its tree of claims. `total` is the file's size, for progress.
 */
export async function read835Into(source: AsyncIterable<Uint8Array>, total: number, writer: RemitWriter, onProgress?: OnProgress): Promise<StreamedRead> {
  const places = new Map<Transaction, ClaimPlace>();
  const figures = { payments: [] as PaymentFigures[], claims: 0, unbalancedClaims: 0 };
  let items: Item[] = [];
  const reader = new Remit835Reader({
    asciiText,
    onClaim: (claim, transaction) => {
      figures.claims++;
      if (!claim.balance.ok) figures.unbalancedClaims++;
      items.push({ claim, transaction });
    },
    onTransaction: (transaction) => {
      // Only a payment that does not balance can make the file need review: keeping the others would grow with the file.
      const payment = paymentFigures(transaction);
      if (!paymentBalances(payment)) figures.payments.push(payment);
      items.push({ claim: null, transaction });
    },
  });
  const drain = async () => {
    const ready = items;
    items = [];
    for (const { claim, transaction } of ready) {
      let place = places.get(transaction);
      if (!place) {
        place = await writer.addRemittance(remittanceInput(transaction, claim));
        places.set(transaction, place);
      }
      if (claim) writer.addClaim(place, claim);
      else writer.addProviderAdjustments(place, transaction.providerAdjustments);
    }
    await writer.maybeFlush();
  };
  let done = 0;
  let going = true;
  for await (const chunk of source) {
    for (let offset = 0; going && offset < chunk.byteLength; offset += CHUNK_BYTES) {
      const piece = chunk.subarray(offset, Math.min(chunk.byteLength, offset + CHUNK_BYTES));
      going = reader.push(piece);
      done += piece.byteLength;
      await drain();
      onProgress?.({ phase: 'parse', done, total });
    }
    if (!going) break;
  }
  const result = reader.end();
  await drain();
  return { result, places, figures };
}

function paymentFigures(transaction: Transaction): PaymentFigures {
  const payment = transaction.payment;
  let providerAdjustmentsCents = 0;
  for (const plb of transaction.providerAdjustments) providerAdjustmentsCents += plb.amountCents;
  return {
    paymentCents: payment ? (payment.creditDebit === 'D' ? -payment.totalCents : payment.totalCents) : 0,
    claimPaymentsCents: transaction.totalPaidCents,
    providerAdjustmentsCents,
  };
}

/** Each transaction's ISA13, by walking the file tree the reader kept (claims are not kept in it). */
export function interchangeNumbers(result: ReadResult, places: Map<Transaction, ClaimPlace>): { remittanceIds: string[]; numbers: string[] } {
  const remittanceIds: string[] = [];
  const numbers: string[] = [];
  for (const interchange of result.file.interchanges) {
    if (interchange.controlNumber === null) continue;
    for (const group of interchange.groups) {
      for (const transaction of group.transactions) {
        const place = places.get(transaction);
        if (!place) continue;
        remittanceIds.push(place.remittanceId);
        numbers.push(interchange.controlNumber);
      }
    }
  }
  return { remittanceIds, numbers };
}
