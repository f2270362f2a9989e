// Bad input never becomes a 500 (issue 11): every case below, sent to a route handler, a server action or the
// proxy's action-body guard as a client could send it, answers a 4xx with a code and a message, and writes nothing.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '@/lib/domain/contracts/result';
import { addDays, addMonths } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { refuseBadActionBody } from '@/lib/server/action-body-guard';
import { db, pool } from '@/lib/server/db';
import { encodeCursor } from '@/lib/server/denials/queue-cursor';
import { ERROR_STATUS } from '@/lib/server/errors';
import { todayIso } from '@/lib/server/clock';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { deniedClaim, remit, transaction, unique } from '../ingest/helpers';

const current: { actor: Actor | null } = { actor: null };
// The session is next-auth's business; here the request's Actor is whoever the case says.
vi.mock('@/lib/server/auth', () => ({ getActor: async () => current.actor }));
// Actions revalidate pages after a write; there is no Next cache in a test (and a bad input never gets there).
// No request scope here: a server-to-server call (no Origin, no browser headers) passes the CSRF check.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const denialsRoute = await import('@/app/api/denials/route');
const denialRoute = await import('@/app/api/denials/[id]/route');
const x12Route = await import('@/app/api/imports/835/route');
const csvRoute = await import('@/app/api/imports/csv/route');
const previewRoute = await import('@/app/api/imports/csv/preview/route');
const rawRoute = await import('@/app/api/imports/[id]/raw/route');
const rejectedRoute = await import('@/app/api/imports/[id]/rejected.csv/route');
const denialActions = await import('@/app/(app)/denials/actions');
const escalationActions = await import('@/app/(app)/escalations/actions');
const queueActions = await import('@/app/(app)/queue/actions');
const userActions = await import('@/app/(app)/admin/users/actions');
const payerActions = await import('@/app/(app)/payers/actions');
const ruleActions = await import('@/app/(app)/assignment-rules/actions');

interface Answer {
  status: number;
  code: string;
  message: string;
}

const today = todayIso();
const SOME_ID = '00000000-0000-4000-8000-0000000000aa';
const NUL = '\u0000';
const params = <P extends Record<string, string>>(p: P = {} as P) => ({ params: Promise.resolve(p) });
const get = (url: string) => new Request(`http://localhost${url}`);
const post = (url: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>),
    headers: { 'content-length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength), ...headers },
  });
const q = (query: Record<string, string>) => `?${new URLSearchParams(query).toString()}`;

/** A route's answer; an upload's NDJSON stream (its status is 200 before the import starts) by its result line. */
async function fromResponse(res: Response): Promise<Answer> {
  if ((res.headers.get('content-type') ?? '').includes('ndjson')) {
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; result?: Answer & { ok: boolean } });
    const last = lines.at(-1)!;
    if (last.type === 'result' && last.result && !last.result.ok) return { status: 422, code: last.result.code, message: last.result.message };
    return { status: res.status === 200 ? 200 : res.status, code: 'streamed', message: JSON.stringify(last) };
  }
  const body = (await res.json()) as { code: string; message: string };
  return { status: res.status, code: body.code, message: body.message };
}

/** An action's Result, with the status its code stands for (lib/server/errors.ts). */
async function fromResult(pending: Promise<{ ok: boolean; code?: string; message?: string }>): Promise<Answer> {
  const result = await pending;
  if (result.ok) return { status: 200, code: 'ok', message: '' };
  return { status: ERROR_STATUS[result.code as keyof typeof ERROR_STATUS], code: result.code!, message: result.message! };
}

/** Everything a bad request could have written, as one comparable value. */
async function fingerprint(): Promise<unknown> {
  const { rows } = await pool.query(`SELECT
    (SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM team) AS teams, (SELECT count(*) FROM saved_view) AS views,
    (SELECT count(*) FROM denial_event) AS events, (SELECT count(*) FROM remittance_file) AS files, (SELECT count(*) FROM write_off) AS write_offs,
    (SELECT count(*) FROM csv_mapping) AS mappings, (SELECT count(*) FROM payer_deadline_rule) AS rules,
    (SELECT coalesce(sum(version), 0) FROM denial) AS denial_versions, (SELECT coalesce(sum(version), 0) FROM payer) AS payer_versions,
    (SELECT md5(string_agg(id::text || coalesce("teamId"::text, '-') || role::text || coalesce("disabledAt"::text, '-'), ',' ORDER BY id)) FROM app_user) AS user_state,
    (SELECT md5(coalesce(string_agg(key || value::text, ',' ORDER BY key), '')) FROM setting) AS settings`);
  return rows[0];
}

