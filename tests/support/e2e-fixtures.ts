// Denials for the end-to-end tests, added after the demo seed by scripts/e2e-server.ts. Test-only: it
// refuses any database that is not an e2e test database, so it can never write into a real installation.
// Named claim references (E2E-…) give each spec its own denial; the rest make the queue look like a day's work.
import { addDays } from '@/lib/domain/dates';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { rescoreOpenDenials } from '@/lib/server/scoring/rescore-open-denials';
import { type DenialSpec, createDenials } from './denial-factory';

const name = new URL(process.env.DATABASE_URL ?? 'postgresql://x/none').pathname.slice(1);
if (!/^overturn_e2e_/.test(name)) {
  console.error(`[e2e-fixtures] refusing to write test denials into "${name}": not an e2e test database`);
  process.exit(1);
}

const today = todayIso();
const user = (email: string) => db.user.findUniqueOrThrow({ where: { email } });
const payer = (identifier: string) => db.payer.findUniqueOrThrow({ where: { identifier } });

// Codes and how design.md classifies them: [CARC, RARC, category, department, appealable].
const KINDS: [string[], string[], string, string, boolean][] = [
  [['50'], ['N115'], 'medical_necessity', 'clinical', true],
  [['197'], [], 'authorization_referral', 'front_desk', true],
  [['27'], [], 'eligibility_coverage', 'front_desk', true],
  [['4'], ['M51'], 'coding_modifiers', 'coding', true],
  [['97'], [], 'bundling', 'coding', true],
  [['16'], ['M127'], 'documentation_requested', 'clinical', true],
  [['29'], [], 'timely_filing', 'billing', true],
  [['18'], [], 'duplicate', 'billing', true],
  [['16'], ['MA130'], 'correct_resubmit', 'billing', false],
  [['96'], ['N130'], 'non_covered_benefit_limits', 'front_desk', true],
  [['22'], [], 'coordination_of_benefits', 'front_desk', true],
  [['151'], ['M53'], 'units_days', 'coding', true],
];
const SURNAMES = ['Alvarez', 'Brooks', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Iqbal', 'Jensen', 'Kowalski', 'Lopez', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Tanaka'];
const GIVEN = ['Ana', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Isla', 'Jon', 'Kira', 'Leo', 'Maya', 'Nico', 'Olu', 'Priya', 'Quentin', 'Rosa', 'Sam', 'Tomas'];

/** One service line per claim carrying the denial's CAS and LQ codes, as an 835 would. */
async function addLines(ids: string[], specs: DenialSpec[]) {
  const denials = await db.denial.findMany({ where: { id: { in: ids } }, select: { id: true, claimId: true } });
  const claimOf = new Map(denials.map((d) => [d.id, d.claimId]));
  const lines = ids.map((id, i) => {
    const cents = BigInt(specs[i]!.deniedCents ?? 10_000);
    return { id: crypto.randomUUID(), claimId: claimOf.get(id)!, lineNumber: 1, procedureQualifier: 'HC', procedureCode: ['99214', '97110', '72148', '80053'][i % 4]!, modifiers: i % 3 === 0 ? ['25'] : [], billedCents: cents + cents / 4n, paidCents: 0n, allowedCents: cents, serviceDate: new Date(`${specs[i]!.serviceDate ?? today}T00:00:00Z`), spec: specs[i]!, cents };
  });
  await db.serviceLine.createMany({ data: lines.map(({ spec: _s, cents: _c, ...line }) => line) });
  await db.adjustment.createMany({
    data: lines.flatMap((l) => [
      { claimId: l.claimId, serviceLineId: l.id, groupCode: 'CO', reasonCode: (l.spec.carcCodes ?? ['50'])[0]!, amountCents: l.cents, kind: 'denial' as const, category: l.spec.category ?? null },
      { claimId: l.claimId, serviceLineId: l.id, groupCode: 'CO', reasonCode: '45', amountCents: l.cents / 4n, kind: 'expected_adjustment' as const, category: 'pricing_contract' },
    ]),
  });
  await db.claimRemark.createMany({ data: lines.flatMap((l) => (l.spec.rarcCodes ?? []).map((code) => ({ claimId: l.claimId, serviceLineId: l.id, code, source: 'LQ' }))) });
}

async function main() {
  const [sam, riley, jordan] = await Promise.all([user('specialist@overturn.test'), user('specialist2@overturn.test'), user('specialist3@overturn.test')]);
  const payers = await Promise.all(['04412', 'SKTX0', '60054', '87726', '00570', '62308'].map(payer));
  const aetna = payers[2]!;

  const named: DenialSpec[] = [
    { payerId: aetna.id, teamId: sam.teamId, patientControlNumber: 'E2E-KEYBOARD-1', patientName: 'Keyboard, Kim', deniedCents: 421_000, noticeDate: addDays(today, -20), serviceDate: addDays(today, -60) },
    { payerId: aetna.id, teamId: sam.teamId, ownerId: sam.id, status: 'in_progress', patientControlNumber: 'E2E-STALE-1', patientName: 'Stale, Stan', deniedCents: 98_000, noticeDate: addDays(today, -30) },
    { payerId: aetna.id, teamId: jordan.teamId, ownerId: jordan.id, status: 'assigned', patientControlNumber: 'E2E-OTHERTEAM-1', patientName: 'Other, Olivia', deniedCents: 12_000 },
  ];
  const owners = [sam.id, sam.id, riley.id, null, null, jordan.id];
  const statuses = ['assigned', 'in_progress', 'pending_info', 'new', 'appealed', 'in_progress'] as const;
  const day = Number(today.slice(8, 10));
  const filler: DenialSpec[] = Array.from({ length: 48 }, (_, i) => {
    const [carc, rarc, category, department, appealable] = KINDS[i % KINDS.length]!;
    const ownerId = owners[i % owners.length] ?? null;
    const status = ownerId ? statuses[i % statuses.length]! : 'new';
    return {
      payerId: payers[(i * 5 + day) % payers.length]!.id,
      ownerId,
      teamId: ownerId === jordan.id ? jordan.teamId : i % 7 === 3 ? null : sam.teamId,
      status: status === 'new' && ownerId ? 'assigned' : status,
      patientName: `${SURNAMES[(i * 7) % SURNAMES.length]}, ${GIVEN[(i * 3) % GIVEN.length]}`,
      patientControlNumber: `PCN${(240_000 + i * 7_919).toString()}`,
      deniedCents: [18_500, 42_000, 7_250, 126_000, 3_300, 61_840, 9_900, 245_000][i % 8]! + i * 1_337,
      carcCodes: carc,
      rarcCodes: rarc,
      category,
      department,
      appealable,
      noticeDate: addDays(today, -((i * 17) % 190) - 5),
      serviceDate: addDays(today, -((i * 17) % 190) - 40),
      followUpDate: ownerId === sam.id && i % 4 === 0 ? today : ownerId && i % 5 === 1 ? addDays(today, 3 + (i % 9)) : null,
      escalated: i % 13 === 5,
      openedAt: new Date(Date.now() - ((i * 17) % 190) * 86_400_000),
    };
  });
  const specs = [...named, ...filler];
  const ids = await createDenials(specs);
  await addLines(ids, specs);
  const { scored } = await rescoreOpenDenials(today);
  console.log(`[e2e-fixtures] ${named.length + filler.length} denials created, ${scored} scored`);
}

try {
  await main();
} finally {
  await db.$disconnect();
  await pool.end();
}
process.exit(0);
