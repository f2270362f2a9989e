import type { AuditSealDto } from '@/lib/domain/contracts/audit';
import { addDays } from '@/lib/domain/dates';

/**
 * The hash chain's state as cheaply known: the newest sealed day (the daily audit job verifies a day before it
 * seals it). Checking every event is `npm run audit:verify` on the server, minutes for millions of events.
 */
export function ChainStatus({ lastSeal, firstEventDay, todayUtc }: { lastSeal: AuditSealDto | null; firstEventDay: string | null; todayUtc: string }) {
  // Yesterday is sealed a little after midnight UTC: a missing seal is news from the day before yesterday on, and
  // only when the trail has events that old (a new installation has no day to seal yet).
  const yesterday = addDays(todayUtc, -1);
  const stale = firstEventDay !== null && firstEventDay < yesterday && (!lastSeal || lastSeal.day < yesterday);
  return (
    <p
      className={`mb-3 rounded-md border px-3 py-2 text-sm ${stale ? 'border-amber-200 bg-amber-50 text-amber-900' : 'border-slate-200 bg-slate-50 text-slate-700'}`}
      data-testid="audit-chain-status"
    >
      {lastSeal ? (
        <>
          Hash chain: the last sealed day is <strong>{lastSeal.day}</strong> (UTC; {lastSeal.events.toLocaleString('en-US')} events in{' '}
          {lastSeal.chains} chains, root <code title={lastSeal.root}>{lastSeal.root.slice(0, 12)}…</code>).
        </>
      ) : (
        <>Hash chain: no day has been sealed yet{stale ? '.' : ' — the daily audit job seals each UTC day once it has ended and been checked.'}</>
      )}{' '}
      {stale ? 'The daily audit job seals each day after checking it; if yesterday is missing, see the server log. ' : ''}
      Run <code>npm run audit:verify</code> on the server to check every event.
    </p>
  );
}
