// Attachments (issue 13): type told by content, size limit before buffering, names never paths, duplicates
// refused, team scope, download headers, removal policy, timeline and audit rows.
import { createHash } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { addAttachment } from '@/lib/server/attachments/add-attachment';
import { removeAttachment } from '@/lib/server/attachments/remove-attachment';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { getDenial } from '@/lib/server/denials/get-denial';
import { sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../support/appeal-fixtures';
import { refusal } from '../../support/app-error';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const current: { actor: Actor | null } = { actor: null };
vi.mock('@/lib/server/auth', async (original) => ({ ...(await original<object>()), getActor: async () => current.actor }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }) }));

const { POST: upload } = await import('@/app/api/denials/[id]/attachments/route');
const { GET: download, DELETE: remove } = await import('@/app/api/attachments/[attachmentId]/route');

let team: string;
let otherTeam: string;
let sam: Actor;
let outsider: Actor;
let frankie: Actor;
let payerId: string;
let pdf: Uint8Array;

const encode = (text: string) => new TextEncoder().encode(text);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const denial = () => createDenial({ payerId, teamId: team, status: 'in_progress' });
const add = (actor: Actor, denialId: string, filename: string, bytes: Uint8Array, extra: { kind?: 'medical_records' | 'eob' | 'other'; appealId?: string } = {}, maxBytes?: number) =>
  addAttachment(actor, { denialId, filename, kind: extra.kind ?? 'medical_records', appealId: extra.appealId, bytes }, { maxBytes });

const eventsOf = (denialId: string) => db.denialEvent.findMany({ where: { denialId, type: 'attachment' }, orderBy: { createdAt: 'asc' } });
const auditOf = (action: string, entityId: string) => db.auditEvent.findMany({ where: { action, entityId } });

