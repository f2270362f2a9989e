import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { PAGE_PATH_HEADER, unavailablePageUrl } from '@/lib/domain/unavailable-page';
import { classifyDbError } from './db-errors';

// A server component cannot set its response's status, so a page that meets a database outage sends the browser
// to /unavailable (503 with Retry-After, then back here) instead of rendering the error page with a 500.

/** Redirects to the 503 page when `error` is a database outage; returns (for the caller to rethrow) otherwise. */
export async function redirectIfUnavailable(error: unknown): Promise<void> {
  if (classifyDbError(error)?.code === 'unavailable') redirect(unavailablePageUrl((await headers()).get(PAGE_PATH_HEADER)));
}

/**
 * A page whose own reads answer 503 while the database is down (requireActor covers the session lookup; this,
 * the reads after it). Only what the page awaits itself is covered, not async components it renders.
 */
export function answers503WhenDown<P>(page: (props: P) => Promise<ReactNode>): (props: P) => Promise<ReactNode> {
  return async (props) => {
    try {
      return await page(props);
    } catch (error) {
      await redirectIfUnavailable(error);
      throw error;
    }
  };
}
