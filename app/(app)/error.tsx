'use client';
import Link from 'next/link';
import { STATUS_LINK, StatusMessage } from '@/components/status-message';

// A page under the signed-in shell failed: the shell stays, so the way back is the menu, a retry or home.
export default function ErrorInApp({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusMessage
      title="This page could not be shown"
      actions={
        <>
          <button type="button" onClick={reset} className={STATUS_LINK}>
            Try again
          </button>
          <Link href="/" className={STATUS_LINK}>
            Go to your home page
          </Link>
        </>
      }
    >
      Something went wrong on our side; nothing you entered was lost by it.
      {error.digest ? <span className="mt-1 block text-xs text-slate-500">Reference for your administrator: {error.digest}</span> : null}
    </StatusMessage>
  );
}
