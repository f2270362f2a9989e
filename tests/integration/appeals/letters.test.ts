// Appeal letters end to end on the server: facts read from a real denial, drafting refused while a field has no
// value, the template version recorded, edits guarded by the letter's version and refused once the appeal went
// to the payer, another team's denial answered as missing, and the PDF download.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db } from '@/lib/server/db';
import { checkLetterTemplate, draftLetter, getAppealWorkspace, saveLetter } from '@/lib/server/appeals/appeal-letters';
import { appealLetterDocument } from '@/lib/server/appeals/letter-document';
import { loadLetterFacts } from '@/lib/server/appeals/letter-facts';
import { startAppeal } from '@/lib/server/appeals/start-appeal';
import { submitAppeal } from '@/lib/server/appeals/submit-appeal';
import { todayIso } from '@/lib/server/clock';
import { createDetailedDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';
import { pdfText } from '../../support/pdf-text';
import { GOOD_ORGANIZATION, createTemplateRow } from '../../support/template-factory';
import { withIngestDatabase } from '../ingest/helpers';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/server/auth', async (original) => ({ ...(await original<object>()), getActor: async () => current.actor }));

withIngestDatabase();

/** The official CARC 50 text (X12's list, loaded by withIngestDatabase). */
let OFFICIAL_CO50: string;
const today = todayIso();

let team: string;
let sam: Actor;
let outsider: Actor;
let payerId: string;
let template: { id: string; name: string };

const ok = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

async function setOrganization(fields: Partial<typeof GOOD_ORGANIZATION>) {
  const data = { ...GOOD_ORGANIZATION, ...fields };
  await db.organization.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: { ...data, version: { increment: 1 } } });
}

/** A worked denial with a line, CAS and remarks, its patient's member id and provider, and a drafted level-1 appeal. */
async function appealedDenial(): Promise<{ id: string; appealId: string; claimNumber: string }> {
  const id = await createDetailedDenial({ payerId, teamId: team, ownerId: sam.id, status: 'in_progress', memberId: 'XJH123456789', patientName: 'Williams, María' });
  const denial = await db.denial.findUniqueOrThrow({ where: { id }, select: { claimId: true, patientControlNumber: true } });
  await db.claim.update({
    where: { id: denial.claimId },
    data: { patientFirstName: 'María', patientLastName: 'Williams', renderingProviderName: 'Dr. Lee Chen', renderingProviderNpi: '1245319599' },
  });
  ok(await startAppeal(sam, { id, version: await versionOf(id), level: '1' }));
  const appeal = await db.appeal.findFirstOrThrow({ where: { denialId: id } });
  return { id, appealId: appeal.id, claimNumber: denial.patientControlNumber };
}

const draft = async (a: { id: string; appealId: string }, extra: { replace?: boolean } = {}) =>
  draftLetter(sam, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, templateId: template.id, ...extra });

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Rivera');
  await db.user.update({ where: { id: sam.id }, data: { title: 'Denial specialist' } });
  outsider = await createPerson('specialist', (await createTeam()).id);
  const payer = await createPayer('commercial', 'Acme Health Plan Letters');
  await db.payer.update({ where: { id: payer.id }, data: { appealsAddress: 'Appeals Unit\nPO Box 100\nDallas, TX 75201' } });
  payerId = payer.id;
  template = await createTemplateRow({ category: 'medical_necessity' });
  OFFICIAL_CO50 = (await db.carcCode.findUniqueOrThrow({ where: { code: '50' } })).description;
  expect(OFFICIAL_CO50).toContain('not deemed a \'medical necessity\' by the payer');
  await setOrganization({});
});

