// The appeal packet as an operation (issue 13): the appeal's letter and the chosen attachments, in order, behind a
// cover sheet; recorded on the appeal by a SHA-256 that matches the bytes; built again, byte for byte, for a later
// download; refused for a submitted appeal, an attachment not on the denial, another team's appeal.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { buildPacket, readPacket } from '@/lib/server/appeals/appeal-packet';
import { draftLetter, saveLetter } from '@/lib/server/appeals/appeal-letters';
import { appealLetterDocument } from '@/lib/server/appeals/letter-document';
import { startAppeal } from '@/lib/server/appeals/start-appeal';
import { addAttachment } from '@/lib/server/attachments/add-attachment';
import { removeAttachment } from '@/lib/server/attachments/remove-attachment';
import { db, pool } from '@/lib/server/db';
import { samplePdf, samplePng, sampleTiff } from '../../support/appeal-fixtures';
import { refusal } from '../../support/app-error';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { GOOD_ORGANIZATION, createTemplateRow } from '../../support/template-factory';
import { pdfText } from '../../support/pdf-text';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/server/auth', async (original) => ({ ...(await original<object>()), getActor: async () => current.actor }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }) }));

let team: string;
let sam: Actor;
let outsider: Actor;
let payerId: string;
let templateId: string;

const ok = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

