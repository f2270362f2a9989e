import { describe, expect, it } from 'vitest';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { db } from '@/lib/server/db';
import { listQueue } from '@/lib/server/denials/list-queue';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { createPerson, createTeam } from '../../support/denial-factory';
import { deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from '../ingest/helpers';

withIngestDatabase();

const TODAY = '2026-10-15';
const pcns = (rows: { patientControlNumber: string }[]) => rows.map((r) => r.patientControlNumber).sort();

async function importFile(actor: Awaited<ReturnType<typeof createPerson>>, payer: string) {
  const bytes = remit([transaction(payer, [deniedClaim(`${payer}-1`, `${payer}C1`, 1000), deniedClaim(`${payer}-2`, `${payer}C2`, 2000, '197'), paidClaim(`${payer}-3`, `${payer}C3`, 1000, 800)])]);
  const result = await ingest835(actor, { filename: `${payer}.835`, bytes });
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('the queue filtered to one import', () => {
  it('shows exactly the denials that file created, whatever their status or the view, and names the file', async () => {
    const team = await createTeam();
    const me = await createPerson('specialist', team.id);
    const payer = unique('IMPQ');
    const file = await importFile(me, payer);
    await importFile(me, unique('OTHER'));
    expect(file.denialsCreated).toBe(2);
    // One of them is closed already: the link still shows everything the file created.
    await db.denial.updateMany({ where: { patientControlNumber: `${payer}-2` }, data: { status: 'resolved_paid', resolvedAt: new Date() } });

    // No view given means "mine", which holds none of these (they are nobody's yet): the import stands in for it.
    const page = await listQueue(me, queueParamsSchema.parse({ import: file.fileId }), TODAY);
    expect(pcns(page.rows)).toEqual([`${payer}-1`, `${payer}-2`]);
    expect(page.fromImport).toEqual({ id: file.fileId, filename: `${payer}.835` });
    expect(page.total).toMatchObject({ count: 2, estimated: false });

    // Other filters still narrow it.
    const open = await listQueue(me, queueParamsSchema.parse({ import: file.fileId, status: 'new' }), TODAY);
    expect(pcns(open.rows)).toEqual([`${payer}-1`]);
    const byCarc = await listQueue(me, queueParamsSchema.parse({ import: file.fileId, carc: '197', view: 'team' }), TODAY);
    expect(pcns(byCarc.rows)).toEqual([`${payer}-2`]);
  });

  it('is scoped like the rest of the queue: another team’s import shows nothing and is not named', async () => {
    const mine = await createPerson('specialist', (await createTeam()).id);
    const file = await importFile(mine, unique('SCOPE'));
    const stranger = await createPerson('specialist', (await createTeam()).id);
    const page = await listQueue(stranger, queueParamsSchema.parse({ import: file.fileId }), TODAY);
    expect(page.rows).toEqual([]);
    expect(page.fromImport).toBeNull();

    // A manager with organisation-wide scope reaches every import.
    const manager = await createPerson('manager', null, unique('boss'), { orgWide: true });
    const all = await listQueue(manager, queueParamsSchema.parse({ import: file.fileId }), TODAY);
    expect(all.rows).toHaveLength(2);
  });

  it('shows nothing for an import that does not exist', async () => {
    const me = await createPerson('specialist', (await createTeam()).id);
    const page = await listQueue(me, queueParamsSchema.parse({ import: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }), TODAY);
    expect(page).toMatchObject({ rows: [], fromImport: null });
  });
});
