import { beforeAll, describe, expect, it } from 'vitest';
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import type { Actor } from '@/lib/domain/permissions';
import { db } from '@/lib/server/db';
import { readOrganization } from '@/lib/server/organization/read-organization';
import { updateOrganization } from '@/lib/server/organization/update-organization';
import { updatePayerRules } from '@/lib/server/payers/update-payer-rules';
import { listPayerRules } from '@/lib/server/payers/list-payer-rules';
import { createTemplate } from '@/lib/server/templates/create-template';
import { getTemplate } from '@/lib/server/templates/get-template';
import { listTemplates } from '@/lib/server/templates/list-templates';
import { saveTemplateVersion } from '@/lib/server/templates/save-template-version';
import { seedStarterTemplates } from '@/lib/server/templates/seed-starter-templates';
import { setTemplateArchived } from '@/lib/server/templates/set-template-archived';
import { createPayer, createPerson } from '../../support/denial-factory';
import { GOOD_ORGANIZATION, createTemplateRow, organizationVersion } from '../../support/template-factory';
import { withIngestDatabase } from '../ingest/helpers';

withIngestDatabase();

let manager: Actor;
let specialist: Actor;
let admin: Actor;

beforeAll(async () => {
  manager = await createPerson('manager');
  specialist = await createPerson('specialist');
  admin = await createPerson('admin');
});

const events = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' } });

describe('the starter set', () => {
  it('is seeded once, as version 1 of one template per category, by no user', async () => {
    const seeded = await db.$transaction((tx) => seedStarterTemplates(tx));
    // Another test file may have created templates first; then the seed leaves them alone.
    if (seeded > 0) {
      expect(seeded).toBe(STARTER_TEMPLATES.length);
      const { templates } = await listTemplates(specialist);
      const starters = templates.filter((t) => t.updatedBy === null && STARTER_TEMPLATES.some((s) => s.name === t.name));
      expect(starters.map((t) => t.category)).toEqual(STARTER_TEMPLATES.map((s) => s.category));
      expect(starters.every((t) => t.currentVersion === 1)).toBe(true);
    }
    expect(await db.$transaction((tx) => seedStarterTemplates(tx))).toBe(0);
  });
});

