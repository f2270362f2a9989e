import 'server-only';
import { type IsoDate, addDays, diffDays } from '@/lib/domain/dates';
import { type CasSpec, type ClaimSpec, type LineSpec, mulberry32, write835 } from '@/lib/domain/write-835';
import { DEMO_PREVENTED, DENIALS, type DemoSite, type DenialKind, FIRST, LAST, PROCEDURES, PROVIDERS, SITES, siteFor } from './demo-claim-data';
import { DEMO_PAYERS } from './demo-payers';

// Demo remittances: each payer pays every two weeks for half a year before "today", delivered as a weekly
// clearinghouse batch (one 835 file, one transaction per payment), written as real X12 so the demo goes
// through the same reader, classifier and ingest as production files. Claims are a realistic mix —
// mostly paid with contractual and patient-share adjustments, about a third denied across the root causes of
// design.md — and some later files pay earlier denials (one reversed and corrected), so the queue starts with
// recoveries, partial payments and the organisation's own outcomes. Deterministic for a given "today".

export interface DemoFile {
  filename: string;
  paymentDate: IsoDate;
  text: string;
}

const WEEKS = 26;
const EVERY_DAYS = 14;
const CLAIMS_PER_FILE = 125;
const DENIAL_SHARE = 0.36;

const FILING = { medicare: 'MB', medicaid: 'MC', commercial: 'CI' } as const;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const TOTAL_WEIGHT = DENIALS.reduce((sum, kind) => sum + kind.weight, 0);

function pickDenial(random: Random): DenialKind {
  let roll = random() * TOTAL_WEIGHT;
  for (const kind of DENIALS) if ((roll -= kind.weight) < 0) return kind;
  return DENIALS[0]!;
}

function line(random: Random, serviceDate: IsoDate): LineSpec {
  const [procedure, fee] = pick(random, PROCEDURES);
  const units = procedure === '97110' ? 1 + Math.floor(random() * 4) : 1;
  // Charges differ by site of service, time and add-ons: 80–130% of the typical fee, in whole dollars, so the
  // demo queue is not a column of identical amounts.
  const charge = Math.round((fee * (80 + Math.floor(random() * 51))) / 10_000) * 100;
  return { procedure, billedCents: charge * units, paidCents: 0, units, serviceDate };
}

/** A paid line: the allowed amount is 55–85% of the charge; patient share and, for Medicare, sequestration. */
function paidLine(random: Random, base: LineSpec, payerType: keyof typeof FILING): LineSpec {
  const allowed = Math.round((base.billedCents * (55 + Math.floor(random() * 31))) / 100);
  const patient = random() < 0.45 ? Math.round(allowed * 0.2) : 0;
  const sequestration = payerType === 'medicare' ? Math.round((allowed - patient) * 0.02) : 0;
  const paid = allowed - patient - sequestration;
  const adjustments: CasSpec[] = [{ group: 'CO', reason: '45', amountCents: base.billedCents - allowed }];
  if (patient) adjustments.push({ group: 'PR', reason: random() < 0.5 ? '2' : '1', amountCents: patient });
  if (sequestration) adjustments.push({ group: 'CO', reason: '253', amountCents: sequestration });
  return { ...base, paidCents: paid, allowedCents: allowed, adjustments: adjustments.filter((a) => a.amountCents !== 0) };
}

function claimOf(pcn: string, icn: string, payerType: keyof typeof FILING, lines: LineSpec[], random: Random, claimRemarks?: string[]): ClaimSpec {
  const billed = lines.reduce((s, l) => s + l.billedCents, 0);
  const paid = lines.reduce((s, l) => s + l.paidCents, 0);
  const patientResp = lines.flatMap((l) => l.adjustments ?? []).filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0);
  const [provider, npi] = pick(random, PROVIDERS);
  return {
    patientControlNumber: pcn,
    status: paid === 0 ? '4' : '1',
    billedCents: billed,
    paidCents: paid,
    patientRespCents: patientResp,
    filingIndicator: FILING[payerType],
    payerClaimNumber: icn,
    patient: { last: pick(random, LAST), first: pick(random, FIRST), memberId: `M${Math.floor(random() * 1e9).toString().padStart(9, '0')}` },
    renderingProvider: { name: provider, npi },
    remarks: claimRemarks,
    statementFrom: lines[0]!.serviceDate,
    lines,
  };
}

interface Planned {
  payer: (typeof DEMO_PAYERS)[number];
  paymentDate: IsoDate;
  claims: ClaimSpec[];
}

