// The authorization matrix, built from the code: every exported HTTP method of every app/**/route.ts and every
// server action under app/ must have a row here, and each row is called as nobody and as each role with the
// answer it must give. Operations check the same rules again with the record in hand (operations.test.ts).
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor, ROLES, type Role } from '@/lib/domain/permissions';
import { addDays } from '@/lib/domain/dates';
import { DEFAULT_SLA } from '@/lib/domain/sla';
import { db } from '@/lib/server/db';
import { startAppeal } from '@/lib/server/appeals/start-appeal';
import { submitAppeal } from '@/lib/server/appeals/submit-appeal';
import { draftLetter } from '@/lib/server/appeals/appeal-letters';
import { markResubmitted } from '@/lib/server/denials/mark-resubmitted';
import { escalateDenial } from '@/lib/server/escalations/escalate-denial';
import { requestWriteOff } from '@/lib/server/denials/request-write-off';
import { writeOffThresholdCents } from '@/lib/server/denials/write-off-threshold';
import { previewRerun } from '@/lib/server/assignment/rerun-unassigned';
import { setAway } from '@/lib/server/team/away';
import { previewMoveWork } from '@/lib/server/team/move-work';
import { REPO_ROOT, routeHandlers, serverActions } from '../../support/app-surface';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { GOOD_ORGANIZATION, createTemplateRow, organizationVersion } from '../../support/template-factory';
import { withIngestDatabase } from '../ingest/helpers';

