'use client';
import { useEffect, useRef } from 'react';
import { useMarkNotificationsRead } from '@/lib/client/notifications';
import type { NotificationDto } from '@/lib/domain/contracts/notifications';

/** Marks the unread notifications on screen as read, each once per page life (a re-render asks nothing again). */
export function useMarkShownRead(shown: readonly NotificationDto[] | undefined): void {
  const { mutate } = useMarkNotificationsRead();
  const sent = useRef(new Set<string>());
  const key = (shown ?? []).filter((n) => !n.read).map((n) => n.id).join(',');
  useEffect(() => {
    const batch = key ? key.split(',').filter((id) => !sent.current.has(id)) : [];
    if (batch.length === 0) return;
    for (const id of batch) sent.current.add(id);
    mutate({ ids: batch });
  }, [key, mutate]);
}
