import Link from 'next/link';

/** After an import: exactly the denials that file created, in the queue (its import filter), not a whole view. */
export function NewDenialsLink({ fileId, count }: { fileId: string; count: number }) {
  return (
    <Link className="font-medium text-brand-700 underline-offset-2 hover:underline" href={`/queue?import=${fileId}`}>
      See the {count.toLocaleString('en-US')} new denial{count === 1 ? '' : 's'} in the queue
    </Link>
  );
}
