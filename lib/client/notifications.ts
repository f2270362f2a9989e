import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkNotificationsReadInput, NotificationListDto } from '@/lib/domain/contracts/notifications';
import { ApiError, fetchJson } from './fetch-json';

export const notificationKeys = {
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
};

/** How often an open page asks for the unread count: new notifications appear without a reload. */
export const UNREAD_POLL_MS = 15_000;

export const unreadCountOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => fetchJson<{ unread: number }>('/api/notifications/unread', { signal }),
    // Hidden tabs do not poll (TanStack's default); a signed-out or expired session stops the polling.
    refetchInterval: (query) => (query.state.error instanceof ApiError && query.state.error.status === 401 ? false : UNREAD_POLL_MS),
    retry: false,
  });

export function useUnreadCount() {
  return useQuery(unreadCountOptions());
}

export function useNotificationList(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => fetchJson<NotificationListDto>('/api/notifications', { signal }),
    enabled,
    staleTime: 0,
  });
}

export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkNotificationsReadInput) =>
      fetchJson<{ marked: number; unread: number }>('/api/notifications/read', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      }),
    onSuccess: ({ unread }) => client.setQueryData(notificationKeys.unread, { unread }),
  });
}
