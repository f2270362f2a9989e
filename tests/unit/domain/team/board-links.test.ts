import { describe, expect, it } from 'vitest';
import { parseQueueUrl } from '@/lib/domain/queue-params';
import { BOARD_MEASURES, boardCounts, boardLink } from '@/lib/domain/team/board-links';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const query = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);

describe('board links', () => {
  it('opens every team’s queue with the group and the measure as filters', () => {
    expect(boardLink({ kind: 'person', id: ID }, 'followUpsOverdue')).toBe(`/queue?view=all&owner=${ID}&follow=overdue`);
    expect(boardLink({ kind: 'pool' }, 'missed')).toBe('/queue?view=all&due=missed&owner=none');
    expect(boardLink({ kind: 'payer', id: ID }, 'inWindow')).toBe(`/queue?view=all&payer=${ID}&due=window`);
    expect(boardLink({ kind: 'category', category: 'timely_filing' }, 'atRisk')).toBe('/queue?view=all&category=timely_filing&risk=at_risk');
    expect(boardLink({ kind: 'all' }, 'escalations')).toBe('/queue?view=all&escalation=open');
  });

  it('counts a person’s worked denials by author, not by owner', () => {
    expect(boardLink({ kind: 'person', id: ID }, 'workedToday')).toBe(`/queue?view=all&worked=today&by=${ID}`);
    expect(boardLink({ kind: 'payer', id: ID }, 'workedWeek')).toBe(`/queue?view=all&payer=${ID}&worked=7d`);
    expect(boardCounts({ kind: 'pool' }, 'workedToday')).toBe(false);
    expect(boardCounts({ kind: 'pool' }, 'open')).toBe(true);
  });

  it('makes links the queue reads without dropping anything', () => {
    for (const measure of BOARD_MEASURES) {
      for (const group of [{ kind: 'person', id: ID }, { kind: 'pool' }, { kind: 'payer', id: ID }, { kind: 'category', category: 'duplicate' }, { kind: 'all' }] as const) {
        if (!boardCounts(group, measure)) continue;
        expect(parseQueueUrl(query(boardLink(group, measure))).dropped).toEqual([]);
      }
    }
  });
});
