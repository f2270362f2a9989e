import { describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { ingestCsv } from '@/lib/server/remits/ingest-csv';
import { createPerson, createTeam } from '../../support/denial-factory';
import { actor, deniedClaim, fixtureBytes, remit, transaction, unique, withIngestDatabase } from '../ingest/helpers';
import { withoutOtherRules, createRule, spread } from './helpers';

withIngestDatabase();
withoutOtherRules();

/** A real sample with its payer renamed (TRN03), so this run's import makes new denials whoever ran the file before. */
function renamed(name: string, payerIdentifier: string): Uint8Array {
  const text = new TextDecoder().decode(fixtureBytes(name));
  return new TextEncoder().encode(text.replace(/(TRN\*1\*[^*~]*\*)[^*~\r\n]+/g, `$1${payerIdentifier}`));
}

async function denialsOfFile(fileId: string) {
  const { rows } = await pool.query<{ id: string; teamId: string | null; ownerId: string | null; status: string; carcCodes: string[]; category: string; deniedCents: string }>(
    `SELECT d.id, d."teamId", d."ownerId", d.status::text AS status, d."carcCodes", d.category, d."deniedCents"::text AS "deniedCents"
       FROM denial d JOIN claim c ON c.id = d."claimId" JOIN remittance r ON r.id = c."remittanceId"
      WHERE r."fileId" = $1 ORDER BY d."payerClaimNumber"`,
    [fileId],
  );
  return rows;
}

describe('assignment rules inside the ingest', () => {
  it('routes the denials of a real 835 by the first matching rule, with the timeline, cursor and one notification per owner', async () => {
    const identifier = unique('EMEDNY');
    const payer = await db.payer.create({ data: { identifier, name: 'NYSDOH (renamed)', payerType: 'medicaid' } });
    const team = await createTeam();
    const other = await createTeam();
    const [ann, bob] = [await createPerson('specialist', team.id), await createPerson('specialist', team.id)];
    const timely = await createRule({ name: 'Timely filing to Ann', teamId: team.id, strategy: 'named_person', userId: ann.id, payerIds: [payer.id], carcCodes: ['29'] });
    const turns = await createRule({ name: 'NYSDOH in turn', teamId: team.id, strategy: 'round_robin', payerIds: [payer.id] });
    await createRule({ name: 'Default', teamId: other.id, isDefault: true });

    const result = await ingest835(actor, { filename: 'emedny.835', bytes: renamed('edi835parser-emedny_sample.835', identifier) });
    if (!result.ok) throw new Error(result.message);
    expect(result.denialsCreated).toBe(2);
    const [first, second] = await denialsOfFile(result.fileId);
    // CARC 29 matches both rules: the first one wins.
    expect(first).toMatchObject({ carcCodes: ['29'], teamId: team.id, ownerId: ann.id, status: 'assigned' });
    const firstInTurn = [ann.id, bob.id].sort()[0];
    expect(second).toMatchObject({ teamId: team.id, ownerId: firstInTurn, status: 'assigned' });

    const events = await db.denialEvent.findMany({ where: { denialId: { in: [first!.id, second!.id] }, type: 'assigned' }, orderBy: { createdAt: 'asc' } });
    expect(events).toHaveLength(2);
    const byDenial = new Map(events.map((e) => [e.denialId, e]));
    expect(byDenial.get(first!.id)).toMatchObject({ actorId: null, data: { rule: { id: timely.id, name: 'Timely filing to Ann' }, team: { id: team.id }, to: { id: ann.id }, fileId: result.fileId } });
    expect(byDenial.get(second!.id)).toMatchObject({ data: { rule: { id: turns.id }, status: { from: 'new', to: 'assigned' } } });
    // After the 'ingested' event, so the timeline reads in order.
    const ingested = await db.denialEvent.findFirstOrThrow({ where: { denialId: first!.id, type: 'ingested' } });
    expect(byDenial.get(first!.id)!.createdAt.getTime()).toBeGreaterThan(ingested.createdAt.getTime());

    expect((await db.assignmentRule.findUniqueOrThrow({ where: { id: turns.id } })).cursorUserId).toBe(firstInTurn);
    const notes = await db.notification.findMany({ where: { userId: { in: [ann.id, bob.id] } } });
    const expected = firstInTurn === ann.id ? [[ann.id, '2 new denials assigned to you ($56.75)']] : [[ann.id, '1 new denial assigned to you ($34)'], [bob.id, '1 new denial assigned to you ($22.75)']];
    expect(notes.map((n) => [n.userId, n.title]).sort()).toEqual(expected.sort());
    expect(notes.every((n) => n.kind === 'assignment' && n.actorId === null)).toBe(true);
  });

  it('spreads a large file evenly by open count, and writes one notification per owner for the whole import', async () => {
    const identifier = unique('SPREAD');
    const payer = await db.payer.create({ data: { identifier, name: 'Spread payer', payerType: 'commercial' } });
    const team = await createTeam();
    const people = [await createPerson('specialist', team.id), await createPerson('specialist', team.id), await createPerson('specialist', team.id)];
    await createPerson('manager', team.id); // managers are not in the rotation
    await createRule({ teamId: team.id, strategy: 'least_open_count', payerIds: [payer.id] });

    // Past one batch (2,500 claims), so the routing carries its counts from batch to batch.
    const claims = Array.from({ length: 3001 }, (_, i) => deniedClaim(`${identifier}-${i}`, `${identifier}C${i}`, 1000 + i));
    const result = await ingest835(actor, { filename: 'spread.835', bytes: remit([transaction(identifier, claims)]) });
    if (!result.ok) throw new Error(result.message);
    const rows = await denialsOfFile(result.fileId);
    const open = rows.filter((r) => r.status !== 'resolved_paid' && r.status !== 'resolved_partial');
    expect(open).toHaveLength(3001);
    expect(open.every((r) => r.teamId === team.id && r.ownerId !== null && r.status === 'assigned')).toBe(true);
    const perPerson = people.map((p) => open.filter((r) => r.ownerId === p.id).length);
    expect(spread(perPerson)).toBeLessThanOrEqual(1);
    const notes = await db.notification.findMany({ where: { userId: { in: people.map((p) => p.id) } } });
    expect(notes).toHaveLength(3);
    for (const p of people) expect(notes.find((n) => n.userId === p.id)?.title).toMatch(new RegExp(`^${perPerson[people.indexOf(p)]!.toLocaleString('en-US')} new denials? assigned to you`));
  });

  it('gives a denial no rule matches to the default rule’s team, without an owner, and routes nothing when every rule is off', async () => {
    const payer = unique('DEFAULT');
    const team = await createTeam();
    await createRule({ teamId: team.id, strategy: 'team_only', isDefault: true });
    const bytes = remit([transaction(payer, [deniedClaim(`${payer}-1`, `${payer}C1`, 5000)])]);
    const result = await ingest835(actor, { filename: 'default.835', bytes });
    if (!result.ok) throw new Error(result.message);
    expect(await denialsOfFile(result.fileId)).toEqual([expect.objectContaining({ teamId: team.id, ownerId: null, status: 'new' })]);

    await db.assignmentRule.updateMany({ data: { enabled: false } });
    const off = unique('OFF');
    const again = await ingest835(actor, { filename: 'off.835', bytes: remit([transaction(off, [deniedClaim(`${off}-1`, `${off}C1`, 5000)])]) });
    if (!again.ok) throw new Error(again.message);
    expect(await denialsOfFile(again.fileId)).toEqual([expect.objectContaining({ teamId: null, ownerId: null, status: 'new' })]);
  });

  it('routes by rendering provider and amount on generated claims', async () => {
    const payer = unique('NPI');
    const team = await createTeam();
    const sam = await createPerson('specialist', team.id);
    await createRule({ teamId: team.id, strategy: 'named_person', userId: sam.id, providerNpis: ['1245319599'], minCents: 10_000 });
    const claim = (i: number, cents: number, npi: string) => ({ ...deniedClaim(`${payer}-${i}`, `${payer}C${i}`, cents), renderingProvider: { name: 'DR WHO', npi } });
    const bytes = remit([transaction(payer, [claim(1, 20_000, '1245319599'), claim(2, 5_000, '1245319599'), claim(3, 20_000, '1234567893')])]);
    const result = await ingest835(actor, { filename: 'npi.835', bytes });
    if (!result.ok) throw new Error(result.message);
    expect((await denialsOfFile(result.fileId)).map((r) => r.ownerId)).toEqual([sam.id, null, null]);
  });

  it('routes CSV imports too', async () => {
    const team = await createTeam();
    await createRule({ teamId: team.id, isDefault: true });
    const source = unique('CSV');
    const csv = `Account #,ICN,Payer,Payer ID,Check Date,Charges,Paid,Reason\r\n${source}-1,${source}-1,Test Health,${source},2026-10-01,100.00,0,CO-50\r\n`;
    const mapping = { patientControlNumber: 'Account #', payerClaimNumber: 'ICN', payerName: 'Payer', payerId: 'Payer ID', remitDate: 'Check Date', billed: 'Charges', paid: 'Paid', carc: 'Reason' };
    const result = await ingestCsv(actor, { filename: 'r.csv', bytes: new TextEncoder().encode(csv), source, mapping, saveMapping: false });
    if (!result.ok) throw new Error(result.message);
    expect(result.denialsCreated).toBe(1);
    const rows = await pool.query(`SELECT d."teamId" FROM denial d WHERE d."payerClaimNumber" = $1`, [`${source}-1`]);
    expect(rows.rows).toEqual([{ teamId: team.id }]);
  });
});

describe('a rolled-back import', () => {
  it('assigns, moves and notifies nothing: a dry run and a file cut off after thousands of claims', async () => {
    const payerId = unique('ROLLBACK');
    const team = await createTeam();
    const people = [await createPerson('specialist', team.id), await createPerson('specialist', team.id)];
    const rule = await createRule({ teamId: team.id, strategy: 'round_robin' });

    const claims = Array.from({ length: 3000 }, (_, i) => deniedClaim(`${payerId}-${i}`, `${payerId}C${i}`, 1000));
    const whole = remit([transaction(payerId, claims)]);
    const dry = await ingest835(actor, { filename: 'dry.835', bytes: whole }, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, denialsCreated: 3000 });
    const cut = await ingest835(actor, { filename: 'cut.835', bytes: whole.subarray(0, whole.byteLength - 40) });
    expect(cut).toMatchObject({ ok: false, code: 'parse_error' });

    expect(await db.denial.count({ where: { patientControlNumber: { startsWith: payerId } } })).toBe(0);
    expect(await db.denialEvent.count({ where: { type: 'assigned', data: { path: ['rule', 'id'], equals: rule.id } } })).toBe(0);
    expect(await db.notification.count({ where: { userId: { in: people.map((p) => p.id) } } })).toBe(0);
    expect((await db.assignmentRule.findUniqueOrThrow({ where: { id: rule.id } })).cursorUserId).toBeNull();
  });
});
