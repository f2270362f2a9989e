import Link from 'next/link';
import { LetterPreview } from '@/components/letters/letter-preview';
import { Letterhead } from '@/components/letters/letterhead';
import { requirePermission } from '@/lib/server/auth';
import { workspaceOrNotFound } from '../workspace-data';
import { PrintButton } from './print-button';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Appeal letter' };

// The letter as it goes to the payer: the letterhead, then the reviewed text (its date and the payer's appeals
// address are the text's first lines). Printing hides everything else (the app's header, these links).
export default answers503WhenDown(async function PrintableLetterPage({ params }: { params: Promise<{ id: string; appealId: string }> }) {
  const actor = await requirePermission('view_denial');
  const w = await workspaceOrNotFound(actor, params);
  const back = `/denials/${w.denial.id}/appeals/${w.appeal.id}`;
  return (
    <div className="mx-auto max-w-[8.5in] space-y-4 print:max-w-none">
      <div className="flex items-center gap-3 print:hidden">
        <Link href={back} className="text-sm text-brand-700 underline">
          ← Back to the appeal
        </Link>
        {w.letter ? <PrintButton /> : null}
      </div>
      {w.letter ? (
        <div className="space-y-6 bg-white p-[1in] shadow-sm ring-1 ring-slate-200 print:p-0 print:shadow-none print:ring-0">
          <h1 className="sr-only">{w.letter.title}</h1>
          <Letterhead letterhead={w.letterhead} />
          <LetterPreview text={w.letter.body} label="Letter" variant="print" />
        </div>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700">
          This appeal has no letter yet: <Link href={back} className="text-brand-700 underline">draft it from a template</Link>.
        </p>
      )}
    </div>
  );
});
