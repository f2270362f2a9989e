'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A timestamp in the reader's own time zone. The server renders UTC (it cannot know the zone); the browser
 * swaps in local time after hydration, without a mismatch warning.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const local = useSyncExternalStore(
    subscribe,
    () => format(iso, undefined),
    () => `${format(iso, 'UTC')} UTC`,
  );
  return (
    <time dateTime={iso} className={className} title={iso}>
      {local}
    </time>
  );
}

function format(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}