describe('letter facts', () => {
  it('are read from the denial: the official CARC description, the patient, the member id, the payer’s address, the signer', async () => {
    const a = await appealedDenial();
    const facts = await db.$transaction((tx) => loadLetterFacts(tx, { appealId: a.appealId, signerId: sam.id, today }));
    expect(facts.denial.adjustments).toEqual([{ group: 'CO', code: '50', description: OFFICIAL_CO50, amountCents: 8_000 }]);
    expect(facts.denial.remarks.map((r) => r.code).sort()).toEqual(['M127', 'N115']);
    expect(facts.denial.remarks.every((r) => r.description)).toBe(true);
    expect(facts.patient).toEqual({ name: 'María Williams', memberId: 'XJH123456789' });
    expect(facts.claim).toMatchObject({ number: a.claimNumber, payerClaimNumber: `${a.claimNumber}-PCCN`, serviceFrom: '2025-04-01', serviceTo: '2025-04-01' });
    expect(facts.lines).toEqual([{ serviceDate: '2025-04-01', procedure: '99213', modifiers: ['25'], units: null, chargeCents: 20_000, paidCents: 10_000 }]);
    expect(facts.payer).toEqual({ name: 'Acme Health Plan Letters', appealsAddressLines: ['Appeals Unit', 'PO Box 100', 'Dallas, TX 75201'] });
    expect(facts.provider).toEqual({ name: 'Dr. Lee Chen', npi: '1245319599' });
    expect(facts.organization.npi).toBe(GOOD_ORGANIZATION.npi);
    expect(facts.appeal.levelName).toBe('Level 1 appeal');
    expect(facts.signer).toEqual({ name: 'Sam Rivera', title: 'Denial specialist' });
  });
});

describe('drafting a letter', () => {
  it('reports a missing organisation NPI by name, before and at drafting, and stores nothing', async () => {
    const a = await appealedDenial();
    await setOrganization({ npi: '' });
    try {
      const check = ok(await checkLetterTemplate(sam, { id: a.id, appealId: a.appealId, templateId: template.id }));
      expect(check.missing.map((m) => m.label)).toEqual(['Organisation NPI']);
      const version = await versionOf(a.id);
      const refused = await draft(a);
      expect(refused).toMatchObject({ ok: false, code: 'invalid_input', details: { missing: [{ field: 'organization.npi', label: 'Organisation NPI' }] } });
      expect(refused.ok ? '' : refused.message).toContain('Organisation NPI');
      expect(await db.appealLetter.count({ where: { appealId: a.appealId } })).toBe(0);
      expect(await versionOf(a.id)).toBe(version);
    } finally {
      await setOrganization({});
    }
    expect(ok(await checkLetterTemplate(sam, { id: a.id, appealId: a.appealId, templateId: template.id })).missing).toEqual([]);
  });

  it('stores the merged letter with the template and the version it came from, on the timeline and in the audit', async () => {
    const a = await appealedDenial();
    const { letter, denial } = ok(await draft(a));
    expect(letter).toMatchObject({ templateId: template.id, templateName: template.name, templateVersion: 1, version: 1 });
    expect(letter.body).toContain(OFFICIAL_CO50);
    expect(letter.body).toContain('María Williams');
    expect(letter.body).not.toMatch(/\{\{|\}\}/);
    const row = await db.appealLetter.findUniqueOrThrow({ where: { appealId: a.appealId }, include: { templateVersion: true } });
    expect(row).toMatchObject({ templateId: template.id, createdById: sam.id, templateVersion: { version: 1 } });
    expect(denial.version).toBe(await versionOf(a.id));
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId: a.id, type: 'appeal' }, orderBy: { createdAt: 'desc' } });
    expect(event.data).toMatchObject({ action: 'letter_drafted', template: template.name, templateVersion: 1, appealId: a.appealId });
    expect(await db.auditEvent.count({ where: { action: 'appeal.letter_draft', entityId: a.id } })).toBe(1);

    // A newer template version is used by the next draft, which replaces the letter only when confirmed.
    await db.letterTemplateVersion.create({ data: { templateId: template.id, version: 2, body: 'Re: {{claim.number}} for {{patient.name}}' } });
    await db.letterTemplate.update({ where: { id: template.id }, data: { currentVersion: 2 } });
    try {
      expect(await draft(a)).toMatchObject({ ok: false, code: 'conflict', details: { replace: true } });
      const again = ok(await draft(a, { replace: true }));
      expect(again.letter).toMatchObject({ templateVersion: 2, body: `Re: ${a.claimNumber} for María Williams` });
    } finally {
      await db.letterTemplate.update({ where: { id: template.id }, data: { currentVersion: 1 } });
    }
  });
});

