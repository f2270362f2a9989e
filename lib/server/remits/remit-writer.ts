import 'server-only';
import type pg from 'pg';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import type { IsoDate } from '@/lib/domain/dates';
import type { PayerType } from '@/lib/domain/payer-rules';
import type { Claim, ProviderAdjustment } from '@/lib/domain/x12';
import type { IngestAssigner } from '../assignment/ingest-assigner';
import type { ScoringContext } from '../scoring/scoring-context';
import { type ClaimFacts, type ClaimPlace, addClaimRows, classifyClaim } from './claim-rows';
import { copyTables } from './copy-batch';
import { type DenialTotals, decideDenials } from './decide-denials';
import { findLatestDenials } from './find-latest-denials';
import { type PayerRef, findOrCreatePayer } from './find-payer';
import { linkWithholdings } from './link-withholdings';
import { newId } from './new-id';
import { CLAIM_TABLES, DENIAL_TABLES, type RemitTables, remitTables } from './remit-tables';
import { SerialClient } from './serial-client';
import { updateDenials } from './update-denials';

// The one place claims and denials are written, for 835s and CSV alike: claims are classified and encoded as
// they arrive, and every `batchSize` claims go to the database as one COPY per table. Writing a batch overlaps
// with reading the next one (the database works while JavaScript parses), and at most two batches are in
// memory, so a 100 MB remittance never sits in memory as rows.

export interface RemittanceInput {
  payer: { identifier: string; name: string; payerType: PayerType };
  interchangeControlNumber: string | null;
  transactionControlNumber: string | null;
  payeeName: string | null;
  payeeNpi: string | null;
  traceNumber: string | null;
  traceOriginator: string | null;
  totalPaidCents: number;
  paymentMethod: string | null;
  creditDebit: string | null;
  paymentDate: IsoDate | null;
  productionDate: IsoDate | null;
}

export interface WriterOptions {
  client: pg.PoolClient;
  fileId: string;
  actorId: string | null;
  mapping: CodeMapping;
  scoring: ScoringContext;
  /** The assignment rules (IngestAssigner.load on the same connection), or null when none is enabled. */
  assigner?: IngestAssigner | null;
  batchSize?: number;
}

export interface WriteTotals extends DenialTotals {
  claims: number;
  rows: number;
  unmappedCodes: string[];
}

interface Batch {
  tables: RemitTables;
  facts: ClaimFacts[];
  withholdings: string[];
}

const DEFAULT_BATCH = 2500;

export class RemitWriter {
  readonly totals: WriteTotals = { claims: 0, rows: 0, denialsCreated: 0, recoveriesMatched: 0, reversalsApplied: 0, unmappedCodes: [] };
  private batch: Batch = newBatch();
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private readonly unmapped = new Set<string>();
  private readonly reversed = new Set<string>();
  private readonly payers = new Map<string, Promise<PayerRef>>();
  private readonly db: SerialClient;
  private readonly now = new Date().toISOString();
  private readonly batchSize: number;

