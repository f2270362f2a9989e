import { describe, expect, it } from 'vitest';
import { type QueueParams, deadlineRange, parseQueueUrl, queueParamsSchema, queueParamsToSearch } from '@/lib/domain/queue-params';

const parse = (raw: Record<string, string>) => queueParamsSchema.safeParse(raw);

describe('queue URL parameters', () => {
  it('reads lists, codes and amounts from the URL', () => {
    const r = parse({ view: 'team', category: 'bundling,duplicate', carc: ' co50 '.trim(), rarc: 'n115', min: '12.5', owner: 'none', escalated: 'true' });
    expect(r.success && r.data).toEqual({ view: 'team', category: ['bundling', 'duplicate'], carc: 'CO50', rarc: 'N115', min: 1250, owner: 'none', escalated: 'true' });
  });

  it.each([
    ['an unknown view', { view: 'everything' }],
    ['a sort key outside the allow-list', { sort: 'patientName' }],
    ['a category outside the list', { category: 'bundling,nonsense' }],
    ['a status outside the lifecycle', { status: 'closed' }],
    ['SQL in a code', { carc: "50';--" }],
    ['a payer that is not an id', { payer: 'aetna' }],
    ['a negative amount', { min: '-1' }],
    ['a minimum above the maximum', { min: '500', max: '10' }],
    ['an amount with fractions of a cent', { min: '0.001' }],
    ['a page size that is not offered', { limit: '1000' }],
    ['a search with no word of three characters', { q: 'a b' }],
    ['a search with a wildcard', { q: 'smi%' }],
    ['an import that is not an id', { import: 'latest' }],
  ])('refuses %s', (_name, raw) => {
    expect(parse(raw as Record<string, string>).success).toBe(false);
  });

  it('ignores keys it does not know', () => {
    expect(parse({ view: 'mine', utm_source: 'mail' })).toMatchObject({ success: true, data: { view: 'mine' } });
  });

  it('writes back only what differs from the defaults, in a stable order, so equal views share one URL', () => {
    const a = queueParamsToSearch({ view: 'deadlines', sort: 'deadline', due: '7d', payer: ['b', 'a'], limit: 50 }).toString();
    expect(a).toBe('view=deadlines&payer=b%2Ca&due=7d');
    const b = queueParamsToSearch({ limit: 50, payer: ['b', 'a'], due: '7d', sort: 'deadline', view: 'deadlines' }).toString();
    expect(b).toBe(a);
    expect(queueParamsToSearch({ view: 'mine', sort: 'amount', category: [] }).toString()).toBe('view=mine&sort=amount');
  });

  it('reads an import filter and writes it back first among the filters', () => {
    const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(parse({ import: id, q: 'smith' })).toMatchObject({ success: true, data: { import: id } });
    expect(queueParamsToSearch({ q: 'smith', import: id }).toString()).toBe(`import=${id}&q=smith`);
  });

  it('drops an import filter that is not an id, with a notice, and keeps the rest', () => {
    expect(parseQueueUrl({ import: "1' OR '1'='1", view: 'team' })).toEqual({
      params: { view: 'team' },
      dropped: [{ key: 'import', notice: 'Ignored an invalid import filter' }],
    });
  });

  it('round-trips through the URL', () => {
    const params: QueueParams = { view: 'team', sort: 'age', status: ['in_progress', 'appealed'], min: 100_05, q: 'PCN-1' };
    const parsed = parse(Object.fromEntries(queueParamsToSearch(params)));
    expect(parsed.success && parsed.data).toEqual(params);
  });
});

describe('deadline windows', () => {
  const today = '2025-06-02';
  it.each([
    ['missed', { kind: 'range', from: null, to: '2025-06-01' }],
    ['today', { kind: 'range', from: today, to: today }],
    ['7d', { kind: 'range', from: today, to: '2025-06-09' }],
    ['30d', { kind: 'range', from: today, to: '2025-07-02' }],
    ['none', { kind: 'none' }],
  ] as const)('%s counts from today (a deadline today is not missed)', (window, expected) => {
    expect(deadlineRange(window, today)).toEqual(expected);
  });
});

describe('amount filters', () => {
  it.each([
    ['0.3', 30],
    ['4210', 421_000],
    ['$1,250.5', 125_050],
  ])('read %j from the URL as %i cents exactly, never through a float', (min, cents) => {
    expect(parse({ min })).toEqual({ success: true, data: { min: cents } });
  });

  it.each(['1.005', '1e3', 'abc', '100,000,000.01'])('refuse %j', (min) => {
    expect(parse({ min }).success).toBe(false);
  });

  it('are written back to the URL as dollars', () => {
    expect(queueParamsToSearch({ min: 30, max: 421_000 }).toString()).toBe('min=0.30&max=4210');
  });
});

describe('a queue URL read for a person (parseQueueUrl)', () => {
  it('keeps every valid parameter and drops nothing', () => {
    expect(parseQueueUrl({ view: 'team', status: 'new,appealed', q: '  josé   núñez ' })).toEqual({
      params: { view: 'team', status: ['new', 'appealed'], q: 'josé núñez' },
      dropped: [],
    });
  });

  it('drops an unknown status with a short notice, not the validation text', () => {
    expect(parseQueueUrl({ status: 'bogus', view: 'team' })).toEqual({
      params: { view: 'team' },
      dropped: [{ key: 'status', notice: 'Ignored an unknown status filter' }],
    });
  });

  it('keeps the known values of a list and drops the unknown ones', () => {
    expect(parseQueueUrl({ category: 'bundling,nonsense' })).toEqual({
      params: { category: ['bundling'] },
      dropped: [{ key: 'category', notice: 'Ignored an unknown category filter' }],
    });
  });

  it.each([
    [{ view: 'everything' }, 'Ignored an unknown queue view'],
    [{ sort: 'patientName' }, 'Ignored an unknown sort order'],
    [{ payer: 'aetna' }, 'Ignored an unknown payer filter'],
    [{ carc: "50';--" }, 'Ignored an invalid CARC filter'],
    [{ min: '-1' }, 'Ignored an invalid minimum amount'],
    [{ limit: '1000' }, 'Ignored an unsupported page size'],
    [{ due: 'someday' }, 'Ignored an unknown deadline filter'],
    [{ q: 'jo' }, 'Ignored a search that cannot be run: a search needs a word of at least 3 letters or digits'],
    [{ min: '500', max: '10' }, 'Ignored an amount range whose minimum is above its maximum'],
  ])('drops %j: "%s"', (raw, notice) => {
    const { params, dropped } = parseQueueUrl(raw as Record<string, string>);
    expect(params).toEqual({});
    expect(dropped.map((d) => d.notice)).toEqual([notice]);
  });

  it('gives one notice per dropped parameter and keeps the rest', () => {
    const { params, dropped } = parseQueueUrl({ view: 'bogus', status: 'bogus', escalated: 'true' });
    expect(params).toEqual({ escalated: 'true' });
    expect(dropped.map((d) => d.key)).toEqual(['view', 'status']);
  });
});