// The people and records the cases name, made before the table is built (the table reads their ids).
const teamA = (await createTeam()).id;
const teamB = (await createTeam()).id;
const [specialist, manager, admin, outsider] = await Promise.all([
  createPerson('specialist', teamA),
  createPerson('manager', teamA),
  createPerson('admin'),
  createPerson('specialist', teamB),
]);
const payer = await createPayer();
const payerId = payer.id;
const payerVersion = payer.version;
/** A $38 denial in the specialist's team, in progress. */
const mine = await createDenial({ payerId, ownerId: specialist.id, teamId: teamA, status: 'in_progress', deniedCents: 3_800 });
const theirs = await createDenial({ payerId, ownerId: outsider.id, teamId: teamB, status: 'in_progress' });
const othersView = (await db.savedView.create({ data: { userId: outsider.id, name: 'Theirs', query: 'view=mine' } })).id;
const otherTeamFile = (
  await db.remittanceFile.create({
    data: { filename: 'b.csv', format: 'csv', sha256: `sha-${Date.now()}`, sizeBytes: 1, chunks: { create: { seq: 0, content: Buffer.from('x') } }, importedById: outsider.id },
  })
).id;

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const cursor = (c: object) => encodeCursor(c as never);
const queue = (query: Record<string, string>) => async () => fromResponse(await denialsRoute.GET(get(`/api/denials${q(query)}`), params()));
const ref = () => ({ id: mine, version: 0 });
const x12 = (body: string | Uint8Array, filename = 'era.835', headers: Record<string, string> = {}) => async () =>
  fromResponse(await x12Route.POST(post(`/api/imports/835${q({ filename })}`, body, headers), params()));
const csv = (query: Record<string, string>, body: string | Uint8Array = 'Account,Paid\nA1,0\n', headers: Record<string, string> = {}) => async () =>
  fromResponse(await csvRoute.POST(post(`/api/imports/csv${q({ filename: 'x.csv', source: 'Clearinghouse', mapping: '{}', ...query })}`, body, headers), params()));
const preview = (query: Record<string, string>, body: string | Uint8Array = 'Account,Paid\nA1,0\n', headers: Record<string, string> = {}) => async () =>
  fromResponse(await previewRoute.POST(post(`/api/imports/csv/preview${q(query)}`, body, headers), params()));
const action = <I>(fn: (input: I) => Promise<{ ok: boolean; code?: string; message?: string }>, input: unknown) => () => fromResult(fn(input as I));
const guard = (body: string, headers: Record<string, string>) => async () => {
  const res = await refuseBadActionBody(new Request('http://localhost/queue', { method: 'POST', body, headers: { 'next-action': 'a'.repeat(40), ...headers } }));
  return res ? fromResponse(res) : { status: 200, code: 'passed', message: '' };
};
/** An 835 of one $38 denial whose patient's last name is `last`, served on `serviceDate`. */
const era = (last: string, serviceDate = '2026-09-01') => {
  const claim = deniedClaim(unique('PCN'), 'PCC1', 3_800);
  const lines = (claim.lines ?? []).map((line) => ({ ...line, serviceDate }));
  return remit([transaction('BADIN1', [{ ...claim, patient: { last, first: 'JANE', memberId: 'M123' }, lines }])]);
};

type Case = [name: string, who: () => Actor, run: () => Promise<Answer>, expected?: number];

