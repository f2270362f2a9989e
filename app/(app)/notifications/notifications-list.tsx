'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { NotificationRow } from '@/components/notifications/notification-bell';
import { useMarkShownRead } from '@/components/notifications/use-mark-shown-read';
import { Button } from '@/components/ui/button';
import { fetchJson } from '@/lib/client/fetch-json';
import { NOTIFICATION_PAGE_SIZE, type NotificationListDto } from '@/lib/domain/contracts/notifications';

/** Every notification, a page at a time (keyset on the id); the ones shown are marked read. */
export function NotificationsList() {
  const pages = useInfiniteQuery({
    queryKey: ['notifications', 'all'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<NotificationListDto>(`/api/notifications?${new URLSearchParams({ limit: String(NOTIFICATION_PAGE_SIZE), ...(pageParam ? { before: pageParam } : {}) })}`, { signal }),
    getNextPageParam: (last) => (last.items.length === NOTIFICATION_PAGE_SIZE ? last.items.at(-1)!.id : null),
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  useMarkShownRead(items);

  if (pages.isPending) return <p className="text-sm text-slate-600">Loading…</p>;
  if (pages.isError) return <p className="text-sm text-red-800">{pages.error.message}</p>;
  if (items.length === 0) return <p className="text-sm text-slate-600">No notifications yet.</p>;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {items.map((n) => (
          <li key={n.id}>
            {n.href ? (
              <Link href={n.href} className="block px-3 py-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600">
                <NotificationRow notification={n} />
              </Link>
            ) : (
              <div className="px-3 py-2">
                <NotificationRow notification={n} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {pages.hasNextPage ? (
        <Button variant="secondary" size="sm" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {pages.isFetchingNextPage ? 'Loading…' : 'Older notifications'}
        </Button>
      ) : null}
    </div>
  );
}
