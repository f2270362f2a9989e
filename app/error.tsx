'use client';
import Link from 'next/link';
import { STATUS_LINK, StatusMessage } from '@/components/status-message';

// A page outside the signed-in shell (sign-in, forbidden) failed.
export default function RootError({ reset }: { reset: () => void }) {
  return (
    <main>
      <StatusMessage
        title="This page could not be shown"
        actions={
          <>
            <button type="button" onClick={reset} className={STATUS_LINK}>
              Try again
            </button>
            <Link href="/" className={STATUS_LINK}>
              Go to Overturn
            </Link>
          </>
        }
      >
        Something went wrong on our side.
      </StatusMessage>
    </main>
  );
}
