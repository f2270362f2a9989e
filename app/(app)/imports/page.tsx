import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { roleMay } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/server/auth';
import { listImports, listImportsInput } from '@/lib/server/imports/list-imports';
import { ImportsTable } from './imports-table';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Imports' };

export default answers503WhenDown(async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission('view_imports');
  // A malformed cursor or file id just shows the newest page.
  const input = listImportsInput.safeParse(await searchParams).data ?? {};
  const { rows, nextBefore } = await listImports(actor, input);
  return (
    <>
      <PageHeader
        title="Imports"
        description="Every remittance and CSV export that was uploaded, and every upload that failed, newest first."
        actions={
          <Button asChild>
            <Link href="/imports/upload">Upload</Link>
          </Button>
        }
      />
      {input.file ? (
        <p className="mb-3 text-sm text-slate-700">
          Showing one import.{' '}
          <Link href="/imports" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Show all imports
          </Link>
        </p>
      ) : null}
      <ImportsTable rows={rows} canDownloadRaw={roleMay(actor.role, 'download_raw_file')} canViewQueue={roleMay(actor.role, 'view_queue')} />
      {input.before || nextBefore ? (
        <nav aria-label="Pages" className="mt-3 flex items-center justify-end gap-2">
          {input.before ? (
            <Button asChild variant="secondary" size="sm">
              <Link href="/imports">Newest</Link>
            </Button>
          ) : null}
          {nextBefore ? (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/imports?before=${nextBefore}`}>Older</Link>
            </Button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
});