/** Every demo file, oldest first, as 835 text. */
export function demoRemits(today: IsoDate, seed = 2026): DemoFile[] {
  const random = mulberry32(seed);
  const plans: Planned[] = [];
  const firstDay = addDays(today, -WEEKS * 7);
  DEMO_PAYERS.forEach((payer, p) => {
    for (let date = addDays(firstDay, p * 2); diffDays(today, date) > 0; date = addDays(date, EVERY_DAYS)) {
      plans.push({ payer, paymentDate: date, claims: [] });
    }
  });
  plans.sort((a, b) => a.paymentDate.localeCompare(b.paymentDate) || a.payer.identifier.localeCompare(b.payer.identifier));
  let serial = 0;
  const siteOf = new Map<string, DemoSite>();
  plans.forEach((plan, index) => {
    for (let n = 0; n < CLAIMS_PER_FILE; n++) {
      serial++;
      const pcn = `DEMO${String(serial).padStart(6, '0')}`;
      const icn = `${plan.payer.identifier}${String(serial).padStart(10, '0')}`;
      const dos = addDays(plan.paymentDate, -(12 + Math.floor(random() * 40)));
      const drawn = random() >= DENIAL_SHARE ? null : pickDenial(random);
      const kind = drawn && prevented(drawn, plan, serial, today) ? null : drawn;
      siteOf.set(pcn, siteFor(serial, kind));
      if (!kind) {
        const lines = Array.from({ length: 1 + Math.floor(random() * 2) }, () => paidLine(random, line(random, dos), plan.payer.payerType));
        plan.claims.push(claimOf(pcn, icn, plan.payer.payerType, lines, random));
        continue;
      }
      const denied = line(random, dos);
      denied.adjustments = [{ group: kind.group, reason: kind.reason, amountCents: denied.billedCents }];
      denied.remarks = kind.remarks;
      const lines = kind.partial ? [paidLine(random, line(random, dos), plan.payer.payerType), denied] : [denied];
      const claim = claimOf(pcn, icn, plan.payer.payerType, lines, random, kind.claimRemarks);
      plan.claims.push(claim);
      laterPayment(random, plans, index, claim, denied, today);
    }
  });
  // A clearinghouse delivers each week's remittances together: one file, one transaction per payer payment.
  const weeks = new Map<number, Planned[]>();
  for (const plan of plans) {
    const week = Math.floor(diffDays(plan.paymentDate, firstDay) / 7);
    weeks.set(week, [...(weeks.get(week) ?? []), plan]);
  }
  return [...weeks.values()].map((batch, i) => {
    const last = batch.at(-1)!.paymentDate;
    return {
      filename: `era-batch-${last}.835`,
      paymentDate: last,
      text: write835({
        controlNumber: String(100000 + i).padStart(9, '0'),
        sender: 'OVERTURNCH',
        receiver: 'OVERTURNDEMO',
        date: last,
        // One payment per payer and site: each site is its own payee (N1*PE) with its own trace number.
        transactions: batch
          .flatMap((plan) => SITES.map((site, s) => ({ plan, site, s, claims: plan.claims.filter((c) => siteOf.get(c.patientControlNumber) === site) })))
          .filter((p) => p.claims.length > 0)
          .map(({ plan, site, s, claims }, t) => ({
            controlNumber: String(t + 1).padStart(4, '0'),
            payer: { name: plan.payer.name.toUpperCase(), id: plan.payer.identifier },
            payee: { name: site.name, npi: site.npi },
            traceNumber: `${plan.payer.identifier}${plan.paymentDate.replaceAll('-', '')}${s}`,
            traceOriginator: `1${plan.payer.identifier.padStart(9, '0')}`,
            paymentDate: plan.paymentDate,
            claims,
            providerAdjustments: (i + t) % 9 === 4 ? [{ reason: 'L6', amountCents: -(200 + i) }] : undefined,
          })),
      }),
    };
  });
}

/** Whether the demo prevention action (DEMO_PREVENTED) stopped this denial: its payer and code, after its date. */
function prevented(kind: DenialKind, plan: Planned, serial: number, today: IsoDate): boolean {
  return (
    kind.reason === DEMO_PREVENTED.reason &&
    plan.payer.identifier === DEMO_PREVENTED.payerIdentifier &&
    diffDays(today, plan.paymentDate) < DEMO_PREVENTED.actionDaysAgo &&
    serial % 4 !== 0
  );
}

/**
 * Some denials are paid on a later file of the same payer (an appeal won, a corrected claim paid): in full
 * or in part. One of them is later reversed and corrected, as payers do when they reprocess.
 */
function laterPayment(random: Random, plans: Planned[], index: number, claim: ClaimSpec, denied: LineSpec, today: IsoDate): void {
  if (random() >= 0.16) return;
  const plan = plans[index]!;
  const wait = 21 + Math.floor(random() * 60);
  const later = plans.findIndex((p, i) => i > index && p.payer === plan.payer && diffDays(p.paymentDate, plan.paymentDate) >= wait);
  if (later < 0 || diffDays(today, plans[later]!.paymentDate) <= 0) return;
  const share = random() < 0.7 ? 100 : 40 + Math.floor(random() * 40);
  const paid = Math.round((denied.billedCents * share) / 100);
  const payLine: LineSpec = { ...denied, paidCents: paid, remarks: undefined, adjustments: paid < denied.billedCents ? [{ group: 'CO', reason: '45', amountCents: denied.billedCents - paid }] : [] };
  const payment: ClaimSpec = { ...claim, status: '1', billedCents: denied.billedCents, paidCents: paid, patientRespCents: 0, remarks: undefined, lines: [payLine] };
  plans[later]!.claims.push(payment);
  // Every tenth paid one is reprocessed a file later: the payment reversed, then paid again at 90%.
  const again = plans.findIndex((p, i) => i > later && p.payer === plan.payer);
  if (again < 0 || Number(claim.patientControlNumber.slice(4)) % 10 !== 0) return;
  const negate = (l: LineSpec): LineSpec => ({ ...l, billedCents: -l.billedCents, paidCents: -l.paidCents, adjustments: l.adjustments?.map((a) => ({ ...a, amountCents: -a.amountCents })) });
  const reversal: ClaimSpec = { ...payment, status: '22', billedCents: -payment.billedCents, paidCents: -paid, lines: [negate(payLine)] };
  const corrected = Math.round(paid * 0.9);
  const correction: ClaimSpec = {
    ...payment,
    paidCents: corrected,
    lines: [{ ...payLine, paidCents: corrected, adjustments: [{ group: 'CO', reason: '45', amountCents: denied.billedCents - corrected }] }],
  };
  plans[again]!.claims.push(reversal, correction);
}
