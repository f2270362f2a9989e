import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChainStatus } from '@/app/(app)/admin/audit/chain-status';

const seal = { day: '2026-12-06', root: 'ab'.repeat(32), events: 12345, chains: 7 };
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the audit page’s chain status', () => {
  it('names the newest sealed day, its events and the start of its root', () => {
    const html = renderToStaticMarkup(createElement(ChainStatus, { lastSeal: seal, firstEventDay: '2026-11-01', todayUtc: '2026-12-07' }));
    expect(text(html)).toContain('the last sealed day is 2026-12-06 (UTC; 12,345 events in 7 chains, root abababababab…)');
    expect(html).not.toContain('amber');
    expect(text(html)).toContain('npm run audit:verify');
  });

  it('warns when yesterday is not sealed, or nothing ever was', () => {
    const late = renderToStaticMarkup(createElement(ChainStatus, { lastSeal: seal, firstEventDay: '2026-11-01', todayUtc: '2026-12-09' }));
    expect(late).toContain('amber');
    expect(text(late)).toContain('if yesterday is missing, see the server log');
    const never = renderToStaticMarkup(createElement(ChainStatus, { lastSeal: null, firstEventDay: '2026-12-01', todayUtc: '2026-12-09' }));
    expect(text(never)).toContain('no day has been sealed yet');
    expect(never).toContain('amber');
  });

  it('does not warn a new installation whose trail began yesterday or today: there is no day to seal yet', () => {
    for (const firstEventDay of ['2026-12-08', '2026-12-09', null]) {
      const fresh = renderToStaticMarkup(createElement(ChainStatus, { lastSeal: null, firstEventDay, todayUtc: '2026-12-09' }));
      expect(fresh).not.toContain('amber');
      expect(text(fresh)).toContain('no day has been sealed yet — the daily audit job seals each UTC day once it has ended and been checked.');
    }
  });
});
