import Link from 'next/link';
import { LocalTime } from '@/components/local-time';
import { BoardTable, type BoardTableRow } from '@/components/team/board-table';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { queueParamsToSearch } from '@/lib/domain/queue-params';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { teamBoard } from '@/lib/server/team/team-board';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Team board' };

/** Every open denial in reach flagged by a code-mapping change, whoever owns it. */
const flaggedQuery = queueParamsToSearch({ view: 'all', review: 'flagged' }).toString();

// The manager's home: read once per visit, every number a link into the queue (docs/decisions/0009: a server
// component, no client state). Reassigning and escalations live on their own pages.
export default answers503WhenDown(async function TeamBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('view_team_board');
  // "Refresh" counts again; otherwise a count from the last few seconds is shown (board-memo.ts).
  const board = await teamBoard(actor, todayIso(), { fresh: (await searchParams).fresh === '1' });
  const people: BoardTableRow[] = board.people.map((p) => ({
    key: p.id,
    group: { kind: 'person', id: p.id },
    spokenName: p.name,
    name: (
      <span className="flex items-center gap-1.5">
        <span className="truncate">{p.name}</span>
        {p.role === 'manager' ? <Badge>manager</Badge> : null}
        {!p.member ? <Badge tone="info">other team</Badge> : null}
      </span>
    ),
    counts: p,
    action: (
      <Link href={`/team/move?from=${p.id}`} aria-label={`Move work from ${p.name}…`} className="text-xs font-medium text-brand-700 underline-offset-2 hover:underline">
        Move work…
      </Link>
    ),
  }));
  people.push({ key: 'pool', group: { kind: 'pool' }, spokenName: 'unassigned', name: <span className="italic text-slate-700">Unassigned</span>, counts: board.pool });
  const total: BoardTableRow = { key: 'total', group: { kind: 'all' }, spokenName: 'everyone', name: 'Total', counts: board.total };
  return (
    <>
      <PageHeader
        title="Team board"
        description={
          <>
            {board.scope === 'organisation' ? 'Every team’s open denials' : 'Your team’s open denials and the shared pool'}. At risk: the deadline
            falls before the owner’s follow-up, or nobody has touched it in {board.untouchedDays} days. Worked: denials someone wrote on
            (a note, status, follow-up, assignment…), closed ones included. Every number opens those denials in the queue.
          </>
        }
        actions={
          <>
            <span className="text-xs whitespace-nowrap text-slate-600">
              Counted <LocalTime iso={board.countedAt} />
            </span>
            <Button asChild variant="ghost" size="sm">
              <Link href="/team?fresh=1">Refresh</Link>
            </Button>
            {board.flagged > 0 ? (
              <Button asChild variant="secondary" size="sm">
                <Link href={`/queue?${flaggedQuery}`} className="whitespace-nowrap" title="A code-mapping change made these denials' codes no longer a denial: close or keep each one.">
                  Flagged for review ({board.flagged.toLocaleString('en-US')})
                </Link>
              </Button>
            ) : null}
            <Button asChild variant="secondary" size="sm">
              <Link href="/escalations" className="whitespace-nowrap">
                Escalations ({board.total.escalations.toLocaleString('en-US')} waiting)
              </Link>
            </Button>
          </>
        }
      />
      <section aria-labelledby="board-people" className="mb-5">
        <h2 id="board-people" className="mb-1.5 text-sm font-semibold text-slate-800">
          By person
        </h2>
        <BoardTable label="Work by person" nameHeader="Person" rows={people} total={total} withAction />
      </section>
      <section aria-labelledby="board-payers" className="mb-5">
        <h2 id="board-payers" className="mb-1.5 text-sm font-semibold text-slate-800">
          By payer
        </h2>
        <BoardTable label="Work by payer" nameHeader="Payer" rows={board.payers.map((p) => ({ key: p.id, group: { kind: 'payer', id: p.id }, spokenName: p.name, name: p.name, counts: p }))} />
      </section>
      <section aria-labelledby="board-categories">
        <h2 id="board-categories" className="mb-1.5 text-sm font-semibold text-slate-800">
          By category
        </h2>
        <BoardTable
          label="Work by category"
          nameHeader="Category"
          rows={board.categories.map((c) => ({ key: c.category, group: { kind: 'category', category: c.category }, spokenName: c.label, name: c.label, counts: c }))}
        />
      </section>
    </>
  );
});
