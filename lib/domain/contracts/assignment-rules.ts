// An assignment rule as the editor sends it: lists as the browser holds them, codes, NPIs and the amount range as
// the text a manager typed. The schema parses the text into what is stored (codes upper-cased and de-duplicated,
// NPIs checked, the range in integer cents) so the server refuses exactly what the form shows as wrong. Codes
// are then checked against the code tables on the server (lib/server/assignment/save-rule.ts).
import { z } from 'zod';
import { parseAmountRange } from '../assignment/amount-range';
import { ASSIGNMENT_STRATEGIES } from '../assignment/rules';
import { DENIAL_CATEGORIES, DEPARTMENTS } from '../codes';
import { npiProblem } from '../identifiers';
import { plainText } from './text';

export const MAX_RULE_NAME = 80;
export const MAX_RULE_VALUES = 50;

/** "CO-16, 197 n30" → ["16", "197", "N30"]: separators are commas, spaces or semicolons; a group prefix is dropped. */
export function splitCodes(text: string): string[] {
  const codes = text
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase().replace(/^(CO|PR|OA|PI|CR)-/, ''))
    .filter((c) => c !== '');
  return [...new Set(codes)];
}

function codeList(kind: 'CARC' | 'RARC') {
  const shape = kind === 'CARC' ? /^[A-Z]?\d{1,3}$/ : /^[A-Z]{1,2}\d{1,4}$/;
  return z.string().max(2000).transform((text, ctx) => {
    const codes = splitCodes(text);
    const bad = codes.filter((c) => !shape.test(c));
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `Not ${kind === 'CARC' ? 'a CARC' : 'an RARC'}: ${bad.slice(0, 5).join(', ')}` });
    else if (codes.length > MAX_RULE_VALUES) ctx.addIssue({ code: 'custom', message: `At most ${MAX_RULE_VALUES} codes.` });
    return codes;
  });
}

const npiList = z.string().max(2000).transform((text, ctx) => {
  const npis = [...new Set(text.split(/[\s,;]+/).filter((n) => n !== ''))];
  const problem = npis.map((n) => [n, npiProblem(n)] as const).find(([, p]) => p !== null);
  if (problem) ctx.addIssue({ code: 'custom', message: `${problem[0]}: ${problem[1]}` });
  else if (npis.length > MAX_RULE_VALUES) ctx.addIssue({ code: 'custom', message: `At most ${MAX_RULE_VALUES} NPIs.` });
  return npis;
});

const amountRange = z.string().max(100).transform((text, ctx) => {
  const parsed = parseAmountRange(text);
  if (parsed.ok) return { minCents: parsed.minCents, maxCents: parsed.maxCents };
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
});

export const ruleDraftInput = z
  .object({
    /** Absent for a new rule. */
    id: z.uuid().optional(),
    /** The version the editor read (required with an id). */
    version: z.number().int().min(0).optional(),
    isDefault: z.boolean().default(false),
    name: plainText(z.string().trim().min(1, 'Give the rule a name').max(MAX_RULE_NAME, `At most ${MAX_RULE_NAME} characters`)),
    enabled: z.boolean().default(true),
    payerIds: z.array(z.uuid()).max(MAX_RULE_VALUES).default([]),
    categories: z.array(z.enum(DENIAL_CATEGORIES)).max(DENIAL_CATEGORIES.length).default([]),
    departments: z.array(z.enum(DEPARTMENTS)).max(DEPARTMENTS.length).default([]),
    carcCodes: codeList('CARC').prefault(''),
    rarcCodes: codeList('RARC').prefault(''),
    amountRange: amountRange.prefault(''),
    providerNpis: npiList.prefault(''),
    teamId: z.uuid('Choose a team'),
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    userId: z.uuid().nullable().default(null),
  })
  .superRefine((rule, ctx) => {
    if (rule.strategy === 'named_person' && !rule.userId) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Choose the person' });
    if (rule.id && rule.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'Reload the rule and try again' });
  });
export type RuleDraftInput = z.input<typeof ruleDraftInput>;
export type RuleDraft = z.output<typeof ruleDraftInput>;

export const ruleRefInput = z.object({ id: z.uuid(), version: z.number().int().min(0) });
export const moveRuleInput = ruleRefInput.extend({ direction: z.enum(['up', 'down']) });
export const toggleRuleInput = ruleRefInput.extend({ enabled: z.boolean() });

export const RERUN_SCOPES = ['no_team', 'no_owner'] as const;
export type RerunScope = (typeof RERUN_SCOPES)[number];
export const rerunInput = z.object({
  scope: z.enum(RERUN_SCOPES),
  /** The count the manager confirmed: the run refuses when the queue moved on meanwhile (confirm again). */
  expectedCount: z.number().int().min(0),
});

export interface RuleDto {
  id: string;
  version: number;
  position: number;
  name: string;
  enabled: boolean;
  isDefault: boolean;
  payerIds: string[];
  categories: string[];
  departments: string[];
  carcText: string;
  rarcText: string;
  amountText: string;
  npiText: string;
  teamId: string;
  teamName: string | null;
  strategy: (typeof ASSIGNMENT_STRATEGIES)[number];
  userId: string | null;
  userName: string | null;
  /** Why the rule cannot route as written (its team or person is gone), or null. */
  problem: string | null;
  /** One line a person reads: "Payer Aetna; CARC 197; $500 - $5,000". */
  summary: string;
}

export interface RulePreviewDto {
  /** Open denials the rule's conditions match, in the viewer's reach. */
  matching: { count: number; cents: number };
  /** Of those, what earlier rules do not take first: what the rule would actually route today. */
  routed: { count: number; cents: number };
  examples: { id: string; payerName: string; category: string; deniedCents: number; payerClaimNumber: string | null }[];
}

export interface RerunPreviewDto {
  scope: RerunScope;
  count: number;
  cents: number;
  byRule: { ruleName: string; teamName: string; count: number; cents: number; owners: number }[];
  unmatched: number;
}

export interface RerunResultDto {
  assigned: number;
  withOwner: number;
  unmatched: number;
}

export interface AssignmentRulesPage {
  rules: RuleDto[];
  teams: { id: string; name: string }[];
  /** Who a rule may name: active specialists and managers, with their team. */
  people: { id: string; name: string; teamId: string; role: string }[];
  payers: { id: string; name: string }[];
}