const CASES: Case[] = [
  // The queue API: keyset cursors (dates in them among the cases) and every filter.
  ['cursor with a year-0 timestamp', () => specialist, queue({ sort: 'age', cursor: cursor({ s: 'age', v: '0000-01-01T00:00:00Z', id: SOME_ID }) }), 422],
  ['cursor with a year-0 deadline', () => specialist, queue({ sort: 'deadline', cursor: cursor({ s: 'deadline', v: '0000-01-01', id: SOME_ID }) }), 422],
  ['cursor with deadline 9999-12-31', () => specialist, queue({ sort: 'deadline', cursor: cursor({ s: 'deadline', v: '9999-12-31', id: SOME_ID }) }), 422],
  ['cursor with a timestamp in 1899', () => specialist, queue({ sort: 'age', cursor: cursor({ s: 'age', v: '1899-12-31T23:59:59Z', id: SOME_ID }) }), 422],
  ['cursor with a timestamp in 2200', () => specialist, queue({ sort: 'age', cursor: cursor({ s: 'age', v: '2200-01-01T00:00:00+00:00', id: SOME_ID }) }), 422],
  ['cursor with 30 February', () => specialist, queue({ sort: 'deadline', cursor: cursor({ s: 'deadline', v: '2026-02-30', id: SOME_ID }) }), 422],
  ['cursor that is not base64 JSON', () => specialist, queue({ cursor: '!!not-a-cursor!!' }), 422],
  ['cursor of another sort', () => specialist, queue({ sort: 'amount', cursor: cursor({ s: 'score', v: 1, id: SOME_ID }) }), 422],
  ['cursor with a string score', () => specialist, queue({ cursor: cursor({ s: 'score', v: 'high', id: SOME_ID }) }), 422],
  ['cursor with a bad id', () => specialist, queue({ cursor: cursor({ s: 'score', v: 1, id: `x${NUL}` }) }), 422],
  ['cursor with an amount of 1e400', () => specialist, queue({ sort: 'amount', cursor: cursor({ s: 'amount', v: '1e400', id: SOME_ID }) }), 422],
  ['cursor over 512 characters', () => specialist, queue({ cursor: 'a'.repeat(513) }), 422],
  ['payer filter not a uuid', () => specialist, queue({ payer: 'aetna' }), 422],
  ['payer filter of 51 ids', () => specialist, queue({ payer: Array.from({ length: 51 }, () => SOME_ID).join(',') }), 422],
  ['unknown category', () => specialist, queue({ category: 'fraud' }), 422],
  ['unknown status', () => specialist, queue({ status: 'lost' }), 422],
  ['CARC with a NUL', () => specialist, queue({ carc: `5${NUL}` }), 422],
  ['RARC too long', () => specialist, queue({ rarc: 'MA1300' }), 422],
  ['negative minimum', () => specialist, queue({ min: '-5' }), 422],
  ['minimum of $10,000,000,000,000', () => specialist, queue({ min: '10,000,000,000,000' }), 422],
  ['maximum as an exponent', () => specialist, queue({ max: '1e9' }), 422],
  ['minimum above maximum', () => specialist, queue({ min: '500', max: '100' }), 422],
  ['unknown deadline window', () => specialist, queue({ due: 'tomorrow' }), 422],
  ['owner not an id', () => specialist, queue({ owner: 'someone' }), 422],
  ['escalated not a boolean', () => specialist, queue({ escalated: 'yes' }), 422],
  ['page size of 1000', () => specialist, queue({ limit: '1000' }), 422],
  ['page size not a number', () => specialist, queue({ limit: 'all' }), 422],
  ['search with a NUL', () => specialist, queue({ q: `ABC1${NUL}` }), 422],
  ['search over 60 characters', () => specialist, queue({ q: 'A'.repeat(61) }), 422],
  ['search with a LIKE wildcard', () => specialist, queue({ q: 'SMI%' }), 422],
  ['search with no word of three characters', () => specialist, queue({ q: 'ab c' }), 422],
  ['unknown view', () => specialist, queue({ view: 'everything' }), 422],
  ['sort by an unlisted column', () => specialist, queue({ sort: 'patientName' }), 422],
  ['every team without the scope', () => specialist, queue({ view: 'all' }), 403],

  // One denial.
  ['denial id not a uuid', () => specialist, async () => fromResponse(await denialRoute.GET(get('/api/denials/x'), params({ id: 'x' }))), 422],
  ['denial id with a NUL', () => specialist, async () => fromResponse(await denialRoute.GET(get('/api/denials/x'), params({ id: `${SOME_ID}${NUL}` }))), 422],
  ['unknown denial', () => specialist, async () => fromResponse(await denialRoute.GET(get(`/api/denials/${SOME_ID}`), params({ id: SOME_ID }))), 404],
  ['another team’s denial', () => specialist, async () => fromResponse(await denialRoute.GET(get(`/api/denials/${theirs}`), params({ id: theirs }))), 404],

  // 835 uploads: names, sizes and content.
  ['835 without a file name', () => specialist, async () => fromResponse(await x12Route.POST(post('/api/imports/835', 'ISA'), params())), 422],
  ['835 file name with a NUL', () => specialist, x12(era('DOE'), `era${NUL}.835`), 422],
  ['835 file name with a line break', () => specialist, x12(era('DOE'), 'era\n.835'), 422],
  ['835 file name with an escape', () => specialist, x12(era('DOE'), 'era\u001b[31m.835'), 422],
  ['835 file name of 256 characters', () => specialist, x12(era('DOE'), `${'a'.repeat(252)}.835`), 422],
  ['empty 835', () => specialist, x12('', 'era.835', { 'content-length': '0' }), 422],
  ['835 over the upload limit', () => specialist, x12('ISA', 'era.835', { 'content-length': String(2 * 1024 ** 3 + 1) }), 413],
  ['835 body longer than its Content-Length', () => specialist, x12('ISA*00*', 'era.835', { 'content-length': '3' }), 422],
  ['835 that is not X12', () => specialist, x12('hello, world'), 422],
  ['835 with a NUL in a patient name', () => specialist, x12(era(`DO${NUL}E`)), 422],
  ['835 with a bell in a patient name', () => specialist, x12(era('DO\u0007E')), 422],
  ['835 with a C1 control in a patient name', () => specialist, x12(era('DO\u0085E')), 422],

  // CSV uploads and previews.
  ['CSV without a source', () => specialist, csv({ source: '' }), 422],
  ['CSV source with a NUL', () => specialist, csv({ source: `Clearing${NUL}house` }), 422],
  ['CSV source over 100 characters', () => specialist, csv({ source: 'a'.repeat(101) }), 422],
  ['CSV mapping that is not JSON', () => specialist, csv({ mapping: '{oops' }), 422],
  ['CSV mapping of an unknown field', () => specialist, csv({ mapping: JSON.stringify({ ssn: 'SSN' }) }), 422],
  ['CSV mapping header with a NUL', () => specialist, csv({ mapping: JSON.stringify({ paid: `Pa${NUL}id` }) }), 422],
  ['CSV file name with a NUL', () => specialist, csv({ filename: `x${NUL}.csv` }), 422],
  ['CSV saveMapping not a boolean', () => specialist, csv({ saveMapping: 'maybe' }), 422],
  ['CSV over the upload limit', () => specialist, csv({}, 'a', { 'content-length': String(200 * 1024 * 1024 + 1) }), 413],
  ['CSV preview source with a NUL', () => specialist, preview({ source: `s${NUL}` }), 422],
  ['CSV preview over its limit', () => specialist, preview({}, 'a', { 'content-length': String(2 * 1024 * 1024 + 1) }), 413],
  ['empty CSV preview', () => specialist, preview({}, '', { 'content-length': '0' }), 422],

  // Import downloads.
  ['raw file id not a uuid', () => manager, async () => fromResponse(await rawRoute.GET(get('/api/imports/x/raw'), params({ id: 'x' }))), 422],
  ['unknown raw file', () => manager, async () => fromResponse(await rawRoute.GET(get(`/api/imports/${SOME_ID}/raw`), params({ id: SOME_ID }))), 404],
  ['another team’s raw file', () => manager, async () => fromResponse(await rawRoute.GET(get(`/api/imports/${otherTeamFile}/raw`), params({ id: otherTeamFile }))), 404],
  ['rejected rows id not a uuid', () => specialist, async () => fromResponse(await rejectedRoute.GET(get('/api/imports/x/rejected.csv'), params({ id: 'x' }))), 422],
  ['another team’s rejected rows', () => specialist, async () => fromResponse(await rejectedRoute.GET(get(`/api/imports/${otherTeamFile}/rejected.csv`), params({ id: otherTeamFile }))), 404],

  // Notes.
  ['note with a NUL', () => specialist, action(denialActions.addNoteAction, { ...ref(), note: `Called payer${NUL}` }), 422],
  ['note with a bell', () => specialist, action(denialActions.addNoteAction, { ...ref(), note: 'Called \u0007 payer' }), 422],
  ['note with a C1 control', () => specialist, action(denialActions.addNoteAction, { ...ref(), note: 'Called \u009b payer' }), 422],
  ['empty note', () => specialist, action(denialActions.addNoteAction, { ...ref(), note: '' }), 422],
  ['note of spaces', () => specialist, action(denialActions.addNoteAction, { ...ref(), note: ' \n\t ' }), 422],
  ['note of 4,001 characters', () => specialist, action(denialActions.addNoteAction, { ...ref(), note: 'a'.repeat(4001) }), 422],
  ['note with a bad denial id', () => specialist, action(denialActions.addNoteAction, { id: 'x', version: 0, note: 'hi' }), 422],
  ['note with a negative version', () => specialist, action(denialActions.addNoteAction, { id: mine, version: -1, note: 'hi' }), 422],
  ['note with a fractional version', () => specialist, action(denialActions.addNoteAction, { id: mine, version: 1.5, note: 'hi' }), 422],
  ['note on an unknown denial', () => specialist, action(denialActions.addNoteAction, { id: SOME_ID, version: 0, note: 'hi' }), 404],
  ['note on another team’s denial', () => specialist, action(denialActions.addNoteAction, { id: theirs, version: 0, note: 'hi' }), 404],
  ['note on a stale version', () => specialist, action(denialActions.addNoteAction, { id: mine, version: 9, note: 'hi' }), 409],
  ['action input a string', () => specialist, action(denialActions.addNoteAction, 'hello'), 422],
  ['action input null', () => specialist, action(denialActions.addNoteAction, null), 422],
  ['action input an array', () => specialist, action(denialActions.addNoteAction, [mine, 0, 'hi']), 422],

  // Follow-up dates.
  ['follow-up in year 0', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: '0000-01-01' }), 422],
  ['follow-up 9999-12-31', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: '9999-12-31' }), 422],
  ['follow-up 30 February', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: '2027-02-30' }), 422],
  ['follow-up in 1899', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: '1899-12-31' }), 422],
  ['follow-up yesterday', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: addDays(today, -1) }), 422],
  ['follow-up three years ahead', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: addMonths(today, 36) }), 422],
  ['follow-up a day past two years', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: addDays(addMonths(today, 24), 1) }), 422],
  ['follow-up as MM/DD/YYYY', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: '12/31/2026' }), 422],
  ['follow-up as a number', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: 20261231 }), 422],
  ['follow-up with a NUL', () => specialist, action(denialActions.setFollowUpAction, { ...ref(), date: `2026-12-31${NUL}` }), 422],

  // Status changes and recovered amounts ($38 denial).
  ['recovered $10,000,000,000,000 on a $38 denial', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_paid', recovered: '10,000,000,000,000' }), 422],
  ['recovered 10000000000000 on a $38 denial', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_paid', recovered: '10000000000000' }), 422],
  ['recovered $1,000 on a $38 denial', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: '1,000' }), 422],
  ['recovered $38.01 on a $38 denial, paid', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_paid', recovered: '38.01' }), 422],
  ['recovered $0 as a partial payment', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: '0' }), 422],
  ['recovered the whole amount as partial', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: '38' }), 422],
  ['recovered a negative amount', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: '-5' }), 422],
  ['recovered as an exponent', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: '1e1' }), 422],
  ['recovered with tenths of a cent', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: '10.001' }), 422],
  ['recovered as a float', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial', recovered: 10.5 }), 422],
  ['partial payment without an amount', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'resolved_partial' }), 422],
  ['unknown status', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'vanished' }), 422],
  ['write-off through a status change', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'written_off' }), 422],
  ['status note with a NUL', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'pending_info', note: `x${NUL}` }), 422],
  ['unknown appeal level', () => specialist, action(denialActions.changeStatusAction, { ...ref(), to: 'appealed', appealLevel: '9' }), 422],

  // Escalation, resubmission, write-offs.
  ['escalation reason with a NUL', () => specialist, action(denialActions.escalateDenialAction, { ...ref(), reason: `Payer stuck${NUL}` }), 422],
  ['escalation without a reason', () => specialist, action(denialActions.escalateDenialAction, { ...ref(), reason: '  ' }), 422],
  ['escalation handled with an unknown outcome', () => manager, action(escalationActions.handleEscalationAction, { escalationId: crypto.randomUUID(), outcome: 'closed', note: 'Done' }), 422],
  ['escalation withdrawn with a NUL in the note', () => specialist, action(escalationActions.withdrawEscalationAction, { escalationId: crypto.randomUUID(), note: `Payer called${NUL}` }), 422],
  ['escalation handled with a note of 2,001 characters', () => manager, action(escalationActions.handleEscalationAction, { escalationId: crypto.randomUUID(), outcome: 'resolved', note: 'a'.repeat(2001) }), 422],
  ['escalation reassigned to nobody', () => manager, action(escalationActions.handleEscalationAction, { escalationId: crypto.randomUUID(), outcome: 'reassigned', note: 'Take it' }), 422],
  ['resubmission note with a NUL', () => specialist, action(denialActions.markResubmittedAction, { ...ref(), note: `x${NUL}` }), 422],
  ['write-off reason with a NUL', () => specialist, action(denialActions.requestWriteOffAction, { ...ref(), reasonCode: 'other', reason: `Too small${NUL}` }), 422],
  ['write-off reason of two characters', () => specialist, action(denialActions.requestWriteOffAction, { ...ref(), reasonCode: 'other', reason: 'no' }), 422],
  ['write-off reason of 2,001 characters', () => specialist, action(denialActions.requestWriteOffAction, { ...ref(), reasonCode: 'other', reason: 'a'.repeat(2001) }), 422],
  ['write-off decision note with a NUL', () => manager, action(denialActions.decideWriteOffAction, { ...ref(), approve: true, note: `x${NUL}` }), 422],
  ['write-off decision as text', () => manager, action(denialActions.decideWriteOffAction, { ...ref(), approve: 'yes' }), 422],
  ['write-off decision with nothing pending', () => manager, action(denialActions.decideWriteOffAction, { ...ref(), approve: true }), 422],

  // Reopening and undo.
  ['reopen without a reason', () => manager, action(denialActions.reopenDenialAction, { ...ref() }), 422],
  ['reopen with a blank reason', () => manager, action(denialActions.reopenDenialAction, { ...ref(), reason: '   ' }), 422],
  ['reopen reason with a NUL', () => manager, action(denialActions.reopenDenialAction, { ...ref(), reason: `Reversed${NUL}` }), 422],
  ['reopen an open denial', () => manager, action(denialActions.reopenDenialAction, { ...ref(), reason: 'Reversed' }), 422],
  ['undo of an event id that is not a uuid', () => specialist, action(denialActions.undoDenialChangeAction, { ...ref(), eventId: 'last' }), 422],
  ['undo of an unknown event', () => specialist, action(denialActions.undoDenialChangeAction, { ...ref(), eventId: SOME_ID }), 404],

  // Assignment and bulk edits.
  ['assign to an unknown user', () => manager, action(denialActions.assignDenialAction, { ...ref(), assignee: SOME_ID }), 422],
  ['assign to another team’s specialist', () => manager, action(denialActions.assignDenialAction, { ...ref(), assignee: outsider.id }), 422],
  ['assign to an administrator', () => manager, action(denialActions.assignDenialAction, { ...ref(), assignee: admin.id }), 422],
  ['assign to “everyone”', () => manager, action(denialActions.assignDenialAction, { ...ref(), assignee: 'everyone' }), 422],
  ['bulk edit of nothing', () => specialist, action(denialActions.bulkUpdateDenialsAction, { items: [], change: { kind: 'follow_up', date: null } }), 422],
  ['bulk edit of 201 denials', () => specialist, action(denialActions.bulkUpdateDenialsAction, { items: Array.from({ length: 201 }, ref), change: { kind: 'follow_up', date: null } }), 422],
  ['bulk follow-up in year 0', () => specialist, action(denialActions.bulkUpdateDenialsAction, { items: [ref()], change: { kind: 'follow_up', date: '0000-01-01' } }), 422],
  ['bulk follow-up 9999-12-31', () => specialist, action(denialActions.bulkUpdateDenialsAction, { items: [ref()], change: { kind: 'follow_up', date: '9999-12-31' } }), 422],
  ['bulk edit of an unknown kind', () => specialist, action(denialActions.bulkUpdateDenialsAction, { items: [ref()], change: { kind: 'delete' } }), 422],

  // Saved views.
  ['view name with a NUL', () => specialist, action(queueActions.saveViewAction, { name: `Mine${NUL}`, query: 'view=mine' }), 422],
  ['view name with a tab', () => specialist, action(queueActions.saveViewAction, { name: 'My\tview', query: 'view=mine' }), 422],
  ['view name with DEL', () => specialist, action(queueActions.saveViewAction, { name: 'My\u007fview', query: 'view=mine' }), 422],
  ['empty view name', () => specialist, action(queueActions.saveViewAction, { name: '  ', query: 'view=mine' }), 422],
  ['view name of 61 characters', () => specialist, action(queueActions.saveViewAction, { name: 'a'.repeat(61), query: 'view=mine' }), 422],
  ['view with an unlisted sort', () => specialist, action(queueActions.saveViewAction, { name: 'Sorted', query: 'sort=patientName' }), 422],
  ['view query with a NUL', () => specialist, action(queueActions.saveViewAction, { name: 'Nul', query: `view=mine${NUL}` }), 422],
  ['view query of 2,001 characters', () => specialist, action(queueActions.saveViewAction, { name: 'Long', query: `q=${'a'.repeat(1999)}` }), 422],
  ['delete a view by a bad id', () => specialist, action(queueActions.deleteViewAction, { id: 'x' }), 422],
  ['delete an unknown view', () => specialist, action(queueActions.deleteViewAction, { id: SOME_ID }), 404],
  ['delete someone else’s view', () => specialist, action(queueActions.deleteViewAction, { id: othersView }), 404],

  // Users.
  ['user name with a NUL', () => admin, action(userActions.createUserAction, { email: 'nul@overturn.test', name: `Jo${NUL}`, role: 'specialist', password: 'a-long-password-1' }), 422],
  ['user name with a C1 line break', () => admin, action(userActions.createUserAction, { email: 'nel@overturn.test', name: 'Jo\u0085', role: 'specialist', password: 'a-long-password-1' }), 422],
  ['user email with a NUL', () => admin, action(userActions.createUserAction, { email: `nul${NUL}@overturn.test`, name: 'Jo', role: 'specialist', password: 'a-long-password-1' }), 422],
  ['user of an unknown team', () => admin, action(userActions.createUserAction, { email: 'team@overturn.test', name: 'Jo', role: 'specialist', teamId: SOME_ID, password: 'a-long-password-1' }), 422],
  ['user team not a uuid', () => admin, action(userActions.createUserAction, { email: 'team2@overturn.test', name: 'Jo', role: 'specialist', teamId: 'ops', password: 'a-long-password-1' }), 422],
  ['user of an unknown role', () => admin, action(userActions.createUserAction, { email: 'root@overturn.test', name: 'Jo', role: 'root', password: 'a-long-password-1' }), 422],
  ['user email not an email', () => admin, action(userActions.createUserAction, { email: 'jo', name: 'Jo', role: 'specialist', password: 'a-long-password-1' }), 422],
  ['user password too short', () => admin, action(userActions.createUserAction, { email: 'short@overturn.test', name: 'Jo', role: 'specialist', password: 'short' }), 422],
  ['move a user to an unknown team', () => admin, action(userActions.updateUserAction, { userId: specialist.id, teamId: SOME_ID }), 422],
  ['update an unknown user', () => admin, action(userActions.updateUserAction, { userId: SOME_ID, role: 'manager' }), 404],
  ['update a user by a bad id', () => admin, action(userActions.updateUserAction, { userId: 'x', role: 'manager' }), 422],
  ['an administrator disabling themselves', () => admin, action(userActions.updateUserAction, { userId: admin.id, disabled: true }), 422],

  // Payer rules and the write-off threshold.
  ['rules of an unknown payer', () => manager, action(payerActions.updatePayerRulesAction, { payerId: SOME_ID, version: 0, levels: [{ level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 5 }], timelyFiling: { value: 90, unit: 'days' }, warningWindowDays: 14, rollWeekendDeadlines: false }), 404],
  ['an appeal level of 0 days', () => manager, action(payerActions.updatePayerRulesAction, { payerId, version: payerVersion, levels: [{ level: '1', days: 0, trigger: 'notice', receiptPresumptionDays: 5 }], timelyFiling: { value: 90, unit: 'days' }, warningWindowDays: 14, rollWeekendDeadlines: false }), 422],
  ['the same appeal level twice', () => manager, action(payerActions.updatePayerRulesAction, { payerId, version: payerVersion, levels: [{ level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 5 }, { level: '1', days: 60, trigger: 'notice', receiptPresumptionDays: 5 }], timelyFiling: { value: 90, unit: 'days' }, warningWindowDays: 14, rollWeekendDeadlines: false }), 422],
  ['timely filing in weeks', () => manager, action(payerActions.updatePayerRulesAction, { payerId, version: payerVersion, levels: [{ level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 5 }], timelyFiling: { value: 9, unit: 'weeks' }, warningWindowDays: 14, rollWeekendDeadlines: false }), 422],
  ['payer rules of a stale version', () => manager, action(payerActions.updatePayerRulesAction, { payerId, version: payerVersion + 5, levels: [{ level: '1', days: 90, trigger: 'notice', receiptPresumptionDays: 5 }], timelyFiling: { value: 90, unit: 'days' }, warningWindowDays: 14, rollWeekendDeadlines: false }), 409],
  ['threshold above $1,000,000', () => manager, action(payerActions.setWriteOffThresholdAction, { threshold: '10,000,000' }), 422],
  ['negative threshold', () => manager, action(payerActions.setWriteOffThresholdAction, { threshold: '-1' }), 422],
  ['threshold as words', () => manager, action(payerActions.setWriteOffThresholdAction, { threshold: 'five hundred' }), 422],
  ['threshold as a float', () => manager, action(payerActions.setWriteOffThresholdAction, { threshold: 500.5 }), 422],

  // Assignment rules.
  ['rule amount range backwards', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: teamA, strategy: 'team_only', amountRange: '5,000-500' }), 422],
  ['rule amount range as words', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: teamA, strategy: 'team_only', amountRange: 'lots' }), 422],
  ['rule amount with three decimals', () => manager, action(ruleActions.previewRuleAction, { name: 'R', teamId: teamA, strategy: 'team_only', amountRange: 'over 1.005' }), 422],
  ['rule CARC of the wrong shape', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: teamA, strategy: 'team_only', carcCodes: 'DROP TABLE' }), 422],
  ['rule NPI with a bad check digit', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: teamA, strategy: 'team_only', providerNpis: '1234567890' }), 422],
  ['rule of an unknown team', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: SOME_ID, strategy: 'team_only' }), 422],
  ['rule of an unknown strategy', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: teamA, strategy: 'lottery' }), 422],
  ['rule naming nobody', () => manager, action(ruleActions.saveRuleAction, { name: 'R', teamId: teamA, strategy: 'named_person' }), 422],
  ['rule name with a NUL', () => manager, action(ruleActions.saveRuleAction, { name: `R${NUL}`, teamId: teamA, strategy: 'team_only' }), 422],
  ['edit of an unknown rule', () => manager, action(ruleActions.saveRuleAction, { id: SOME_ID, version: 0, name: 'R', teamId: teamA, strategy: 'team_only' }), 404],
  ['move an unknown rule', () => manager, action(ruleActions.moveRuleAction, { id: SOME_ID, version: 0, direction: 'up' }), 404],
  ['move a rule sideways', () => manager, action(ruleActions.moveRuleAction, { id: SOME_ID, version: 0, direction: 'left' }), 422],
  ['re-run with a negative count', () => manager, action(ruleActions.rerunUnassignedAction, { scope: 'no_team', expectedCount: -1 }), 422],
  ['re-run of an unknown scope', () => manager, action(ruleActions.previewRerunAction, { scope: 'everyone' }), 422],

  // Server-action bodies, as the proxy sees them before Next decodes them.
  ['action body over 256 KB', () => specialist, guard('[]', { 'content-length': String(256 * 1024 + 1) }), 413],
  ['action body of 10 MB', () => specialist, guard('[]', { 'content-length': String(10 * 1024 * 1024) }), 413],
  ['action body without a Content-Length', () => specialist, guard('[]', {}), 411],
  ['action Content-Length not a number', () => specialist, guard('[]', { 'content-length': 'lots' }), 400],
  ['malformed action body', () => specialist, guard('{"id":', { 'content-length': '6', 'content-type': 'text/plain;charset=UTF-8' }), 400],
  ['action body of binary noise', () => specialist, guard('\u0000\u0001\u0002', { 'content-length': '3' }), 400],
  [
    'multipart action body with a malformed row',
    () => specialist,
    guard('--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"id":\r\n--b--\r\n', { 'content-type': 'multipart/form-data; boundary=b', 'content-length': '66' }),
    400,
  ],
];