describe('editing a letter', () => {
  it('saves an edit, refuses one based on an older letter version, and audits both the edit and the read', async () => {
    const a = await appealedDenial();
    const { letter } = ok(await draft(a));
    const saved = ok(await saveLetter(sam, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, letterVersion: letter.version, body: `${letter.body}\n\nAn added paragraph.` }));
    expect(saved.letter.version).toBe(2);
    const stale = await saveLetter(sam, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, letterVersion: letter.version, body: 'Overwrites the edit' });
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { stale: true, letter: { version: 2 } } });
    const workspace = await getAppealWorkspace(sam, a.id, a.appealId);
    expect(workspace.letter?.body).toContain('An added paragraph.');
    expect(workspace.viewer).toEqual({ canEdit: true, locked: null });
    expect(workspace.templates[0]).toMatchObject({ offered: true });
    expect(await db.auditEvent.count({ where: { action: 'appeal.letter_read', entityId: a.id, phi: true } })).toBe(1);
    const edited = await db.denialEvent.findFirstOrThrow({ where: { denialId: a.id, type: 'appeal' }, orderBy: { createdAt: 'desc' } });
    expect(edited.data).toMatchObject({ action: 'letter_edited', letterVersion: 2 });
  });

  it('refuses control characters in the body', async () => {
    const { saveLetterInput } = await import('@/lib/server/appeals/appeal-letters');
    const base = { id: crypto.randomUUID(), version: 0, appealId: crypto.randomUUID(), letterVersion: 1 };
    expect(saveLetterInput.safeParse({ ...base, body: 'Line one\n\tLine two' }).success).toBe(true);
    expect(saveLetterInput.safeParse({ ...base, body: 'Bell \u0007' }).success).toBe(false);
    expect(saveLetterInput.safeParse({ ...base, body: 'x'.repeat(100_001) }).success).toBe(false);
  });

  it('refuses to change the letter of an appeal that went to the payer', async () => {
    const a = await appealedDenial();
    const { letter } = ok(await draft(a));
    ok(await submitAppeal(sam, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, on: today, method: 'portal' }));
    const refused = await saveLetter(sam, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, letterVersion: letter.version, body: 'Too late' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('gone to the payer') });
    expect(await draft(a, { replace: true })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect((await getAppealWorkspace(sam, a.id, a.appealId)).viewer.locked).toContain('gone to the payer');
  });
});

describe('another team', () => {
  it('reads another team’s appeal and letter as missing, and cannot draft or save them', async () => {
    const a = await appealedDenial();
    const { letter } = ok(await draft(a));
    await expect(getAppealWorkspace(outsider, a.id, a.appealId)).rejects.toMatchObject({ code: 'not_found' });
    expect(await draftLetter(outsider, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, templateId: template.id, replace: true })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await saveLetter(outsider, { id: a.id, version: await versionOf(a.id), appealId: a.appealId, letterVersion: letter.version, body: 'Not mine' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await checkLetterTemplate(outsider, { id: a.id, appealId: a.appealId, templateId: template.id })).toMatchObject({ ok: false, code: 'not_found' });
    const { GET } = await import('@/app/api/appeals/[appealId]/letter.pdf/route');
    current.actor = outsider;
    const res = await GET(new NextRequest(`http://localhost/api/appeals/${a.appealId}/letter.pdf`), { params: Promise.resolve({ appealId: a.appealId }) });
    expect(res.status).toBe(404);
  });
});

describe('the letter as a PDF', () => {
  it('downloads as an attachment whose text holds the claim number and the patient’s name', async () => {
    const a = await appealedDenial();
    ok(await draft(a));
    const { GET } = await import('@/app/api/appeals/[appealId]/letter.pdf/route');
    current.actor = sam;
    const res = await GET(new NextRequest(`http://localhost/api/appeals/${a.appealId}/letter.pdf`), { params: Promise.resolve({ appealId: a.appealId }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="appeal-letter-${a.claimNumber}-L1\\.pdf"`));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain(a.claimNumber);
    expect(text).toContain('María Williams');
    expect(text).toContain(`NPI ${GOOD_ORGANIZATION.npi}`);
    expect(await db.auditEvent.count({ where: { action: 'appeal.letter_pdf', entityId: a.id, phi: true } })).toBe(1);
  });

  it('gives the packet the letter with its page count and template version, and null for an appeal without one', async () => {
    const a = await appealedDenial();
    expect(await db.$transaction((tx) => appealLetterDocument(tx, a.appealId))).toBeNull();
    ok(await draft(a));
    const document = await db.$transaction((tx) => appealLetterDocument(tx, a.appealId));
    expect(document).toMatchObject({ templateName: template.name, templateVersion: 1, title: `Appeal — claim ${a.claimNumber} · Level 1 appeal` });
    expect(document!.pageCount).toBe((await pdfText(document!.pdf)).pages.length);
  });
});
