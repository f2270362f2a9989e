import Link from 'next/link';
import { Button } from './button';

// The pieces every server-rendered, keyset-paged list shares (appeals awaiting decision, escalations): its GET
// filter form's Apply and Clear, the message when a page link went bad, and the First / Next page links.

/** Apply and, once something is filtered, a link back to the unfiltered list. */
export function FilterActions({ filtered, clearHref }: { filtered: boolean; clearHref: string }) {
  return (
    <>
      <Button type="submit" size="sm" className="mb-0.5">
        Apply
      </Button>
      {filtered ? (
        <Link href={clearHref} className="mb-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </>
  );
}

/** A refused read (a page link that is not valid): the reason and the way back to the first page. */
export function ListProblem({ message, firstHref }: { message: string | null; firstHref: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-3 text-sm text-red-700">
      {message}{' '}
      <Link href={firstHref} className="font-medium underline">
        First page
      </Link>
    </p>
  );
}

/** First page (when on a later one) and Next page (when there is one). */
export function KeysetPages({ onLaterPage, firstHref, nextHref }: { onLaterPage: boolean; firstHref: string; nextHref: string | null }) {
  if (!onLaterPage && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-end gap-2">
      {onLaterPage ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={firstHref}>First page</Link>
        </Button>
      ) : null}
      {nextHref ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={nextHref}>Next page</Link>
        </Button>
      ) : null}
    </nav>
  );
}