  constructor(private readonly options: WriterOptions) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.db = new SerialClient(options.client);
  }

  /** Runs a statement on the import's connection in turn with the writer's own (see SerialClient). */
  run<T>(statement: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.db.run(statement);
  }

  /** Finds or creates the payer, then queues the remittance row. `noticeDate` is BPR16, else DTM*405. */
  async addRemittance(input: RemittanceInput): Promise<ClaimPlace> {
    // Once per payer per import: a file holds many transactions from a few payers, and a look-up would wait
    // behind the whole batch queued on the connection.
    let known = this.payers.get(input.payer.identifier);
    if (!known) this.payers.set(input.payer.identifier, (known = this.db.run((c) => findOrCreatePayer(c, input.payer))));
    const payer = await known;
    this.options.scoring.rules.set(payer.id, payer.rules);
    const id = newId();
    this.batch.tables.remittance.add([
      id, this.options.fileId, payer.id, input.interchangeControlNumber, input.transactionControlNumber, input.payeeName,
      input.payeeNpi, input.traceNumber, input.traceOriginator, input.totalPaidCents, input.paymentMethod, input.creditDebit,
      input.paymentDate, input.productionDate,
    ]);
    return { remittanceId: id, payerId: payer.id, noticeDate: input.paymentDate ?? input.productionDate };
  }

  /** Classifies and queues one claim under its remittance (a CSV row brings a place with its own notice date). */
  addClaim(place: ClaimPlace, claim: Claim): void {
    const cat = classifyClaim(claim, this.options.mapping);
    for (const code of cat.unmappedCodes) this.unmapped.add(code);
    const facts = addClaimRows(this.batch.tables, place, claim, cat);
    if (facts) this.batch.facts.push(facts);
    this.totals.claims++;
  }

  /** PLB rows; a WO (overpayment recovery) reference is linked to its claim once the batch is written. */
  addProviderAdjustments(place: ClaimPlace, adjustments: readonly ProviderAdjustment[]): void {
    for (const plb of adjustments) {
      const id = newId();
      this.batch.tables.providerAdjustment.add([id, place.remittanceId, plb.providerId, plb.fiscalPeriodDate, plb.reasonCode, plb.reference, plb.amountCents]);
      if (plb.reasonCode === 'WO' && plb.reference) this.batch.withholdings.push(id);
    }
  }

  get pendingClaims(): number {
    return this.batch.tables.claim.count;
  }

  /**
   * Sends the batch if it is full. Waits only for the previous batch, so reading goes on while this one is
   * written. Otherwise yields one turn of the event loop: a batch in flight moves on only when its replies are
   * read, and reading the file without a break would leave the database waiting for them.
   */
  async maybeFlush(): Promise<void> {
    if (this.pendingClaims >= this.batchSize) await this.flush();
    else await new Promise(setImmediate);
  }

  async flush(): Promise<void> {
    await this.inflight;
    this.throwIfFailed();
    const batch = this.batch;
    this.batch = newBatch();
    this.inflight = this.write(batch).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  /** Writes what is left and waits for it: every row of the import is then in the transaction. */
  async finish(): Promise<WriteTotals> {
    await this.flush();
    await this.inflight;
    this.throwIfFailed();
    this.totals.unmappedCodes = [...this.unmapped].sort();
    return this.totals;
  }

  /** After a failure: lets the batch in flight settle so the transaction can be rolled back cleanly. */
  async abandon(): Promise<void> {
    await this.inflight;
    await this.db.idle();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  /**
   * One batch, queued on the connection so PostgreSQL does not wait for JavaScript between statements: the
   * look-up of earlier denials, every claim table's COPY and the withholding links are sent at once, and the
   * batch's denials are decided and scored while the server copies the claims. Settles only when all has.
   */
  private async write(batch: Batch): Promise<void> {
    const { db } = this;
    const stored = db.run((c) => findLatestDenials(c, batch.facts));
    const claimRows = db.run((c) => copyTables(c, CLAIM_TABLES.map((name) => batch.tables[name])));
    const links = db.run((c) => linkWithholdings(c, batch.withholdings));
    const queued: Promise<unknown>[] = [stored, claimRows, links];
    try {
      const context = { fileId: this.options.fileId, actorId: this.options.actorId, now: this.now, scoring: this.options.scoring, reversed: this.reversed, assigner: this.options.assigner };
      const found = await stored;
      // Let the claim rows, queued behind the look-up, go to the server before deciding (~15 ms per batch), which
      // this continuation would otherwise do first: the server copies them meanwhile.
      await new Promise(setImmediate);
      const updates = decideDenials(context, batch.tables, batch.facts, this.totals, found);
      const denialRows = db.run((c) => copyTables(c, DENIAL_TABLES.map((name) => batch.tables[name])));
      queued.push(denialRows, db.run((c) => updateDenials(c, updates, this.options.actorId)));
      for (const rows of await Promise.all([claimRows, denialRows])) this.totals.rows += rows;
      await Promise.all(queued);
    } finally {
      // After a failure the rest still runs (and fails fast, the transaction being aborted): wait for it, so
      // the rollback comes after it and no promise is left to reject unobserved.
      await Promise.allSettled(queued);
    }
  }
}

function newBatch(): Batch {
  return { tables: remitTables(), facts: [], withholdings: [] };
}