beforeAll(async () => {
  team = (await createTeam()).id;
  otherTeam = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Attach');
  outsider = await createPerson('specialist', otherTeam, 'Olive Elsewhere');
  frankie = await createPerson('front_desk', null, 'Frankie Attach');
  payerId = (await createPayer('commercial')).id;
  pdf = await samplePdf(2, 'Visit notes');
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('adding an attachment', () => {
  it('accepts PDF, PNG, JPEG and TIFF, told by content, and stores them by SHA-256 with a timeline event and an audit row', async () => {
    const id = await denial();
    const files = [
      { name: 'notes.pdf', bytes: pdf, type: 'application/pdf' },
      // A PNG named .jpg is stored as what it is.
      { name: 'eob-scan.jpg', bytes: samplePng(40, 50), type: 'image/png' },
      { name: 'auth.jpeg', bytes: sampleJpeg(), type: 'image/jpeg' },
      { name: 'fax.tif', bytes: sampleTiff([0, 200], 30, 40), type: 'image/tiff' },
    ];
    for (const file of files) {
      const dto = await add(sam, id, file.name, file.bytes);
      expect(dto).toMatchObject({ filename: file.name, contentType: file.type, sizeBytes: file.bytes.byteLength, sha256Prefix: sha(file.bytes).slice(0, 12), uploadedBy: 'Sam Attach' });
      const row = await db.attachment.findUniqueOrThrow({ where: { id: dto.id } });
      expect(row.sha256).toBe(sha(file.bytes));
      expect(Buffer.from(row.content).equals(Buffer.from(file.bytes))).toBe(true);
      expect(await auditOf('attachment.add', dto.id)).toHaveLength(1);
    }
    const events = await eventsOf(id);
    expect(events.map((e) => (e.data as { action: string; filename: string }).filename)).toEqual(files.map((f) => f.name));
    expect(events[0]!.data).toMatchObject({ action: 'added', kind: 'medical_records', sizeBytes: pdf.byteLength, appealLevel: null });
    // The denial's version is not moved: an upload never conflicts with someone's edit.
    expect((await db.denial.findUniqueOrThrow({ where: { id } })).version).toBe(0);
  });

  it('refuses a program, an HTML page and plain text, naming what the content looks like, and stores nothing', async () => {
    const id = await denial();
    const cases: [string, Uint8Array, RegExp][] = [
      ['setup.pdf', encode('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode'), /Windows program/],
      ['records.pdf', encode('<!DOCTYPE html><html><script>alert(1)</script></html>'), /HTML page/],
      ['notes.txt', encode('Patient seen on 2026-04-01 for follow-up.\n'), /plain text/],
    ];
    for (const [name, bytes, seems] of cases) {
      const error = await refusal(add(sam, id, name, bytes));
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(/is not a PDF, PNG, JPEG or TIFF file/);
      expect(error.message).toMatch(seems);
    }
    expect(await db.attachment.count({ where: { denialId: id } })).toBe(0);
  });

  it('refuses a file over the limit', async () => {
    const id = await denial();
    const error = await refusal(add(sam, id, 'big.pdf', pdf, {}, pdf.byteLength - 1));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/“big\.pdf” is larger than/);
    expect(await add(sam, id, 'big.pdf', pdf, {}, pdf.byteLength)).toMatchObject({ sizeBytes: pdf.byteLength });
  });

  it('refuses a name with a path in it (never used as a path; it would be shown as its last part) and a name with NUL', async () => {
    const id = await denial();
    const path = await refusal(add(sam, id, '../../etc/passwd', pdf));
    expect(path.code).toBe('invalid_input');
    expect(path.message).toContain('is a path, not a file name');
    expect(path.message).toContain('“passwd”');
    const nul = await refusal(add(sam, id, 'notes\u0000.pdf', pdf));
    expect(nul.message).toMatch(/control characters/);
    expect(await db.attachment.count({ where: { denialId: id } })).toBe(0);
  });

  it('refuses the same content on the same denial, naming the file it is already attached as; another denial may have it', async () => {
    const id = await denial();
    await add(sam, id, 'first-name.pdf', pdf);
    const error = await refusal(add(sam, id, 'second-name.pdf', pdf, { kind: 'eob' }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/already attached to the denial as “first-name\.pdf” \(Medical records, added by Sam Attach\)/);
    await expect(add(sam, await denial(), 'second-name.pdf', pdf)).resolves.toMatchObject({ filename: 'second-name.pdf' });
  });

  it('answers another team’s denial as missing and refuses a role that may not edit', async () => {
    const id = await denial();
    expect((await refusal(add(outsider, id, 'a.pdf', pdf))).code).toBe('not_found');
    expect((await refusal(add(frankie, id, 'a.pdf', pdf))).code).toBe('forbidden');
    expect((await refusal(add(sam, '00000000-0000-4000-8000-000000000000', 'a.pdf', pdf))).code).toBe('not_found');
  });

  it('attaches to an appeal of the denial, not to another denial’s appeal nor to a decided one', async () => {
    const id = await denial();
    const open = await db.appeal.create({ data: { denialId: id, level: '1' } });
    const decided = await db.appeal.create({ data: { denialId: id, level: '1', decidedAt: new Date('2026-11-01'), outcome: 'upheld' } });
    const elsewhere = await db.appeal.create({ data: { denialId: await denial(), level: '1' } });
    const dto = await add(sam, id, 'for-appeal.pdf', pdf, { appealId: open.id });
    expect(dto.appealId).toBe(open.id);
    expect((await eventsOf(id))[0]!.data).toMatchObject({ action: 'added', appealLevel: '1' });
    expect((await refusal(add(sam, id, 'x.png', samplePng(10, 10), { appealId: elsewhere.id }))).code).toBe('not_found');
    const late = await refusal(add(sam, id, 'x.png', samplePng(10, 10), { appealId: decided.id }));
    expect(late.code).toBe('invalid_input');
    expect(late.message).toMatch(/Level 1 appeal has been decided/);
  });

  it('lists the attachments in the denial detail without their content', async () => {
    const id = await denial();
    const dto = await add(sam, id, 'listed.pdf', pdf, { kind: 'eob' });
    const detail = await getDenial(sam, id, todayIso());
    expect(detail.attachments).toEqual([dto]);
    expect(Object.keys(detail.attachments[0]!)).not.toContain('content');
  });
});

describe('the upload and download routes', () => {
  const post = (id: string, query: string, body: BodyInit, headers: Record<string, string> = {}) =>
    upload(new NextRequest(`http://localhost/api/denials/${id}/attachments?${query}`, { method: 'POST', body, headers, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]), {
      params: Promise.resolve({ id }),
    });

  it('stores an upload and serves it back as a download that is never rendered or cached, audited as a PHI read', async () => {
    current.actor = sam;
    const id = await denial();
    const res = await post(id, 'filename=Récépissé%20fax.pdf&kind=proof_of_timely_filing', pdf as Uint8Array<ArrayBuffer>, { 'content-length': String(pdf.byteLength) });
    expect(res.status).toBe(201);
    const { attachment } = (await res.json()) as { attachment: { id: string; kind: string } };
    expect(attachment.kind).toBe('proof_of_timely_filing');
    const got = await download(new NextRequest(`http://localhost/api/attachments/${attachment.id}`), { params: Promise.resolve({ attachmentId: attachment.id }) });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`attachment; filename="R_c_piss_ fax.pdf"; filename*=UTF-8''R%C3%A9c%C3%A9piss%C3%A9%20fax.pdf`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(sha(new Uint8Array(await got.arrayBuffer()))).toBe(sha(pdf));
    const reads = await auditOf('attachment.download', attachment.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ phi: true, actorId: sam.id });
    // Another team's specialist: the same answer as a file that does not exist.
    current.actor = outsider;
    const hidden = await download(new NextRequest(`http://localhost/api/attachments/${attachment.id}`), { params: Promise.resolve({ attachmentId: attachment.id }) });
    expect(hidden.status).toBe(404);
  });

  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    current.actor = sam;
    const id = await denial();
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({
      pull() {
        pulled = true;
        throw new Error('the body must not be read');
      },
    }, { highWaterMark: 0 });
    const res = await post(id, 'filename=huge.pdf&kind=other', body, { 'content-length': String(26 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/“huge\.pdf” is larger than 25 MB/);
    expect(pulled).toBe(false);
  });

  it('answers a refused type with its message as a 422', async () => {
    current.actor = sam;
    const res = await post(await denial(), 'filename=page.html&kind=other', '<html><body>hi</body></html>', { 'content-length': '28' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toMatch(/“page\.html” is not a PDF.*It looks like an HTML page/);
  });
});

describe('removing an attachment', () => {
  it('hides it from the denial and downloads, with a timeline event and an audit row; the same file may then be attached again', async () => {
    current.actor = sam;
    const id = await denial();
    const dto = await add(sam, id, 'wrong-patient.pdf', pdf);
    const res = await remove(new NextRequest(`http://localhost/api/attachments/${dto.id}`, { method: 'DELETE' }), { params: Promise.resolve({ attachmentId: dto.id }) });
    expect(res.status).toBe(200);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row.removedById).toBe(sam.id);
    expect(row.removedAt).not.toBeNull();
    expect((await eventsOf(id)).map((e) => e.data)).toEqual([
      expect.objectContaining({ action: 'added', filename: 'wrong-patient.pdf' }),
      expect.objectContaining({ action: 'removed', filename: 'wrong-patient.pdf', attachmentId: dto.id }),
    ]);
    expect(await auditOf('attachment.remove', dto.id)).toHaveLength(1);
    expect((await getDenial(sam, id, todayIso())).attachments).toEqual([]);
    const gone = await download(new NextRequest(`http://localhost/api/attachments/${dto.id}`), { params: Promise.resolve({ attachmentId: dto.id }) });
    expect(gone.status).toBe(404);
    expect((await refusal(removeAttachment(sam, dto.id))).code).toBe('not_found');
    await expect(add(sam, id, 'right-patient.pdf', pdf)).resolves.toMatchObject({ filename: 'right-patient.pdf' });
  });

  it('keeps a file that went to the payer in a submitted appeal’s packet; a draft’s packet does not hold it', async () => {
    const id = await denial();
    const sent = await add(sam, id, 'sent.pdf', pdf);
    const drafted = await add(sam, id, 'drafted.png', samplePng(20, 20));
    await db.appeal.create({ data: { denialId: id, level: '1', submittedAt: new Date('2026-11-10'), packetSha256: 'ab'.repeat(32), packetBuiltAt: new Date(), packetAttachmentIds: [sent.id] } });
    await db.appeal.create({ data: { denialId: id, level: '2', packetSha256: 'cd'.repeat(32), packetBuiltAt: new Date(), packetAttachmentIds: [drafted.id] } });
    const detail = await getDenial(sam, id, todayIso());
    expect(detail.attachments.map((a) => [a.filename, a.inSubmittedPacket])).toEqual([
      ['sent.pdf', true],
      ['drafted.png', false],
    ]);
    const error = await refusal(removeAttachment(sam, sent.id));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('“sent.pdf” went to the payer in the Level 1 appeal packet (submitted 2026-11-10): it is part of what was sent, so it stays.');
    await removeAttachment(sam, drafted.id);
    expect((await refusal(removeAttachment(outsider, sent.id))).code).toBe('not_found');
    expect((await refusal(removeAttachment(frankie, sent.id))).code).toBe('forbidden');
  });
});
