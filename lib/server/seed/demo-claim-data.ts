import 'server-only';

// What the demo's claims are made of: common procedures with typical charges, names, rendering providers, and
// the denial scenarios of design.md with how often each comes.
export const PROCEDURES: [code: string, feeCents: number][] = [
  ['99213', 15000], ['99214', 22500], ['99215', 31000], ['99203', 19000], ['93000', 6000], ['36415', 2500],
  ['80053', 4500], ['71046', 18000], ['72148', 120000], ['97110', 8500], ['20610', 32000], ['29881', 480000],
  ['45378', 190000], ['99285', 115000], ['70450', 95000], ['G0439', 17500],
];
export const FIRST = ['MARIA', 'JAMES', 'LINDA', 'ROBERT', 'PATRICIA', 'DAVID', 'JENNIFER', 'MICHAEL', 'ELIZABETH', 'WILLIAM', 'SUSAN', 'CARLOS', 'AISHA', 'WEI', 'PRIYA', 'OLUWASEUN'];
export const LAST = ['GARCIA', 'SMITH', 'NGUYEN', 'JOHNSON', 'PATEL', 'BROWN', 'WILLIAMS', 'KIM', 'MARTINEZ', 'DAVIS', 'LOPEZ', 'WILSON', 'OKAFOR', 'CHEN', 'HERNANDEZ', 'MILLER'];
export const PROVIDERS: [string, string][] = [['RIVERSIDE FAMILY MEDICINE', '1518901234'], ['NORTHGATE ORTHOPEDICS', '1629012345'], ['LAKEVIEW IMAGING', '1730123456']];

/** A denial scenario: the CAS on the denied line, remark codes, and how often it comes (weights sum to 100). */
export interface DenialKind {
  weight: number;
  group: string;
  reason: string;
  remarks?: string[];
  claimRemarks?: string[];
  /** Part of the claim is paid on another line. */
  partial?: boolean;
}

export const DENIALS: DenialKind[] = [
  { weight: 11, group: 'CO', reason: '50', remarks: ['N115'] }, // medical necessity, decided under an LCD
  { weight: 13, group: 'CO', reason: '197', partial: true }, // authorization absent
  { weight: 9, group: 'CO', reason: '16', remarks: ['M127'] }, // medical records requested
  { weight: 6, group: 'CO', reason: '16', claimRemarks: ['MA130', 'M51'] }, // unprocessable: correct and resubmit
  { weight: 6, group: 'CO', reason: '29' }, // timely filing
  { weight: 10, group: 'CO', reason: '97', remarks: ['N19'], partial: true }, // bundled
  { weight: 6, group: 'CO', reason: '151', remarks: ['M53'], partial: true }, // units
  { weight: 9, group: 'CO', reason: '27' }, // coverage terminated
  { weight: 5, group: 'OA', reason: '22' }, // coordination of benefits
  { weight: 4, group: 'CO', reason: '18' }, // duplicate
  { weight: 6, group: 'CO', reason: '96', remarks: ['N130'] }, // non-covered
  { weight: 6, group: 'CO', reason: '4', partial: true }, // modifier inconsistent
  { weight: 4, group: 'CO', reason: '252', remarks: ['N706'] }, // attachment required
  { weight: 2, group: 'CO', reason: '109' }, // not this payer
  { weight: 3, group: 'CO', reason: '16', claimRemarks: ['MA36'] }, // patient name missing or wrong: registration
  // Not every denial is avoidable (carc-categories.csv): without these the dashboard's avoidable rate reads 100%.
  { weight: 3, group: 'CO', reason: 'B20' }, // furnished partly or fully by another provider
  { weight: 2, group: 'CO', reason: '276' }, // denied by the prior payer, not covered by this one
];

/**
 * The demo practice's billing sites: each claim's 835 names one as its payee (N1*PE), which the front-desk page
 * reads as the claim's location. The NPIs pass the check digit.
 */
export const SITES = [
  { name: 'OVERTURN DEMO MEDICAL GROUP', npi: '1234567893' },
  { name: 'OVERTURN DEMO EASTSIDE WALK-IN', npi: '1456789019' },
  { name: 'OVERTURN DEMO NORTHGATE CLINIC', npi: '1567890128' },
] as const;
export type DemoSite = (typeof SITES)[number];

const FRONT_DESK_REASONS = new Set(['27', '22', '109', '197', '96']);

/**
 * Where a claim was seen, from its serial (not the random stream, so the rest of the demo stays as it was): half
 * at the main site; the walk-in clinic, where patients arrive unscheduled and unverified, collects more of the
 * registration and eligibility denials — the pattern the front-desk page is there to show.
 */
export function siteFor(serial: number, kind: DenialKind | null): DemoSite {
  const slot = serial % 10;
  if (kind && (FRONT_DESK_REASONS.has(kind.reason) || kind.claimRemarks?.includes('MA36'))) return SITES[slot < 4 ? 1 : slot < 7 ? 0 : 2];
  return SITES[slot < 5 ? 0 : slot < 7 ? 1 : 2];
}

/**
 * The demo prevention issue's effect (demo-prevention.ts): from its action date, Texas Medicaid's
 * coverage-terminated denials (CARC 27) mostly stop — eligibility is now checked at every check-in — so its
 * before/after trend shows a drop. Three in four such claims are paid instead.
 */
export const DEMO_PREVENTED = { payerIdentifier: 'SKTX0', reason: '27', actionDaysAgo: 80 } as const;
