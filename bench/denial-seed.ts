// The benchmarks' 1,000,000 open denials (bench/queue.ts, bench/board.ts): five teams, fifty specialists, six payers,
// and denials spread over them deterministically (the same rows every run), bulk-loaded with COPY into a fresh
// database and scored with the product's own deadline and priority rules as of SEED_TODAY.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { addDays } from '../lib/domain/dates';
import { denialDeadlines } from '../lib/domain/denial-deadline';
import { defaultPayerRules } from '../lib/domain/payer-rules';
import { computePriority } from '../lib/domain/priority';
import { mulberry32 } from '../lib/domain/write-835';

/** The day the seed's dates are relative to: benchmarks ask their questions as of this day. */
export const SEED_TODAY = '2026-06-01';
const TODAY = SEED_TODAY;
const KINDS: [string, string, string, string, boolean, number][] = [
  // CARC, RARC, category, department, appealable, weight
  ['50', 'N115', 'medical_necessity', 'clinical', true, 14],
  ['197', '', 'authorization_referral', 'front_desk', true, 12],
  ['27', '', 'eligibility_coverage', 'front_desk', true, 12],
  ['4', 'M51', 'coding_modifiers', 'coding', true, 10],
  ['97', '', 'bundling', 'coding', true, 8],
  ['16', 'M127', 'documentation_requested', 'clinical', true, 8],
  ['29', '', 'timely_filing', 'billing', true, 5],
  ['18', '', 'duplicate', 'billing', true, 7],
  ['16', 'MA130', 'correct_resubmit', 'billing', false, 6],
  ['96', 'N130', 'non_covered_benefit_limits', 'front_desk', true, 8],
  ['22', '', 'coordination_of_benefits', 'front_desk', true, 6],
  ['151', 'M53', 'units_days', 'coding', true, 4],
];
const KIND_WEIGHTS = KINDS.reduce((sum, k) => sum + k[5], 0);
const OPEN = ['new', 'assigned', 'in_progress', 'pending_info', 'appealed', 'corrected_resubmitted', 'writeoff_pending'] as const;
const SURNAMES = ['Alvarez', 'Brooks', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Iqbal', 'Jensen', 'Kowalski', 'Lopez', 'Murphy', 'Nguyen', 'Okafor', 'Patel'];
const GIVEN = ['Ana', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jon', 'Kira', 'Leo', 'Maya', 'Nico', 'Olu', 'Priya'];

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const cell = (v: string | number | boolean | null) => (v === null ? '\\N' : typeof v === 'string' ? esc(v) : String(v));
const line = (values: (string | number | boolean | null)[]) => `${values.map(cell).join('\t')}\n`;

export interface Fixture {
  payers: { id: string; type: 'medicare' | 'medicaid' | 'commercial' }[];
  remittances: string[];
  teams: string[];
  specialists: { id: string; teamId: string }[];
  manager: { id: string; teamId: string };
}

async function seedPeople(client: pg.Client): Promise<Fixture> {
  const teams = Array.from({ length: 5 }, () => randomUUID());
  for (const [i, id] of teams.entries()) await client.query('INSERT INTO team (id, name) VALUES ($1, $2)', [id, `Team ${i + 1}`]);
  const user = async (role: string, teamId: string, n: number) => {
    const id = randomUUID();
    await client.query(
      `INSERT INTO app_user (id, email, name, "passwordHash", role, "teamId", "updatedAt") VALUES ($1, $2, $3, 'x', $4::"Role", $5, now())`,
      [id, `${role}${n}@bench.test`, `${role} ${n}`, role, teamId],
    );
    return { id, teamId };
  };
  const specialists = [];
  for (let i = 0; i < 50; i++) specialists.push(await user('specialist', teams[i % teams.length]!, i));
  const manager = await user('manager', teams[0]!, 0);
  const types = ['medicare', 'medicaid', 'commercial', 'commercial', 'commercial', 'commercial'] as const;
  const payers = types.map((type) => ({ id: randomUUID(), type }));
  const file = randomUUID();
  await client.query(`INSERT INTO remittance_file (id, filename, format, sha256, "sizeBytes") VALUES ($1, 'bench.835', 'x12_835', $2, 0)`, [file, randomUUID()]);
  const remittances = [];
  for (const [i, p] of payers.entries()) {
    await client.query(`INSERT INTO payer (id, name, identifier, "payerType", "updatedAt") VALUES ($1, $2, $3, $4::"PayerType", now())`, [p.id, `Payer ${i + 1}`, `B${i}`, p.type]);
    const r = randomUUID();
    await client.query(`INSERT INTO remittance (id, "fileId", "payerId", "totalPaidCents") VALUES ($1, $2, $3, 0)`, [r, file, p.id]);
    remittances.push(r);
  }
  return { payers, remittances, teams, specialists, manager };
}

/**
 * History for the dashboard benchmark (bench/dashboard.ts): with `history`, about 45% of the denials are closed
 * (paid, partially paid or written off, resolved up to 90 days after opening, with what came back), some were
 * appealed, a share is avoidable, and each claim names one of eight billing sites and forty providers. Drawn from
 * a second stream, so the open denials' own fields (and bench:queue / bench:board) are unchanged without it.
 */
export interface SeedOptions {
  history?: boolean;
  /** Claims per denial, the rest paid (the initial denial rate's denominator): 3 gives the 1M / 3M. */
  claimsPerDenial?: number;
}
const LOCATIONS = ['North Clinic', 'South Clinic', 'East Clinic', 'West Clinic', 'Main Hospital', 'Surgery Center', 'Imaging Center', 'Pediatrics'];
const CLOSED = ['resolved_paid', 'resolved_partial', 'written_off'] as const;

interface HistoryFields {
  status: string | null;
  resolvedAgo: number | null;
  recovered: number;
  avoidable: boolean;
  level: string | null;
  location: string;
  provider: string;
}

function historyOf(h: () => number, cents: number, noticeAgo: number): HistoryFields {
  const closed = h() < 0.45;
  const status = closed ? CLOSED[Math.floor(h() * 3)]! : null;
  const resolvedAgo = closed ? Math.max(0, noticeAgo - Math.floor(h() * 90)) : null;
  const share = h();
  const recovered = status === 'resolved_paid' ? cents : status === 'resolved_partial' ? Math.floor(cents * share) : status === 'written_off' && share < 0.2 ? Math.floor(cents * share) : 0;
  const appealed = h();
  const level = appealed < 0.2 ? '1' : appealed < 0.28 ? '2' : null;
  return { status, resolvedAgo, recovered, avoidable: h() < 0.4, level, location: LOCATIONS[Math.floor(h() * LOCATIONS.length)]!, provider: `Provider ${1 + Math.floor(h() * 40)}` };
}

/** Claims and denials for `count` denials, as COPY text, computed with the product's own scoring. */
async function* rows(fx: Fixture, which: 'claim' | 'denial', count: number, options: SeedOptions = {}): AsyncGenerator<string> {
  const random = mulberry32(42); // deterministic: every run loads the same million rows
  const h = mulberry32(4242);
  const perDenial = Math.max(1, options.claimsPerDenial ?? 1);
  let batch = '';
  for (let i = 0; i < count; i++) {
    const r = random;
    let pick = r() * KIND_WEIGHTS;
    const kind = KINDS.find((k) => (pick -= k[5]) < 0) ?? KINDS[0]!;
    const p = Math.floor(r() * fx.payers.length);
    const payer = fx.payers[p]!;
    const cents = Math.round(Math.exp(7 + r() * 5.5)); // ~$11 to ~$270,000, skewed low, like real denials
    const noticeAgo = Math.floor(r() * 220);
    const assigned = r() < 0.6;
    const owner = assigned ? fx.specialists[Math.floor(r() * fx.specialists.length)]! : null;
    const status = owner ? OPEN[1 + Math.floor(r() * 6)]! : 'new';
    const teamId = owner ? owner.teamId : r() < 0.8 ? fx.teams[Math.floor(r() * fx.teams.length)]! : null;
    const id = `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    const claimId = `00000000-0000-4000-9000-${i.toString(16).padStart(12, '0')}`;
    const pcn = `PCN${(1_000_000 + i).toString()}`;
    const followUp = owner && r() < 0.15 ? Math.floor(r() * 20) - 5 : null;
    const escalated = r() < 0.02;
    const hist = options.history ? historyOf(h, cents, noticeAgo) : null;
    const openedAt = `${addDays(TODAY, -noticeAgo)}T12:00:00Z`;
    if (which === 'claim') {
      const base = [claimId, fx.remittances[p]!, payer.id, pcn, `${pcn}X`, '4', cents * 2, 0, true, cents];
      if (!hist) batch += line(base);
      else {
        batch += line([...base, hist.location, hist.provider, openedAt]);
        // The same visit's other claims, paid: the denial rate's denominator, spread over the same days.
        for (let j = 1; j < perDenial; j++) {
          const paidId = `00000000-0000-4000-a000-${(i * perDenial + j).toString(16).padStart(12, '0')}`;
          const billed = Math.round(cents * (0.5 + h()));
          batch += line([paidId, fx.remittances[p]!, payer.id, `${pcn}-${j}`, `${pcn}X${j}`, '1', billed, billed, false, 0, hist.location, hist.provider, `${addDays(TODAY, -Math.floor(h() * 220))}T12:00:00Z`]);
        }
      }
    } else {
      const finalStatus = hist?.status ?? status;
      const s = score({ cents, category: kind[2], appealable: kind[4], payerType: payer.type, noticeAgo, status });
      const values = [
        id, claimId, payer.id, finalStatus, owner?.id ?? null, teamId, followUp === null || hist?.status ? null : addDays(TODAY, followUp), escalated,
        `${SURNAMES[i % 16]}, ${GIVEN[(i >> 4) % 16]}`, pcn, `${pcn}X`, `MBR${(i * 7919).toString(36).toUpperCase()}`, addDays(TODAY, -noticeAgo - 40), addDays(TODAY, -noticeAgo),
        cents, kind[2], kind[3], hist?.avoidable ?? false, kind[4], `{${kind[0]}}`, kind[1] ? `{${kind[1]}}` : '{}',
        s.deadline, s.kind, s.score, s.likelihood, s.urgency, s.effort, s.explanation, TODAY, openedAt, 'now',
      ];
      if (!hist) batch += line(values);
      else
        batch += line([
          ...values,
          hist.resolvedAgo === null ? null : `${addDays(TODAY, -hist.resolvedAgo)}T15:00:00Z`, hist.recovered, hist.location, hist.provider, hist.level,
        ]);
    }
    if ((i & 1023) === 1023) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

const CLAIM_COLUMNS = '(id, "remittanceId", "payerId", "patientControlNumber", "payerClaimNumber", "statusCode", "billedCents", "paidCents", "isDenial", "deniedCents")';
const HISTORY_CLAIM_COLUMNS = CLAIM_COLUMNS.replace(/\)$/, ', "payeeName", "renderingProviderName", "createdAt")');
const DENIAL_COLUMNS =
  '(id, "claimId", "payerId", status, "ownerId", "teamId", "followUpDate", escalated, "patientName", "patientControlNumber", "payerClaimNumber", "memberId", "serviceDate", "noticeDate", "deniedCents", category, department, avoidable, appealable, "carcCodes", "rarcCodes", "deadlineDate", "deadlineKind", score, "scoreLikelihood", "scoreUrgency", "scoreEffort", "scoreExplanation", "scoredAt", "openedAt", "updatedAt")';

/** The product's own deadline and priority for a seeded denial, as ingest would compute them. */
function score(d: { cents: number; category: string; appealable: boolean; payerType: 'medicare' | 'medicaid' | 'commercial'; noticeAgo: number; status: string }) {
  const rules = defaultPayerRules(d.payerType);
  const { working } = denialDeadlines(rules, {
    status: d.status as 'new',
    appealable: d.appealable,
    appealLevel: null,
    noticeDate: addDays(TODAY, -d.noticeAgo),
    serviceDate: addDays(TODAY, -d.noticeAgo - 40),
    lastDecisionDate: null,
  });
  const p = computePriority({
    deniedAmountCents: d.cents,
    category: d.category as 'other',
    appealable: working ? working.kind !== 'timely_filing' : true,
    appealDueDate: working && working.kind !== 'timely_filing' ? working.dueDate : null,
    timelyFilingDueDate: working?.kind === 'timely_filing' ? working.dueDate : null,
    today: TODAY,
  });
  return { deadline: working?.dueDate ?? null, kind: working?.kind ?? null, score: p.score, likelihood: p.parts.likelihood, urgency: p.parts.urgency, effort: p.parts.effort, explanation: p.explanation };
}

const HISTORY_DENIAL_COLUMNS = DENIAL_COLUMNS.replace(/\)$/, ', "resolvedAt", "recoveredCents", location, provider, "appealLevel")');

/** Bulk load: secondary indexes dropped, COPY, indexes rebuilt (sorted builds beat 1M index inserts), ANALYZE. */
export async function loadDenials(url: string, count: number, options: SeedOptions = {}): Promise<{ fixture: Fixture; seconds: number }> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const fixture = await seedPeople(client);
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename IN ('claim', 'denial') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
  for (const [table, columns] of [
    ['claim', options.history ? HISTORY_CLAIM_COLUMNS : CLAIM_COLUMNS],
    ['denial', options.history ? HISTORY_DENIAL_COLUMNS : DENIAL_COLUMNS],
  ] as const) {
    const t = Date.now();
    await pipeline(Readable.from(rows(fixture, table, count, options)), client.query(copyFrom(`COPY ${table} ${columns} FROM STDIN`)));
    const n = table === 'claim' && options.history ? count * Math.max(1, options.claimsPerDenial ?? 1) : count;
    console.log(`  COPY ${table}: ${n.toLocaleString('en-US')} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const t = Date.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const ix of indexes) await client.query(ix.def);
  console.log(`  ${indexes.length} indexes rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  await client.query('VACUUM ANALYZE claim');
  await client.query('VACUUM ANALYZE denial');
  await client.end();
  return { fixture, seconds: (Date.now() - started) / 1000 };
}

export async function readFixture(url: string): Promise<Fixture> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const manager = (await client.query<{ id: string; teamId: string }>(`SELECT id, "teamId" FROM app_user WHERE role = 'manager' LIMIT 1`)).rows[0]!;
  const payers = (await client.query<{ id: string; type: Fixture['payers'][number]['type'] }>(`SELECT id, "payerType"::text AS type FROM payer ORDER BY identifier`)).rows;
  await client.end();
  return { payers, remittances: [], teams: [], specialists: [], manager };
}
