import { describe, expect, it } from 'vitest';
import { acceptedRequestId, logRecord, routeName } from '@/lib/domain/logging/log-record';

const NOW = new Date('2026-12-07T00:00:00.000Z');
const ACTOR = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('logRecord', () => {
  it('keeps the allowlisted fields', () => {
    expect(logRecord('info', 'request', { route: 'GET /api/denials/:id', status: 200, durationMs: 12.345, requestId: 'abc-123', actorId: ACTOR }, NOW)).toEqual({
      level: 'info',
      time: '2026-12-07T00:00:00.000Z',
      msg: 'request',
      route: 'GET /api/denials/:id',
      status: 200,
      durationMs: 12.3,
      requestId: 'abc-123',
      actorId: ACTOR,
    });
  });

  it('keeps a job’s name and id, and drops an id that is not a UUID', () => {
    expect(logRecord('info', 'job', { job: 'sla-check', jobId: ACTOR, count: 3 }, NOW)).toMatchObject({ job: 'sla-check', jobId: ACTOR, count: 3 });
    expect(logRecord('info', 'job', { job: 'sla-check', jobId: 'CLM-0042' }, NOW)).not.toHaveProperty('jobId');
  });

  it('keeps a page’s route pattern as Next names it', () => {
    expect(logRecord('error', 'request', { route: 'GET /(app)/denials/[id]', action: 'render' }, NOW)).toMatchObject({ route: 'GET /(app)/denials/[id]', action: 'render' });
  });

  it('drops fields it does not know, whatever they hold', () => {
    const fields = { status: 500, patientName: 'Jane Doe', memberId: 'W123456789', payerClaimNumber: 'CLM-0042', body: { note: 'diabetic' } };
    const line = JSON.stringify(logRecord('error', 'request', fields as never, NOW));
    expect(line).not.toMatch(/Jane|W123456789|CLM-0042|diabetic|patientName|memberId|body/);
    expect(JSON.parse(line)).toMatchObject({ status: 500 });
  });

  it('drops free text passed as an identifier, and an actor that is not an id', () => {
    const record = logRecord('info', 'Jane Doe, DOB 1970-01-01, asked "why?"', { route: 'note: patient is pregnant; call back', actorId: 'jane@example.org', requestId: 'a b c' }, NOW);
    expect(record).toEqual({ level: 'info', time: NOW.toISOString(), msg: 'log' });
  });

  it('keeps an error’s class, SQLSTATE and frames but never its message', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint: Key ("payerClaimNumber")=(CLM-0042) already exists'), { code: '23505', detail: 'Key (x)=(CLM-0042)' });
    const record = logRecord('error', 'request', { error }, NOW);
    expect(record).toMatchObject({ errorType: 'Error', errorCode: '23505' });
    expect(record.stack).toEqual(expect.arrayContaining([expect.stringMatching(/^at /)]));
    expect(JSON.stringify(record)).not.toMatch(/CLM-0042|duplicate key/);
  });

  it('names a thrown non-error by its type only', () => {
    expect(logRecord('error', 'job', { job: 'sla-check', error: 'Jane Doe' }, NOW)).toEqual({ level: 'error', time: NOW.toISOString(), msg: 'job', job: 'sla-check', errorType: 'string' });
  });
});

describe('routeName', () => {
  it('replaces ids so a line names the route, not the record', () => {
    expect(routeName('get', `/api/denials/${ACTOR}/attachments`)).toBe('GET /api/denials/:id/attachments');
    expect(routeName('POST', '/api/imports/42')).toBe('POST /api/imports/:id');
  });
});

describe('acceptedRequestId', () => {
  it('takes a balancer’s id only when it looks like one', () => {
    expect(acceptedRequestId('f3c1e0a2-7b9d-4c1e-8f00-123456789abc')).toBe('f3c1e0a2-7b9d-4c1e-8f00-123456789abc');
    expect(acceptedRequestId('<script>')).toBeUndefined();
    expect(acceptedRequestId('x'.repeat(101))).toBeUndefined();
    expect(acceptedRequestId(null)).toBeUndefined();
  });
});
