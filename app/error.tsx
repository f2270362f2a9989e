'use client';
import { PageError } from '@/components/page-error';

// A page outside the signed-in shell (sign-in, forbidden) failed.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <PageError reset={reset} digest={error.digest} homeLabel="Go to Overturn" />
    </main>
  );
}