/** A long letter (two pages or more), so the page count adds up across documents. */
const LETTER_BODY = ['Re: claim {{claim.number}} for {{patient.name}}', ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: the service was medically necessary, as the enclosed records show.`)].join('\n\n');

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A team denial with a drafted level-1 appeal and three files: a 3-page PDF, a PNG, a 2-page TIFF. */
async function appealWithFiles() {
  const denialId = await createDenial({ payerId, teamId: team, status: 'in_progress', patientName: 'Packet, Polly' });
  const started = ok(await startAppeal(sam, { id: denialId, version: 0, level: '1' }));
  const appeal = await db.appeal.findFirstOrThrow({ where: { denialId }, select: { id: true } });
  const drafted = ok(await draftLetter(sam, { id: denialId, version: started.version, appealId: appeal.id, templateId }));
  const notes = await addAttachment(sam, { denialId, filename: 'notes.pdf', kind: 'medical_records', bytes: await samplePdf(3, `Notes ${denialId}`) });
  const eob = await addAttachment(sam, { denialId, filename: 'eob.png', kind: 'eob', bytes: samplePng(50, 60) });
  const fax = await addAttachment(sam, { denialId, appealId: appeal.id, filename: 'fax.tif', kind: 'payer_correspondence', bytes: sampleTiff([10, 220], 40, 50) });
  const letter = (await db.$transaction((tx) => appealLetterDocument(tx, appeal.id)))!;
  return { denialId, appealId: appeal.id, notes, eob, fax, letter, denialVersion: drafted.denial.version, letterVersion: drafted.letter.version };
}

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Packet');
  outsider = await createPerson('specialist', (await createTeam()).id);
  payerId = (await createPayer('medicare')).id;
  await db.organization.upsert({ where: { id: 1 }, create: { id: 1, ...GOOD_ORGANIZATION }, update: { ...GOOD_ORGANIZATION, version: { increment: 1 } } });
  templateId = (await createTemplateRow({ body: LETTER_BODY })).id;
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('buildPacket', () => {
  it('joins cover + letter + the chosen attachments in order and records the SHA-256 of the very bytes', async () => {
    const { denialId, appealId, notes, eob, fax, letter } = await appealWithFiles();
    expect(letter.pageCount).toBeGreaterThan(1);
    const packet = await buildPacket(sam, { denialId, appealId, attachmentIds: [fax.id, notes.id] });
    expect(packet.pageCount).toBe(1 + letter.pageCount + 2 + 3);
    expect((await PDFDocument.load(packet.pdf)).getPageCount()).toBe(packet.pageCount);
    expect(packet.sha256).toBe(sha(packet.pdf));
    const text = (await pdfText(packet.pdf)).pages;
    // The cover lists patient, payer's level name and the contents in the chosen order; the eob was not chosen.
    expect(text[0]).toContain('Packet, Polly');
    expect(text[0]).toContain('Redetermination');
    expect(text[0]!.indexOf('fax.tif')).toBeLessThan(text[0]!.indexOf('notes.pdf'));
    expect(text[0]).not.toContain('eob.png');
    // The real letter follows the cover, merged from the denial's facts.
    expect(text[1]).toMatch(/Re: claim PCN-\S+ for Packet, Polly/);
    expect(text[letter.pageCount]).toContain('Paragraph 40');
    expect(text.at(-1)).toContain(`Notes ${denialId} page 3`);

    const row = await db.appeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(row).toMatchObject({ packetSha256: packet.sha256, packetPageCount: packet.pageCount, packetAttachmentIds: [fax.id, notes.id], packetBuiltById: sam.id });
    expect(row.packetBuiltAt).toBeInstanceOf(Date);
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId, type: 'appeal', data: { path: ['action'], equals: 'packet_built' } } });
    expect(event.data).toEqual({ action: 'packet_built', appealId, appealLevel: '1', pageCount: packet.pageCount, sha256: packet.sha256.slice(0, 12), attachments: ['fax.tif', 'notes.pdf'] });
    const audits = await db.auditEvent.findMany({ where: { action: 'appeal.packet_build', entityId: appealId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ sha256: packet.sha256, attachmentIds: [fax.id, notes.id] });
    expect(eob.id).toBeTruthy();
  });

  it('builds the recorded packet again byte for byte for a download, audited as a PHI read', async () => {
    const { denialId, appealId, notes, eob, denialVersion, letterVersion } = await appealWithFiles();
    const built = await buildPacket(sam, { denialId, appealId, attachmentIds: [eob.id, notes.id] });
    const again = await readPacket(sam, appealId);
    expect(again.sha256).toBe(built.sha256);
    expect(Buffer.from(again.pdf).equals(Buffer.from(built.pdf))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'appeal.packet_download', entityId: appealId, phi: true } })).toBe(1);
    // A letter edited after the build: the recorded packet cannot be made again, and is not passed off as it.
    ok(await saveLetter(sam, { id: denialId, version: denialVersion, appealId, letterVersion, body: 'Re: a shorter letter.' }));
    const changed = await refusal(readPacket(sam, appealId));
    expect(changed.code).toBe('conflict');
    expect(changed.message).toMatch(/changed after its packet was built/);
  });

  it('refuses an attachment not on the denial or removed, a missing letter, a submitted appeal, and another team', async () => {
    const { denialId, appealId, notes, eob } = await appealWithFiles();
    const other = await appealWithFiles();
    expect((await refusal(buildPacket(sam, { denialId, appealId, attachmentIds: [other.notes.id] }))).code).toBe('not_found');
    await removeAttachment(sam, eob.id);
    expect((await refusal(buildPacket(sam, { denialId, appealId, attachmentIds: [eob.id] }))).message).toMatch(/not on this denial \(it may have been removed\)/);
    expect((await refusal(buildPacket(sam, { denialId: other.denialId, appealId, attachmentIds: [] }))).code).toBe('not_found');
    expect((await refusal(buildPacket(outsider, { denialId, appealId, attachmentIds: [] }))).code).toBe('not_found');
    expect((await refusal(readPacket(outsider, appealId))).code).toBe('not_found');

    const bare = await createDenial({ payerId, teamId: team, status: 'in_progress' });
    ok(await startAppeal(sam, { id: bare, version: 0, level: '1' }));
    const bareAppeal = await db.appeal.findFirstOrThrow({ where: { denialId: bare } });
    const noLetter = await refusal(buildPacket(sam, { denialId: bare, appealId: bareAppeal.id, attachmentIds: [] }));
    expect(noLetter.message).toBe('The Level 1 appeal has no letter yet: draft it before building the packet.');

    const built = await buildPacket(sam, { denialId, appealId, attachmentIds: [notes.id] });
    await db.appeal.update({ where: { id: appealId }, data: { submittedAt: new Date('2026-12-01') } });
    const again = await refusal(buildPacket(sam, { denialId, appealId, attachmentIds: [] }));
    expect(again.message).toMatch(/has been submitted: its packet on record is what went to the payer/);
    expect((await readPacket(sam, appealId)).sha256).toBe(built.sha256);
    // The file that went to the payer now stays.
    expect((await refusal(removeAttachment(sam, notes.id))).code).toBe('conflict');
  });

  it('answers the route with the PDF as a download carrying its hash and page count', async () => {
    const { denialId, appealId, notes } = await appealWithFiles();
    current.actor = sam;
    const { POST } = await import('@/app/api/appeals/[appealId]/packet.pdf/route');
    const res = await POST(new NextRequest(`http://localhost/api/appeals/${appealId}/packet.pdf`, { method: 'POST', body: JSON.stringify({ denialId, attachmentIds: [notes.id] }) }), {
      params: Promise.resolve({ appealId }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="appeal-packet-.*-level-1\.pdf"/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.headers.get('x-packet-sha256')).toBe(sha(bytes));
    expect((await db.appeal.findUniqueOrThrow({ where: { id: appealId } })).packetSha256).toBe(sha(bytes));
  });
});
