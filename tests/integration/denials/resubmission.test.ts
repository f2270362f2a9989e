import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { getDenial } from '@/lib/server/denials/get-denial';
import { markResubmitted, markResubmittedInput } from '@/lib/server/denials/mark-resubmitted';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const today = todayIso();
const notice = addDays(today, -20);
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
let team: string;
let sam: Actor;
let jordan: Actor; // another team
let payer: string;

const working = (extra: { payerId?: string; category?: string; carcCodes?: string[]; rarcCodes?: string[] } = {}) =>
  createDenial({ payerId: payer, teamId: team, ownerId: sam.id, status: 'in_progress', noticeDate: notice, category: 'units_days', carcCodes: ['16'], rarcCodes: ['M53'], ...extra });

const replacement = (id: string, over: Record<string, unknown> = {}) =>
  markResubmittedInput.parse({ id, version: 0, frequencyCode: '7', sentOn: addDays(today, -2), payerClaimNumber: 'ICN-7001', checklist: ['units.dates', 'rarc.m53'], note: 'Units now match the dates of service', ...over });

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Resubmits');
  jordan = await createPerson('specialist', (await createTeam()).id, 'Jordan Elsewhere');
  payer = (await createPayer('commercial')).id;
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('recording a corrected claim', () => {
  it('stores the resubmission, moves the denial to corrected & resubmitted with a follow-up 30 days after sending, on the timeline and in the audit trail', async () => {
    const id = await working();
    const result = await markResubmitted(sam, replacement(id));
    expect(result).toMatchObject({ ok: true, data: { status: 'corrected_resubmitted', followUpDate: addDays(today, 28), version: 1 } });
    expect(result.ok && result.data.undo).toBeUndefined();
    const [row] = await db.claimResubmission.findMany({ where: { denialId: id } });
    expect(row).toMatchObject({ frequencyCode: '7', payerClaimNumber: 'ICN-7001', newClaimNumber: null, createdById: sam.id, checklist: ['units.dates', 'rarc.m53'] });
    expect([day(row!.sentOn), day(row!.followUpOn)]).toEqual([addDays(today, -2), addDays(today, 28)]);
    const [event] = await db.denialEvent.findMany({ where: { denialId: id } });
    expect(event).toMatchObject({
      type: 'resubmitted',
      actorId: sam.id,
      note: 'Units now match the dates of service',
      data: { from: 'in_progress', to: 'corrected_resubmitted', frequencyCode: '7', sentOn: addDays(today, -2), payerClaimNumber: 'ICN-7001', followUpOn: addDays(today, 28), checklist: ['units.dates', 'rarc.m53'] },
    });
    expect(await db.auditEvent.findFirst({ where: { entityType: 'denial', entityId: id, action: 'denial.resubmitted' } })).toMatchObject({ actorId: sam.id });
  });

  it('counts the follow-up from the payer’s own number of days when it has one', async () => {
    const quick = (await createPayer('commercial')).id;
    await db.payer.update({ where: { id: quick }, data: { resubmissionFollowUpDays: 14 } });
    const id = await working({ payerId: quick });
    expect(await markResubmitted(sam, replacement(id, { sentOn: today }))).toMatchObject({ ok: true, data: { followUpDate: addDays(today, 14) } });
  });

  it('shows the resubmission on the denial’s detail', async () => {
    const id = await working({ rarcCodes: ['MA130'], category: 'correct_resubmit' });
    await markResubmitted(sam, replacement(id, { frequencyCode: '1', payerClaimNumber: undefined, newClaimNumber: 'NEW-42', checklist: ['rarc.ma130'] }));
    const detail = await getDenial(sam, id, today);
    expect(detail.resubmissions).toEqual([
      expect.objectContaining({ frequencyCode: '1', payerClaimNumber: null, newClaimNumber: 'NEW-42', sentOn: addDays(today, -2), followUpOn: addDays(today, 28), checklist: ['rarc.ma130'], createdBy: 'Sam Resubmits' }),
    ]);
  });

  it.each([
    ['a replacement without the payer’s claim number', { payerClaimNumber: undefined }, 'payerClaimNumber', 'A replacement needs the payer’s claim number of the original claim (REF*F8).'],
    ['a void without it', { frequencyCode: '8', payerClaimNumber: undefined }, 'payerClaimNumber', 'A void needs the payer’s claim number of the original claim (REF*F8).'],
    ['a date in the future', { sentOn: addDays(today, 1) }, 'sentOn', 'The date sent cannot be in the future.'],
    ['a date before the notice', { sentOn: addDays(notice, -1) }, 'sentOn', `The date sent cannot be before the denial’s notice of ${notice}.`],
    ['an item not on the checklist', { checklist: ['coding.modifier'] }, 'checklist', 'A ticked item is not on this denial’s checklist: reload the page and tick again.'],
  ])('refuses %s at its field, changing nothing', async (_what, over, field, message) => {
    const id = await working();
    expect(await markResubmitted(sam, replacement(id, over))).toEqual({ ok: false, code: 'invalid_input', message, fieldErrors: { [field]: [message] } });
    expect(await db.denial.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'in_progress', version: 0 });
    expect(await db.claimResubmission.count({ where: { denialId: id } })).toBe(0);
  });

  it('refuses input the schema cannot accept: no date with a frequency, an unknown frequency, an impossible date', () => {
    const id = '00000000-0000-7000-8000-000000000001';
    expect(markResubmittedInput.safeParse({ id, version: 0, frequencyCode: '7' }).error?.issues[0]).toMatchObject({ path: ['sentOn'] });
    expect(markResubmittedInput.safeParse({ id, version: 0, frequencyCode: '5', sentOn: today }).success).toBe(false);
    expect(markResubmittedInput.safeParse({ id, version: 0, frequencyCode: '7', sentOn: '2026-02-30' }).success).toBe(false);
  });

  it('is refused for another team’s denial as if it did not exist', async () => {
    const id = await working();
    expect(await markResubmitted(jordan, replacement(id))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db.claimResubmission.count({ where: { denialId: id } })).toBe(0);
  });

  it('is refused where the life of a denial does not allow it', async () => {
    const id = await createDenial({ payerId: payer, teamId: team, ownerId: sam.id, status: 'resolved_paid', noticeDate: notice });
    expect(await markResubmitted(sam, replacement(id))).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await db.claimResubmission.count({ where: { denialId: id } })).toBe(0);
  });
});
