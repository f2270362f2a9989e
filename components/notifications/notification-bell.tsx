'use client';
import * as Menu from '@radix-ui/react-dropdown-menu';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useMarkShownRead } from './use-mark-shown-read';
import { useNotificationList, useUnreadCount } from '@/lib/client/notifications';
import type { NotificationDto } from '@/lib/domain/contracts/notifications';
import { timeAgo } from '@/lib/client/time-ago';
import { NOTIFICATION_KIND_LABEL } from './notification-kinds';
import { cn } from '../ui/cn';

/**
 * The bell: the unread count, polled while the page is open, and on open the latest notifications, marked read
 * as they are shown. Arrow keys move through them, Enter opens one, Escape closes the list.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const unread = useUnreadCount().data?.unread ?? 0;
  const list = useNotificationList(open);
  // Opening the list is reading it: what it shows unread is marked read once it has arrived (the rows keep their
  // "New" tag until the list is opened again). Something new arriving while it is open is fetched and shown.
  useMarkShownRead(open ? list.data?.items : undefined);
  const { refetch } = list;
  useEffect(() => {
    if (open && unread > 0) void refetch();
  }, [open, unread, refetch]);

  const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`;
  return (
    <Menu.Root open={open} onOpenChange={setOpen}>
      <Menu.Trigger
        aria-label={label}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <BellIcon />
        {unread > 0 ? (
          <span aria-hidden className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-700 px-1 text-center text-[11px] leading-4 font-semibold text-white" data-testid="unread-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-40 w-[400px] rounded-md border border-slate-200 bg-white text-sm shadow-lg" aria-label="Notifications">
          <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
            <span className="font-semibold text-slate-800">Notifications</span>
            <Menu.Item asChild className="rounded px-1 text-xs font-medium text-brand-700 outline-none data-highlighted:bg-brand-50 data-highlighted:underline">
              <Link href="/notifications">See all</Link>
            </Menu.Item>
          </div>
          <div className="max-h-[60vh] overflow-y-auto p-1">
            {list.isPending ? <p className="px-2 py-3 text-slate-600">Loading…</p> : null}
            {list.isError ? <p className="px-2 py-3 text-red-800">{list.error.message}</p> : null}
            {list.data && list.data.items.length === 0 ? <p className="px-2 py-3 text-slate-600">Nothing yet. Assignments, escalations, approvals and payments on your denials show up here.</p> : null}
            {list.data?.items.map((n) => (
              <Menu.Item
                key={n.id}
                onSelect={() => n.href && router.push(n.href)}
                className="block cursor-pointer rounded px-2 py-2 outline-none data-highlighted:bg-slate-100"
              >
                <NotificationRow notification={n} />
              </Menu.Item>
            ))}
          </div>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

export function NotificationRow({ notification: n }: { notification: NotificationDto }) {
  return (
    <div className="flex gap-2" data-testid="notification">
      <span aria-hidden className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.read ? 'bg-transparent' : 'bg-brand-600')} />
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <span className="text-xs font-medium tracking-wide text-slate-600 uppercase">
            {NOTIFICATION_KIND_LABEL[n.kind]}
            {n.read ? null : <span className="ml-1.5 rounded bg-brand-50 px-1 text-brand-800 normal-case">New</span>}
          </span>
          <time dateTime={n.createdAt} title={n.createdAt} className="shrink-0 text-xs text-slate-600">
            {timeAgo(n.createdAt)}
          </time>
        </div>
        <p className={cn('mt-0.5 text-slate-800', n.read ? '' : 'font-semibold')}>{n.title}</p>
        {n.body ? <p className="mt-0.5 line-clamp-2 text-slate-600">{n.body}</p> : null}
        {n.actorName ? <p className="mt-0.5 text-xs text-slate-600">by {n.actorName}</p> : null}
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-5">
      <path d="M10 2a5 5 0 0 0-5 5v2.6c0 .5-.2 1-.5 1.4L3.3 12.6A1 1 0 0 0 4.1 14h11.8a1 1 0 0 0 .8-1.4L15.5 11a2.3 2.3 0 0 1-.5-1.4V7a5 5 0 0 0-5-5Zm-2 13a2 2 0 0 0 4 0H8Z" />
    </svg>
  );
}
