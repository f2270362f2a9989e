import { afterAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { deleteView } from '@/lib/server/saved-views/delete-view';
import { listSavedViews } from '@/lib/server/saved-views/list-saved-views';
import { saveView } from '@/lib/server/saved-views/save-view';
import { createPerson } from '../../support/denial-factory';

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('saved views', () => {
  it('keep only the allowed view, filters and sort (never a cursor), and replace a view of the same name', async () => {
    const sam = await createPerson('specialist');
    const saved = await saveView(sam, { name: 'Big Aetna', query: 'view=team&min=1000&sort=amount&cursor=abc&evil=1' });
    expect(saved).toMatchObject({ ok: true, data: { name: 'Big Aetna', query: 'view=team&sort=amount&min=1000' } });
    await saveView(sam, { name: 'Big Aetna', query: 'view=mine&due=7d' });
    expect(await listSavedViews(sam)).toEqual([expect.objectContaining({ name: 'Big Aetna', query: 'view=mine&due=7d' })]);
    expect(await saveView(sam, { name: 'Broken', query: 'sort=patientName' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('are each person’s own: deleting someone else’s is not found', async () => {
    const [a, b] = await Promise.all([createPerson('specialist'), createPerson('specialist')]);
    const saved = await saveView(a, { name: 'Mine', query: 'view=mine' });
    const id = saved.ok ? saved.data.id : '';
    expect(await deleteView(b, { id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await deleteView(a, { id })).toMatchObject({ ok: true });
    expect(await listSavedViews(a)).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityType: 'saved_view', entityId: id } })).toBe(2);
  });
});