const current: { actor: Actor | null; headers: Headers } = { actor: null, headers: new Headers() };
// The session is next-auth's business; here the request's Actor is whoever the test says. The rest of
// lib/server/auth (next-auth's options) stays real for the next-auth route.
vi.mock('@/lib/server/auth', async (original) => ({ ...(await original<object>()), getActor: async () => current.actor }));
vi.mock('next/headers', () => ({
  headers: async () => current.headers,
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

withIngestDatabase();

type Who = 'signed_out' | Role;
const WHO: Who[] = ['signed_out', ...ROLES];
const TODAY = '2026-11-20';
const MATRIX_COMBINATION = { group: 'PI', carc: 'B7', rarc: 'N998' } as const;
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;

let teamA: string;
let payerId: string;
const as = {} as Record<Role, Actor>;
let fileOfTeamA: string;

/** `answer` for the roles named, `otherwise` for the other roles, 401/unauthenticated signed out. */
function only<T>(roles: Role[], answer: T, otherwise: T, signedOut: T): Record<Who, T> {
  return Object.fromEntries(WHO.map((who) => [who, who === 'signed_out' ? signedOut : roles.includes(who) ? answer : otherwise])) as Record<Who, T>;
}
const same = <T>(answer: T): Record<Who, T> => Object.fromEntries(WHO.map((who) => [who, answer])) as Record<Who, T>;

// ---- Route handlers ----------------------------------------------------------------------------------------

interface RouteRow {
  /** A concrete request for the pattern (made per call, so each call has fresh records). */
  request: () => Promise<{ url: string; init?: RequestInit; params?: Record<string, unknown> }>;
  status: Record<Who, number>;
  /** Where the row is exercised instead, when the handler needs Next's request scope (next-auth reads it itself). */
  endToEnd?: string;
}

const upload = (body: string): RequestInit => ({ method: 'POST', body, headers: { 'content-length': String(Buffer.byteLength(body)) } });
const WORKERS: Role[] = ['specialist', 'manager'];
const get = (url: string, params?: Record<string, unknown>) => async () => ({ url, params });
/** A file on a fresh team-A denial, as the upload route would store it. */
async function attachmentOfTeamA(): Promise<string> {
  const denialId = await createDenial({ payerId, teamId: teamA });
  const content = new TextEncoder().encode(`%PDF-1.7 ${run}`);
  const row = await db.attachment.create({ data: { denialId, filename: 'a.pdf', kind: 'other', contentType: 'application/pdf', sizeBytes: content.byteLength, sha256: run, content } });
  return row.id;
}

/** A rule matching only a fresh payer (so it routes nothing), as the editor would have read it. */
async function matrixRule(): Promise<{ id: string; version: number }> {
  const payer = await createPayer('commercial');
  const rule = await db.assignmentRule.create({
    data: { name: `Matrix ${run}`, position: 1000, teamId: teamA, strategy: 'team_only', payerIds: [payer.id], categories: [], departments: [], carcCodes: [], rarcCodes: [], providerNpis: [] },
  });
  return { id: rule.id, version: rule.version };
}

const ROUTES: Record<string, RouteRow> = {
  'GET /api/denials': { request: get('/api/denials'), status: only(WORKERS, 200, 403, 401) },
  'GET /api/denials/[id]': {
    request: async () => {
      const id = await createDenial({ payerId, teamId: teamA });
      return { url: `/api/denials/${id}`, params: { id } };
    },
    status: only(WORKERS, 200, 403, 401),
  },
  'POST /api/denials/[id]/attachments': {
    request: async () => {
      const id = await createDenial({ payerId, teamId: teamA });
      return { url: `/api/denials/${id}/attachments?filename=a.pdf&kind=other`, init: upload(`%PDF-1.7 ${run}`), params: { id } };
    },
    status: only(WORKERS, 201, 403, 401),
  },
  'GET /api/attachments/[attachmentId]': {
    request: async () => {
      const attachmentId = await attachmentOfTeamA();
      return { url: `/api/attachments/${attachmentId}`, params: { attachmentId } };
    },
    status: only(WORKERS, 200, 403, 401),
  },
  'DELETE /api/attachments/[attachmentId]': {
    request: async () => {
      const attachmentId = await attachmentOfTeamA();
      return { url: `/api/attachments/${attachmentId}`, init: { method: 'DELETE' }, params: { attachmentId } };
    },
    status: only(WORKERS, 200, 403, 401),
  },
  // A fresh drafted appeal without a letter: the allowed roles get past the check and are told to draft the letter
  // first (POST), or that no packet has been built (GET).
  'POST /api/appeals/[appealId]/packet.pdf': {
    request: async () => {
      const denialId = await createDenial({ payerId, teamId: teamA });
      const { id: appealId } = await db.appeal.create({ data: { denialId, level: '1' } });
      return { url: `/api/appeals/${appealId}/packet.pdf`, init: { method: 'POST', body: JSON.stringify({ denialId, attachmentIds: [] }) }, params: { appealId } };
    },
    status: only(WORKERS, 422, 403, 401),
  },
  'POST /api/write-offs/decisions': {
    request: async () => ({ url: '/api/write-offs/decisions', init: { method: 'POST', body: JSON.stringify({ items: [await pendingWriteOff()], approve: false, note: 'Appeal it first' }) } }),
    status: only(['manager'], 200, 403, 401),
  },
  'GET /api/appeals/[appealId]/packet.pdf': {
    request: async () => {
      const denialId = await createDenial({ payerId, teamId: teamA });
      const { id: appealId } = await db.appeal.create({ data: { denialId, level: '1' } });
      return { url: `/api/appeals/${appealId}/packet.pdf`, params: { appealId } };
    },
    status: only(WORKERS, 404, 403, 401),
  },
  'GET /api/appeals/[appealId]/letter.pdf': {
    request: async () => {
      const { appealId } = await letteredAppeal();
      return { url: `/api/appeals/${appealId}/letter.pdf`, params: { appealId } };
    },
    status: only(WORKERS, 200, 403, 401),
  },
  'GET /api/saved-views': { request: get('/api/saved-views'), status: only(WORKERS, 200, 403, 401) },
  'GET /api/code-mappings': { request: get('/api/code-mappings?q=CO-50'), status: only(['admin'], 200, 403, 401) },
  'GET /api/code-mappings/changes': { request: get('/api/code-mappings/changes'), status: only(['admin'], 200, 403, 401) },
  'GET /api/exports/queue': { request: async () => ({ url: `/api/exports/queue?view=team&payer=${payerId}` }), status: only(WORKERS, 200, 403, 401) },
  'GET /api/exports/audit': { request: get('/api/exports/audit?action=export&from=2026-01-01'), status: only(['admin'], 200, 403, 401) },
  'GET /api/exports/dashboard': { request: get('/api/exports/dashboard'), status: only(WORKERS, 200, 403, 401) },
  'GET /api/exports/prevention': { request: get('/api/exports/prevention'), status: only(['manager'], 200, 403, 401) },
  // Everyone signed in has a bell; each reads and marks only their own.
  'GET /api/notifications': { request: get('/api/notifications'), status: only([...ROLES], 200, 403, 401) },
  'GET /api/notifications/unread': { request: get('/api/notifications/unread'), status: only([...ROLES], 200, 403, 401) },
  'POST /api/notifications/read': {
    request: async () => ({ url: '/api/notifications/read', init: { method: 'POST', body: JSON.stringify({ ids: [SOME_ID] }), headers: { 'content-type': 'application/json' } } }),
    status: only([...ROLES], 200, 403, 401),
  },
  'GET /api/imports/[id]/raw': {
    request: async () => ({ url: `/api/imports/${fileOfTeamA}/raw`, params: { id: fileOfTeamA } }),
    status: only(['manager'], 200, 403, 401),
  },
  'GET /api/imports/[id]/rejected.csv': {
    request: async () => ({ url: `/api/imports/${fileOfTeamA}/rejected.csv`, params: { id: fileOfTeamA } }),
    status: only(WORKERS, 200, 403, 401),
  },
  // Allowed roles get past the check and are told, in the stream, that this is not an 835 / has no usable mapping.
  'POST /api/imports/835': { request: async () => ({ url: '/api/imports/835?filename=a.835', init: upload(`not X12 ${run}`) }), status: only(WORKERS, 200, 403, 401) },
  'POST /api/imports/csv': {
    request: async () => ({ url: '/api/imports/csv?filename=a.csv&source=matrix&mapping=%7B%7D', init: upload(`Account #\nA1 ${run}\n`) }),
    status: only(WORKERS, 200, 403, 401),
  },
  'POST /api/imports/csv/preview': { request: async () => ({ url: '/api/imports/csv/preview', init: upload('Account #,Paid\nA1,0\n') }), status: only(WORKERS, 200, 403, 401) },
  // next-auth's own endpoints are public by design: the session answers {} without a cookie, a malformed sign-in 400.
  'GET /api/auth/[...nextauth]': { request: get('/api/auth/session', { nextauth: ['session'] }), status: same(200), endToEnd: 'tests/e2e/session.api.spec.ts' },
  'POST /api/auth/[...nextauth]': {
    request: async () => ({ url: '/api/auth/callback/credentials', init: { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, params: { nextauth: ['callback', 'credentials'] } }),
    status: same(400),
  },
  // The balancer's probes: public by design (docs/deployment.md "Health and readiness"), answering the same to all.
  'GET /api/health': { request: get('/api/health'), status: same(200) },
  'GET /api/ready': { request: get('/api/ready'), status: same(200) },
  // The page a page sends the browser to while the database is down (decision 0036): public, reads nothing, always 503.
  'GET /unavailable': { request: get('/unavailable?from=%2Fqueue'), status: same(503) },
  ...Object.fromEntries(
    ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => [
      `${method} /api/[...missing]`,
      { request: async () => ({ url: '/api/nothing-here', init: { method }, params: { missing: ['nothing-here'] } }), status: same(404) },
    ]),
  ),
};

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

const routeFiles = new Map(routeHandlers().map((r) => [r.path, r.file]));
const load = async <T>(file: string) => (await import(/* @vite-ignore */ path.join(REPO_ROOT, file))) as Record<string, T>;
const routeModule = (pattern: string) => load<Handler>(routeFiles.get(pattern)!);

async function callRoute(key: string, who: Who): Promise<number> {
  const [method, pattern] = key.split(' ') as [string, string];
  const { url, init, params } = await ROUTES[key]!.request();
  current.actor = who === 'signed_out' ? null : as[who];
  const handler = (await routeModule(pattern))[method]!;
  const req = new NextRequest(`http://localhost${url}`, { method, ...init } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await handler(req, { params: Promise.resolve(params ?? {}) });
  await res.arrayBuffer(); // let a streamed import finish before the next call
  return res.status;
}

// ---- Server actions ----------------------------------------------------------------------------------------

type Outcome = 'ok' | 'unauthenticated' | 'forbidden' | 'not_found';
interface ActionRow {
  input: (who: Who) => Promise<unknown>;
  result: Record<Who, Outcome>;
}

type DenialRef = { id: string; version: number };
/** A fresh team-A denial in the state the action starts from, so every call can succeed for an allowed role. */
const freshDenial = async (status: 'new' | 'in_progress' = 'new'): Promise<DenialRef> => ({
  id: await createDenial({ payerId, teamId: teamA, status, deniedCents: 90_000_00 }),
  version: 0,
});
/** A specialist's request above the approval threshold waits for a manager's decision. */
const pendingWriteOff = async (): Promise<DenialRef> => {
  const denial = await freshDenial('in_progress');
  const requested = await requestWriteOff(as.specialist, { ...denial, reasonCode: 'other', reason: 'Not worth appealing' });
  if (!requested.ok) throw new Error(requested.message);
  return { id: denial.id, version: denial.version + 1 };
};
const denialWorkers = (input: (d: DenialRef) => object, roles: Role[] = WORKERS, start: () => Promise<DenialRef> = freshDenial) => ({
  input: async () => input(await start()),
  result: only<Outcome>(roles, 'ok', 'forbidden', 'unauthenticated'),
});
const working = () => freshDenial('in_progress');
/** A working denial with a drafted level-1 appeal (the payer's default commercial rules have level 1). */
const draftedAppeal = async (): Promise<DenialRef & { appealId: string }> => {
  const denial = await working();
  const started = await startAppeal(as.specialist, { ...denial, level: '1' });
  if (!started.ok) throw new Error(started.message);
  const appeal = await db.appeal.findFirstOrThrow({ where: { denialId: denial.id }, select: { id: true } });
  return { id: denial.id, version: started.data.version, appealId: appeal.id };
};
/** The same appeal sent to the payer: the denial is appealed and waits for the decision. */
const submittedAppeal = async (): Promise<DenialRef & { appealId: string }> => {
  const draft = await draftedAppeal();
  const sent = await submitAppeal(as.specialist, { ...draft, on: '2025-06-02', method: 'portal' });
  if (!sent.ok) throw new Error(sent.message);
  return { ...draft, version: sent.data.version };
};

/** A drafted appeal with its letter, from a template every test denial can fill (under a complete letterhead). */
const letteredAppeal = async (): Promise<DenialRef & { appealId: string; letterVersion: number }> => {
  const draft = await draftedAppeal();
  const drafted = await draftLetter(as.specialist, { ...draft, templateId: await shortTemplate() });
  if (!drafted.ok) throw new Error(drafted.message);
  return { ...draft, version: drafted.data.denial.version, letterVersion: drafted.data.letter.version };
};
async function shortTemplate(): Promise<string> {
  await db.organization.upsert({ where: { id: 1 }, create: { id: 1, ...GOOD_ORGANIZATION }, update: { ...GOOD_ORGANIZATION, version: { increment: 1 } } });
  return (await createTemplateRow({ body: 'Re: claim {{claim.number}}' })).id;
}

const ACTIONS: Record<string, ActionRow> = {
  saveViewAction: { input: async (who) => ({ name: `Matrix ${run} ${who}`, query: 'view=mine' }), result: only<Outcome>(WORKERS, 'ok', 'forbidden', 'unauthenticated') },
  // Someone else's or a missing view is "not found", never "forbidden", for a role that has saved views at all.
  deleteViewAction: { input: async () => ({ id: SOME_ID }), result: only<Outcome>(WORKERS, 'not_found', 'forbidden', 'unauthenticated') },
  assignDenialAction: denialWorkers((d) => ({ ...d, assignee: 'me' })),
  setFollowUpAction: denialWorkers((d) => ({ ...d, date: addDays(TODAY, 400) })),
  addNoteAction: denialWorkers((d) => ({ ...d, note: 'Called the payer' })),
  changeStatusAction: denialWorkers((d) => ({ ...d, to: 'pending_info' }), WORKERS, working),
  escalateDenialAction: denialWorkers((d) => ({ ...d, reason: 'Payer portal refuses the appeal form' })),
  // A fresh open escalation per call: the managers resolve it, the others are refused before any read.
  handleEscalationAction: {
    input: async () => {
      const denial = await freshDenial();
      const raised = await escalateDenial(as.specialist, { ...denial, reason: 'Need a decision on this one' });
      if (!raised.ok) throw new Error(raised.message);
      const escalation = await db.escalation.findFirstOrThrow({ where: { denialId: denial.id, status: 'open' }, select: { id: true } });
      return { escalationId: escalation.id, outcome: 'resolved', note: 'Appeal it at level 1' };
    },
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  // Each worker withdraws the one they raised; the others are refused before any read.
  withdrawEscalationAction: {
    input: async (who) => {
      const denial = await freshDenial();
      const raiser = who === 'specialist' || who === 'manager' ? as[who] : as.specialist;
      const raised = await escalateDenial(raiser, { ...denial, reason: 'Need a decision on this one' });
      if (!raised.ok) throw new Error(raised.message);
      const escalation = await db.escalation.findFirstOrThrow({ where: { denialId: denial.id, status: 'open' }, select: { id: true } });
      return { escalationId: escalation.id, note: 'The payer called back' };
    },
    result: only<Outcome>(WORKERS, 'ok', 'forbidden', 'unauthenticated'),
  },
  markResubmittedAction: denialWorkers((d) => ({ ...d, note: 'Fixed the modifier' }), WORKERS, working),
  requestWriteOffAction: denialWorkers((d) => ({ ...d, reasonCode: 'other', reason: 'Not worth appealing' }), WORKERS, working),
  decideWriteOffAction: denialWorkers((d) => ({ ...d, approve: false, note: 'Appeal it first' }), ['manager'], pendingWriteOff),
  decideWriteOffsAction: {
    input: async () => ({ items: [await pendingWriteOff()], approve: false, note: 'Appeal it first' }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  startAppealAction: denialWorkers((d) => ({ ...d, level: '1' }), WORKERS, working),
  submitAppealAction: denialWorkers((d) => ({ ...d, on: '2025-06-02', method: 'fax', payerReference: 'FAX-1' }), WORKERS, draftedAppeal),
  decideAppealAction: denialWorkers((d) => ({ ...d, decision: 'upheld', on: '2025-07-01' }), WORKERS, submittedAppeal),
  checkLetterTemplateAction: {
    input: async () => {
      const { id, appealId } = await draftedAppeal();
      return { id, appealId, templateId: await shortTemplate() };
    },
    result: only<Outcome>(WORKERS, 'ok', 'forbidden', 'unauthenticated'),
  },
  draftLetterAction: denialWorkers((d) => d, WORKERS, async () => ({ ...(await draftedAppeal()), templateId: await shortTemplate() })),
  saveLetterAction: denialWorkers((d) => ({ ...d, body: 'Re: claim, edited' }), WORKERS, letteredAppeal),
  reopenDenialAction: denialWorkers((d) => ({ ...d, reason: 'Payer reversed the payment' }), ['manager'], async () => ({
    id: await createDenial({ payerId, teamId: teamA, status: 'resolved_paid' }),
    version: 0,
  })),
  // Only a change's author may undo it: each worker undoes their own; the others are refused before any read.
  undoDenialChangeAction: {
    input: async (who) => {
      const denial = await working();
      const author = who === 'specialist' || who === 'manager' ? as[who] : as.specialist;
      const done = await markResubmitted(author, denial);
      if (!done.ok || !done.data.undo) throw new Error('no undoable change');
      return { id: denial.id, version: done.data.version, eventId: done.data.undo.eventId };
    },
    result: only<Outcome>(WORKERS, 'ok', 'forbidden', 'unauthenticated'),
  },
  bulkUpdateDenialsAction: {
    input: async () => ({ items: [await freshDenial()], change: { kind: 'follow_up', date: addDays(TODAY, 400) } }),
    result: only<Outcome>(WORKERS, 'ok', 'forbidden', 'unauthenticated'),
  },
  updatePayerRulesAction: {
    input: async () => {
      const payer = await createPayer('commercial');
      return { payerId: payer.id, version: payer.version, levels: [{ level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 5 }], timelyFiling: { value: 90, unit: 'days' }, warningWindowDays: 14, rollWeekendDeadlines: false };
    },
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  // Team A's SLA saved as it is (every rule off), and a run of its check: nothing of other tests' escalates.
  updateTeamSlaAction: {
    input: async () => ({ teamId: teamA, version: (await db.teamSla.findUnique({ where: { teamId: teamA } }))?.version ?? 0, ...DEFAULT_SLA }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  // Non-covered's checklist saved as the version read; a fresh issue logged, and one edited at the version read.
  updateChecklistAction: {
    input: async () => ({
      category: 'non_covered_benefit_limits',
      items: ['Check the plan covers the service'],
      version: (await db.preventionChecklist.findUnique({ where: { category: 'non_covered_benefit_limits' } }))?.version ?? 0,
    }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  createPreventionIssueAction: {
    input: async (who) => ({ title: `Matrix ${run} ${who}`, category: 'eligibility_coverage', responsibleDepartment: 'front_desk' }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  updatePreventionIssueAction: {
    input: async (who) => {
      const issue = await db.preventionIssue.create({ data: { title: `Matrix ${run}`, category: 'eligibility_coverage', responsibleDepartment: 'front_desk', createdById: as.manager.id } });
      return { id: issue.id, version: 0, title: `Matrix ${run} ${who}`, category: 'eligibility_coverage', responsibleDepartment: 'front_desk', status: 'done' };
    },
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  runSlaCheckNowAction: { input: async () => ({}), result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  previewTeamSlaAction: { input: async () => ({ teamId: teamA, ...DEFAULT_SLA }), result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  // Sets the threshold to what it already is: other test files read it.
  setWriteOffThresholdAction: {
    input: async () => ({ threshold: ((await writeOffThresholdCents(db)) / 100).toFixed(2) }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  createTemplateAction: {
    input: async (who) => ({ category: 'bundling', name: `Matrix ${run} ${who}`, body: 'Re: {{claim.number}}' }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  saveTemplateVersionAction: {
    input: async () => ({ templateId: (await createTemplateRow()).id, version: 0, body: 'Re: {{claim.number}}' }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  setTemplateArchivedAction: {
    input: async () => ({ templateId: (await createTemplateRow()).id, version: 0, archived: true }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  // Assignment rules: each row's rule matches only a payer no denial has, so no other test's import is routed.
  saveRuleAction: {
    input: async (who) => ({ name: `Matrix ${run} ${who}`, payerIds: [(await createPayer('commercial')).id], teamId: teamA, strategy: 'team_only' }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  previewRuleAction: {
    input: async () => ({ name: 'Preview', payerIds: [payerId], teamId: teamA, strategy: 'round_robin' }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  moveRuleAction: { input: async () => ({ ...(await matrixRule()), direction: 'up' }), result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  toggleRuleAction: { input: async () => ({ ...(await matrixRule()), enabled: false }), result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  deleteRuleAction: { input: matrixRule, result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  previewRerunAction: { input: async () => ({ scope: 'no_team' }), result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  rerunUnassignedAction: {
    input: async () => {
      const plan = await previewRerun(as.manager, 'no_team');
      return { scope: 'no_team', expectedCount: plan.ok ? plan.data.count : 0 };
    },
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  // A remark no claim carries: the override changes nothing any later test file ingests.
  previewCodeMappingAction: { input: async () => ({ ...MATRIX_COMBINATION, classification: null }), result: only<Outcome>(['admin'], 'ok', 'forbidden', 'unauthenticated') },
  saveCodeMappingAction: {
    input: async () => ({
      ...MATRIX_COMBINATION,
      classification: { category: 'other', department: 'billing', avoidable: false, isDenial: true },
      confirmedCount: 0,
      version: (await db.codeMappingOverride.findFirst({ where: { groupCode: 'PI', carcCode: 'B7', rarcCode: 'N998' } }))?.version ?? 0,
    }),
    result: only<Outcome>(['admin'], 'ok', 'forbidden', 'unauthenticated'),
  },
  updateOrganizationAction: {
    input: async () => ({ ...GOOD_ORGANIZATION, version: await organizationVersion() }),
    result: only<Outcome>(['admin'], 'ok', 'forbidden', 'unauthenticated'),
  },
  createUserAction: {
    input: async (who) => ({ email: `matrix-${run}-${who}@overturn.test`, name: 'Matrix Target', role: 'specialist', password: 'a-long-password-1' }),
    result: only<Outcome>(['admin'], 'ok', 'forbidden', 'unauthenticated'),
  },
  updateUserAction: { input: async () => ({ userId: as.specialist.id, teamId: teamA }), result: only<Outcome>(['admin'], 'ok', 'forbidden', 'unauthenticated') },
  previewMoveWorkAction: { input: async () => ({ fromUserId: as.specialist.id }), result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated') },
  // A colleague with one open denial, previewed by the manager, moved to the team's specialist.
  moveWorkAction: {
    input: async () => {
      const from = await createPerson('specialist', teamA);
      await createDenial({ payerId, teamId: teamA, ownerId: from.id, status: 'assigned' });
      const preview = await previewMoveWork(as.manager, { fromUserId: from.id });
      if (!preview.ok) throw new Error(preview.message);
      return { fromUserId: from.id, toUserId: as.specialist.id, reason: 'Matrix move', expected: { count: preview.data.count, fingerprint: preview.data.fingerprint } };
    },
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  setAwayAction: {
    input: async () => ({ userId: (await createPerson('specialist', teamA)).id, from: '2199-01-01', until: '2199-01-05', coverId: as.specialist.id }),
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
  clearAwayAction: {
    input: async () => {
      const away = await createPerson('specialist', teamA);
      const set = await setAway(as.manager, { userId: away.id, from: '2199-01-01', until: '2199-01-05', coverId: as.specialist.id });
      if (!set.ok) throw new Error(set.message);
      return { userId: away.id };
    },
    result: only<Outcome>(['manager'], 'ok', 'forbidden', 'unauthenticated'),
  },
};

type ActionFn = (input: unknown) => Promise<{ ok: boolean; code?: string }>;
const actionFiles = new Map(serverActions().map((a) => [a.name, a.file]));

async function callAction(name: string, who: Who): Promise<string> {
  const action = (await load<ActionFn>(actionFiles.get(name)!))[name]!;
  const input = await ACTIONS[name]!.input(who);
  current.actor = who === 'signed_out' ? null : as[who];
  const result = await action(input);
  return result.ok ? 'ok' : result.code!;
}

// ---- The walk ----------------------------------------------------------------------------------------------

beforeAll(async () => {
  teamA = (await createTeam()).id;
  payerId = (await createPayer('commercial')).id;
  for (const role of ROLES) as[role] = await createPerson(role, teamA);
  const content = new TextEncoder().encode(`${run} matrix`);
  const file = await db.remittanceFile.create({
    data: { filename: `matrix-${run}.csv`, format: 'csv', sha256: `${run}-matrix`, sizeBytes: content.byteLength, chunks: { create: { seq: 0, content } }, importedById: as.specialist.id, rejectedRows: [{ line: 3, reason: 'carc: required' }] },
  });
  fileOfTeamA = file.id;
});

afterAll(async () => {
  current.actor = null;
  // The rows' assignment rules match only payers of their own; removed so no later file sees them.
  await db.assignmentRule.deleteMany({ where: { name: { startsWith: `Matrix ${run}` } } });
});

describe('the matrix lists every way in', () => {
  it('has a row for every exported method of every route handler', () => {
    const found = routeHandlers().map((r) => `${r.method} ${r.path}`);
    expect(found.length).toBeGreaterThan(10);
    expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('has a row for every server action', () => {
    const found = serverActions().map((a) => a.name);
    expect(found.length).toBeGreaterThan(10);
    expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

describe('route handlers', () => {
  const cases = Object.entries(ROUTES)
    .filter(([, row]) => !row.endToEnd)
    .flatMap(([key, row]) => WHO.map((who) => [key, who, row.status[who]] as const));
  it.each(cases)('%s as %s answers %i', async (key, who, status) => {
    expect(await callRoute(key, who)).toBe(status);
  });
});

describe('server actions', () => {
  const cases = Object.entries(ACTIONS).flatMap(([name, row]) => WHO.map((who) => [name, who, row.result[who]] as const));
  it.each(cases)('%s as %s answers %s', async (name, who, outcome) => {
    expect(await callAction(name, who)).toBe(outcome);
  });
});

describe('the transports refuse a cross-site mutation themselves, behind the proxy', () => {
  const foreign = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'user-agent': 'Mozilla/5.0' };

  it('a route handler answers 403 before authenticating', async () => {
    current.actor = as.manager;
    const { POST } = await routeModule('/api/imports/835');
    const req = new NextRequest('http://localhost/api/imports/835?filename=a.835', { method: 'POST', body: 'ISA', headers: { ...foreign, 'content-length': '3' } });
    const res = await POST!(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringContaining('ross-site request refused') });
  });

  it('a server action refuses before authenticating', async () => {
    current.headers = new Headers({ ...foreign, host: 'localhost' });
    try {
      expect(await callAction('addNoteAction', 'specialist')).toBe('forbidden');
    } finally {
      current.headers = new Headers();
    }
  });
});
