'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { FollowUpDialog } from '@/components/denials/follow-up-dialog';
import { NoteDialog } from '@/components/denials/note-dialog';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/client/fetch-json';
import { denialKeys, useQueuePage } from '@/lib/client/denials';
import { notify } from '@/lib/client/notices';
import type { QueuePageDto, QueueRowDto } from '@/lib/domain/contracts/denials';
import type { QueueParams } from '@/lib/domain/queue-params';
import { useDenialActions } from '../denials/use-denial-actions';
import { BulkBar } from './bulk-bar';
import { EmptyQueue } from './empty-queue';
import { QueueTable } from './queue-table';
import type { QueueContext } from './queue-screen';
import { useQueueKeyboard } from './use-queue-keyboard';

type DialogState = { kind: 'follow_up' | 'note'; row: QueueRowDto } | { kind: 'bulk_follow_up' } | null;

const subjectOf = (row: QueueRowDto) => `${row.patientName ?? 'Unknown patient'} · claim ${row.patientControlNumber} · ${row.payer.name}`;

/**
 * Where "Previous" goes from a page: keyset cursors only lead forward, so the page before is remembered as pages
 * are turned in this tab. A page opened straight from a URL (a reload, a bookmark) goes back to the first page.
 */
const previousPage = new Map<string, string | null>();
const pageKey = (search: string, cursor: string | null) => `${search}\u0000${cursor ?? ''}`;

