'use client';
import { PageError } from '@/components/page-error';

// A page under the signed-in shell failed: the shell stays, so the way back is the menu, a retry or home.
export default function ErrorInApp({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError reset={reset} digest={error.digest} homeLabel="Go to your home page" />;
}