describe('bad input', () => {
  it(`has at least 100 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(CASES)('%s: a clear 4xx, nothing written', async (_name, who, run, expected) => {
    current.actor = who();
    const before = await fingerprint();
    const answer = await run();
    expect(answer.status, answer.message).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.message).toBeLessThan(500);
    if (expected) expect(answer.status, `${answer.code}: ${answer.message}`).toBe(expected);
    expect(ERROR_CODES as readonly string[]).toContain(answer.code === 'parse_error' ? 'invalid_input' : answer.code);
    expect(answer.message.length).toBeGreaterThan(5);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('the messages say what to fix', () => {
  it('names the denied amount when more is recorded as recovered', async () => {
    current.actor = specialist;
    expect(await denialActions.changeStatusAction({ ...ref(), to: 'resolved_partial', recovered: '1,000' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: 'The payer cannot have paid more than the denied amount ($38).',
      fieldErrors: { recovered: ['The payer cannot have paid more than the denied amount ($38).'] },
    });
  });

  it('names the field and the character for control characters, and the team for an unknown team', async () => {
    current.actor = specialist;
    expect(await queueActions.saveViewAction({ name: `Mine${NUL}`, query: 'view=mine' })).toMatchObject({
      fieldErrors: { name: ['Remove the control character (U+0000): use one line of plain text'] },
    });
    current.actor = admin;
    expect(await userActions.updateUserAction({ userId: specialist.id, teamId: SOME_ID })).toMatchObject({
      code: 'invalid_input',
      fieldErrors: { teamId: ['Choose an existing team'] },
    });
  });

  it('answers an unknown and an out-of-scope denial with the same 404 and message', async () => {
    current.actor = specialist;
    const unknown = await denialRoute.GET(get(`/api/denials/${SOME_ID}`), params({ id: SOME_ID }));
    const other = await denialRoute.GET(get(`/api/denials/${theirs}`), params({ id: theirs }));
    expect(other.status).toBe(unknown.status);
    expect(await other.json()).toEqual(await unknown.json());
  });

  it('positions an 835 control character by segment and element', async () => {
    current.actor = specialist;
    const answer = await x12(era(`DO${NUL}E`))();
    expect(answer.message).toMatch(/segment \d+ \(NM1\), element 03: expected text without control characters, found "DO\\u0000E"$/);
  });

  it('passes a well-formed action body on to Next', async () => {
    expect(await guard('[{"id":"x"}]', { 'content-length': '12', 'content-type': 'text/plain;charset=UTF-8' })()).toMatchObject({ status: 200 });
    expect(await refuseBadActionBody(new Request('http://localhost/queue', { method: 'POST', body: 'not an action' }))).toBeNull();
  });
});

describe('an 835 date outside 1900–2199', () => {
  it('is left empty with a warning naming its segment and element, never stored (the reader’s rule for unusable dates)', async () => {
    current.actor = specialist;
    const answer = await x12Route.POST(post(`/api/imports/835${q({ filename: 'year0.835' })}`, era('DOE', '0000-01-01')), params());
    const lines = (await answer.text()).trim().split('\n');
    const result = (JSON.parse(lines.at(-1)!) as { result: { ok: boolean; fileId: string; warnings: { message: string; segmentId: string; element: number }[] } }).result;
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ segmentId: 'DTM', element: 2, message: expect.stringMatching(/^segment \d+ \(DTM\), element 02: expected a date CCYYMMDD in 1900–2199, found "00000101": left empty$/) }),
    );
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM service_line l JOIN claim c ON c.id = l."claimId" JOIN remittance r ON r.id = c."remittanceId" WHERE r."fileId" = $1 AND l."serviceDate" IS NOT NULL`,
      [result.fileId],
    );
    expect(rows[0].n).toBe(0);
  });
});
