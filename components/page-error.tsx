'use client';
import Link from 'next/link';
import { STATUS_LINK, StatusMessage } from '@/components/status-message';

/** What an error boundary shows: a retry, the way home, and the reference an administrator can find in the logs. */
export function PageError({ reset, digest, homeLabel }: { reset: () => void; digest?: string; homeLabel: string }) {
  return (
    <StatusMessage
      title="This page could not be shown"
      actions={
        <>
          <button type="button" onClick={reset} className={STATUS_LINK}>
            Try again
          </button>
          <Link href="/" className={STATUS_LINK}>
            {homeLabel}
          </Link>
        </>
      }
    >
      Something went wrong on our side.
      {digest ? <span className="mt-1 block text-xs text-slate-500">Reference for your administrator: {digest}</span> : null}
    </StatusMessage>
  );
}
