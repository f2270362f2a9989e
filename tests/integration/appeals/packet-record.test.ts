// The appeal packet as an operation (issue 13): the appeal's letter and the chosen attachments, in order, behind a
// cover sheet; recorded on the appeal by a SHA-256 that matches the bytes; built again, byte for byte, for a later
// download; refused for a submitted appeal, an attachment not on the denial, another team's appeal.
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { buildPacket, readPacket } from '@/lib/server/appeals/appeal-packet';
import { renderLetterPdf } from '@/lib/server/appeals/letter-pdf';
import { addAttachment } from '@/lib/server/attachments/add-attachment';
import { removeAttachment } from '@/lib/server/attachments/remove-attachment';
import { db, pool } from '@/lib/server/db';
import { mergedLetter, samplePdf, samplePng, sampleTiff } from '../../support/appeal-fixtures';
import { refusal } from '../../support/app-error';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { pdfText } from '../../support/pdf-text';

const letter: { pdf: Uint8Array; pageCount: number } = { pdf: new Uint8Array(), pageCount: 0 };
const withoutLetter = new Set<string>();
vi.mock('@/lib/server/appeals/packet-letter', () => ({
  appealLetterDocument: async (_tx: unknown, appealId: string) =>
    withoutLetter.has(appealId) ? null : { pdf: letter.pdf, pageCount: letter.pageCount, title: 'Appeal', templateName: 'Medical necessity', templateVersion: 1 },
}));
const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/server/auth', async (original) => ({ ...(await original<object>()), getActor: async () => current.actor }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }) }));

let team: string;
let sam: Actor;
let outsider: Actor;
let payerId: string;

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A team denial with a drafted level-1 appeal and three files: a 3-page PDF, a PNG, a 2-page TIFF. */
async function appealWithFiles() {
  const denialId = await createDenial({ payerId, teamId: team, status: 'in_progress', patientName: 'Packet, Polly' });
  const appeal = await db.appeal.create({ data: { denialId, level: '1', dueDate: new Date('2027-01-15') } });
  const notes = await addAttachment(sam, { denialId, filename: 'notes.pdf', kind: 'medical_records', bytes: await samplePdf(3, `Notes ${denialId}`) });
  const eob = await addAttachment(sam, { denialId, filename: 'eob.png', kind: 'eob', bytes: samplePng(50, 60) });
  const fax = await addAttachment(sam, { denialId, appealId: appeal.id, filename: 'fax.tif', kind: 'payer_correspondence', bytes: sampleTiff([10, 220], 40, 50) });
  return { denialId, appealId: appeal.id, notes, eob, fax };
}

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Packet');
  outsider = await createPerson('specialist', (await createTeam()).id);
  payerId = (await createPayer('medicare')).id;
  letter.pdf = await renderLetterPdf(mergedLetter());
  letter.pageCount = (await PDFDocument.load(letter.pdf)).getPageCount();
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('buildPacket', () => {
  it('joins cover + letter + the chosen attachments in order and records the SHA-256 of the very bytes', async () => {
    const { denialId, appealId, notes, eob, fax } = await appealWithFiles();
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
    expect(text.at(-1)).toContain(`Notes ${denialId} page 3`);

    const row = await db.appeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(row).toMatchObject({ packetSha256: packet.sha256, packetPageCount: packet.pageCount, packetAttachmentIds: [fax.id, notes.id], packetBuiltById: sam.id });
    expect(row.packetBuiltAt).toBeInstanceOf(Date);
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId, type: 'appeal' } });
    expect(event.data).toEqual({ action: 'packet_built', appealId, appealLevel: '1', pageCount: packet.pageCount, sha256: packet.sha256.slice(0, 12), attachments: ['fax.tif', 'notes.pdf'] });
    const audits = await db.auditEvent.findMany({ where: { action: 'appeal.packet_build', entityId: appealId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ sha256: packet.sha256, attachmentIds: [fax.id, notes.id] });
    expect(eob.id).toBeTruthy();
  });

  it('builds the recorded packet again byte for byte for a download, audited as a PHI read', async () => {
    const { denialId, appealId, notes, eob } = await appealWithFiles();
    const built = await buildPacket(sam, { denialId, appealId, attachmentIds: [eob.id, notes.id] });
    const again = await readPacket(sam, appealId);
    expect(again.sha256).toBe(built.sha256);
    expect(Buffer.from(again.pdf).equals(Buffer.from(built.pdf))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'appeal.packet_download', entityId: appealId, phi: true } })).toBe(1);
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

    withoutLetter.add(appealId);
    const noLetter = await refusal(buildPacket(sam, { denialId, appealId, attachmentIds: [notes.id] }));
    expect(noLetter.message).toBe('The Level 1 appeal has no letter yet: draft it before building the packet.');
    withoutLetter.delete(appealId);

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