/** One view of the queue: its page (the URL's keyset cursor), the active row, the selection and the actions on them. */
export function QueueBody({
  search,
  cursor,
  turnPage,
  params,
  ctx,
}: {
  search: string;
  cursor: string | null;
  turnPage: (cursor: string | null) => void;
  params: QueueParams;
  ctx: QueueContext;
}) {
  const router = useRouter();
  const qc = useQueryClient();
  const query = useQueuePage(search, cursor);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const [dialog, setDialog] = useState<DialogState>(null);
  const actions = useDenialActions(ctx.me);

  const page = query.data;
  const rows = useMemo(() => page?.rows ?? [], [page]);
  const total = qc.getQueryData<QueuePageDto>(denialKeys.queuePage(search, null))?.total ?? null;
  const activeRow = rows[Math.min(active, rows.length - 1)];

  const assignToMe = (row: QueueRowDto) => {
    if (row.outcome) return notify('This denial is closed: there is nothing to assign.');
    if (row.owner?.id === ctx.me.id) return notify('Already assigned to you.');
    if (row.owner && !ctx.options.viewer.canReassign) return notify(`Assigned to ${row.owner.name}: ask a manager to reassign it.`, 'error');
    actions.assign.mutate({ id: row.id, version: row.version, input: { assignee: 'me' } });
  };
  const toggle = (row: QueueRowDto) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.version);
      return next;
    });

  useQueueKeyboard({
    enabled: dialog === null,
    count: rows.length,
    active,
    setActive,
    open: () => activeRow && router.push(`/denials/${activeRow.id}`),
    assign: () => activeRow && assignToMe(activeRow),
    followUp: () => activeRow && setDialog({ kind: 'follow_up', row: activeRow }),
    note: () => activeRow && setDialog({ kind: 'note', row: activeRow }),
    select: () => activeRow && toggle(activeRow),
    clear: () => setSelected(new Map()),
  });

  const goto = (to: string | null) => {
    setActive(0);
    turnPage(to);
  };
  const goNext = (next: string) => {
    previousPage.set(pageKey(search, next), cursor);
    goto(next);
  };
  const previous = cursor === null ? undefined : previousPage.get(pageKey(search, cursor));
  const pageNumber = page?.page ?? 1;
  const size = params.limit ?? 50;
  const items = () => [...selected].map(([id, version]) => ({ id, version }));

  if (query.error) {
    const forbidden = query.error instanceof ApiError && query.error.status === 403;
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {forbidden ? query.error.message : `The queue could not be loaded: ${query.error.message}`}{' '}
        {cursor ? (
          <button type="button" className="font-medium underline" onClick={() => goto(null)}>
            Go to the first page
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <div className="space-y-2">
      {selected.size > 0 ? (
        <BulkBar
          count={selected.size}
          totalCents={rows.filter((r) => selected.has(r.id)).reduce((sum, r) => sum + r.deniedCents, 0)}
          owners={rows.filter((r) => selected.has(r.id)).map((r) => r.owner?.id ?? null)}
          ctx={ctx}
          pending={actions.bulk.isPending}
          onClear={() => setSelected(new Map())}
          onAssign={(assignee, label, reason) =>
            actions.bulk.mutate({ items: items(), change: { kind: 'assign', assignee, reason }, label }, { onSuccess: () => setSelected(new Map()) })
          }
          onStatus={(to, label) => actions.bulk.mutate({ items: items(), change: { kind: 'status', to }, label }, { onSuccess: () => setSelected(new Map()) })}
          onFollowUp={() => setDialog({ kind: 'bulk_follow_up' })}
        />
      ) : null}
      {rows.length === 0 && !query.isPending ? (
        <EmptyQueue view={params.view} filtered={Object.keys(params).some((k) => k !== 'view' && k !== 'sort')} />
      ) : (
        <QueueTable
          rows={rows}
          today={ctx.today}
          codes={page?.codes ?? { carc: {}, rarc: {} }}
          active={active}
          selected={selected}
          loading={query.isFetching}
          onActivate={setActive}
          onToggle={toggle}
          onToggleAll={(on) => setSelected(on ? new Map(rows.map((r) => [r.id, r.version])) : new Map())}
          onOpen={(row) => router.push(`/denials/${row.id}`)}
        />
      )}
      <div className="flex items-center justify-between text-xs text-slate-600">
        <span aria-live="polite">
          {rows.length > 0
            ? `Page ${pageNumber} · ${(pageNumber - 1) * size + 1}–${(pageNumber - 1) * size + rows.length}`
            : ''}
          {total ? ` of ${total.estimated ? 'about ' : ''}${total.count.toLocaleString('en-US')}${total.capped ? '+' : ''}` : ''}
          {query.isFetching ? ' · updating…' : ''}
        </span>
        <span className="flex gap-1.5">
          <Button variant="secondary" size="sm" disabled={cursor === null} onClick={() => goto(previous ?? null)}>
            {cursor !== null && previous === undefined ? '← First page' : '← Previous'}
          </Button>
          <Button variant="secondary" size="sm" disabled={!page?.nextCursor || query.isPlaceholderData} onClick={() => page?.nextCursor && goNext(page.nextCursor)}>
            Next →
          </Button>
        </span>
      </div>

      {dialog?.kind === 'follow_up' ? (
        <FollowUpDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          today={ctx.today}
          current={dialog.row.followUpDate}
          subject={subjectOf(dialog.row)}
          onSubmit={(date) => actions.followUp.mutate({ id: dialog.row.id, version: dialog.row.version, input: { date } })}
        />
      ) : null}
      {dialog?.kind === 'note' ? (
        <NoteDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          subject={subjectOf(dialog.row)}
          onSubmit={(note) => actions.note.mutate({ id: dialog.row.id, version: dialog.row.version, input: { note } })}
        />
      ) : null}
      {dialog?.kind === 'bulk_follow_up' ? (
        <FollowUpDialog
          open
          onOpenChange={(o) => !o && setDialog(null)}
          today={ctx.today}
          current={null}
          subject={`${selected.size} selected denials`}
          onSubmit={(date) =>
            actions.bulk.mutate({ items: items(), change: { kind: 'follow_up', date }, label: 'Follow-up' }, { onSuccess: () => setSelected(new Map()) })
          }
        />
      ) : null}
    </div>
  );
}