describe('saving a template version', () => {
  it('adds the next version, keeps the earlier one as it was, and is audited', async () => {
    const template = await createTemplateRow();
    const saved = await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: '# Appeal\n\nRe: {{claim.number}}\r\nSecond line\twith a tab' });
    expect(saved).toEqual({ ok: true, data: { currentVersion: 2, version: 1 } });
    const again = await saveTemplateVersion(manager, { templateId: template.id, version: 1, body: 'Third: {{patient.name}}' });
    expect(again).toEqual({ ok: true, data: { currentVersion: 3, version: 2 } });

    const detail = await getTemplate(specialist, template.id);
    expect(detail).toMatchObject({ currentVersion: 3, canEdit: false, updatedBy: manager.name });
    expect(detail.versions.map((v) => [v.version, v.createdBy])).toEqual([[3, manager.name], [2, manager.name], [1, null]]);
    expect(detail.versions[2]!.body).toBe(STARTER_TEMPLATES.find((t) => t.category === 'timely_filing')!.body);
    expect((await getTemplate(manager, template.id)).canEdit).toBe(true);

    const audit = await events(template.id);
    expect(audit.map((e) => [e.action, e.actorId, (e.details as { version: number }).version])).toEqual([
      ['letter_template.save_version', manager.id, 2],
      ['letter_template.save_version', manager.id, 3],
    ]);
  });

  it('refuses a stale version with a conflict, and saves nothing', async () => {
    const template = await createTemplateRow();
    expect(await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: 'Mine: {{claim.number}}' })).toMatchObject({ ok: true });
    const stale = await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: 'Theirs: {{claim.number}}' });
    expect(stale).toMatchObject({ ok: false, code: 'conflict', message: expect.stringContaining('Someone else changed this template') });
    expect(await db.letterTemplateVersion.count({ where: { templateId: template.id } })).toBe(2);
  });

  it('lets only one of two simultaneous saves from the same version through', async () => {
    const template = await createTemplateRow();
    const results = await Promise.all([1, 2].map((n) => saveTemplateVersion(manager, { templateId: template.id, version: 0, body: `Save ${n}: {{claim.number}}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['conflict']);
  });

  it('refuses unknown merge fields by name, an empty body, control characters and a body over 20,000 characters', async () => {
    const template = await createTemplateRow();
    const unknown = await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: 'Dear {{payer.nmae}}, re {{claim.number}} for {{patient.dob}}' });
    expect(unknown).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { body: [expect.stringContaining('payer.nmae, patient.dob')] } });
    expect(await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: ' \n ' })).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('cannot be empty') });
    expect(await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: 'NUL\u0000' })).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('U+0000') });
    expect(await saveTemplateVersion(manager, { templateId: template.id, version: 0, body: 'x'.repeat(20_001) })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await saveTemplateVersion(manager, { templateId: 'not-a-uuid', version: 0, body: 'x' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await saveTemplateVersion(manager, { templateId: crypto.randomUUID(), version: 0, body: 'x' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await db.letterTemplateVersion.count({ where: { templateId: template.id } })).toBe(1);
  });

  it('refuses a specialist, who may still read templates', async () => {
    const template = await createTemplateRow();
    expect(await saveTemplateVersion(specialist, { templateId: template.id, version: 0, body: 'Re: {{claim.number}}' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await createTemplate(specialist, { category: 'bundling', name: 'Mine', body: 'Re: {{claim.number}}' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await setTemplateArchived(specialist, { templateId: template.id, version: 0, archived: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await listTemplates(specialist)).canEdit).toBe(false);
    await expect(listTemplates(admin)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await events(template.id)).toEqual([]);
  });

  it('never rewrites a version: the database refuses an UPDATE', async () => {
    const template = await createTemplateRow();
    await expect(db.letterTemplateVersion.updateMany({ where: { templateId: template.id }, data: { body: 'changed' } })).rejects.toThrow(/immutable/);
  });
});

describe('creating and archiving', () => {
  it('creates a template as version 1 by its author, archives and restores it, each audited', async () => {
    const created = await createTemplate(manager, { category: 'eligibility', name: 'Eligibility, retro coverage', body: 'Re: {{claim.number}}' });
    expect(created).toMatchObject({ ok: true, data: { currentVersion: 1, version: 0 } });
    if (!created.ok) return;
    const id = created.data.id;
    expect(await setTemplateArchived(manager, { templateId: id, version: 0, archived: true })).toEqual({ ok: true, data: { archived: true, version: 1 } });
    expect(await saveTemplateVersion(manager, { templateId: id, version: 1, body: 'Re: {{claim.number}}' })).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('archived') });
    expect(await setTemplateArchived(manager, { templateId: id, version: 0, archived: false })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await setTemplateArchived(manager, { templateId: id, version: 1, archived: false })).toMatchObject({ ok: true });
    expect((await events(id)).map((e) => e.action)).toEqual(['letter_template.create', 'letter_template.archive', 'letter_template.unarchive']);
    expect(await createTemplate(manager, { category: 'other' as never, name: 'x', body: 'x' })).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { category: [expect.any(String)] } });
  });
});

describe('the organisation’s letterhead', () => {
  it('is saved by an administrator against its version, audited with what changed; a bad NPI is refused by field', async () => {
    const bad = await updateOrganization(admin, { ...GOOD_ORGANIZATION, npi: '1234567890', version: await organizationVersion() });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { npi: [expect.stringContaining('check digit')] } });

    const version = await organizationVersion();
    const saved = await updateOrganization(admin, { ...GOOD_ORGANIZATION, tin: '371234567', version });
    expect(saved).toEqual({ ok: true, data: { version: version + 1 } });
    expect(await readOrganization()).toMatchObject({ ...GOOD_ORGANIZATION, tin: '37-1234567', version: version + 1 });
    expect(await updateOrganization(admin, { ...GOOD_ORGANIZATION, version })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await updateOrganization(manager, { ...GOOD_ORGANIZATION, version: version + 1 })).toMatchObject({ ok: false, code: 'forbidden' });

    const event = await db.auditEvent.findFirst({ where: { action: 'organization.update', actorId: admin.id }, orderBy: { id: 'desc' } });
    expect(event?.details).toMatchObject({ npi: '1234567893', tin: '37-1234567' });
  });
});

describe('the payer’s appeals address', () => {
  it('is set with the payer rules, kept line by line, and cleared with an empty text', async () => {
    const payer = await createPayer('commercial');
    const rules = { levels: [{ level: '1' as const, days: 90, trigger: 'notice' as const, receiptPresumptionDays: 5 }], timelyFiling: { value: 90, unit: 'days' as const }, warningWindowDays: 14, rollWeekendDeadlines: false };
    expect(await updatePayerRules(manager, { payerId: payer.id, version: 0, ...rules, appealsAddress: ' Appeals Unit\r\n\nPO Box 100 \nDallas, TX 75201\n' })).toMatchObject({ ok: true });
    const listed = (await listPayerRules(manager)).payers.find((p) => p.id === payer.id);
    expect(listed?.appealsAddress).toBe('Appeals Unit\nPO Box 100\nDallas, TX 75201');
    // Saving without the field leaves it as stored.
    expect(await updatePayerRules(manager, { payerId: payer.id, version: 1, ...rules })).toMatchObject({ ok: true });
    expect((await db.payer.findUniqueOrThrow({ where: { id: payer.id } })).appealsAddress).toBe('Appeals Unit\nPO Box 100\nDallas, TX 75201');
    expect(await updatePayerRules(manager, { payerId: payer.id, version: 2, ...rules, appealsAddress: '' })).toMatchObject({ ok: true });
    expect((await db.payer.findUniqueOrThrow({ where: { id: payer.id } })).appealsAddress).toBeNull();
  });
});
