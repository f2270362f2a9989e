import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { roleMay } from '@/lib/domain/permissions';
import { requirePermission } from '@/lib/server/auth';
import { listCsvSources } from '@/lib/server/imports/list-csv-sources';
import { UploadPanel } from './upload-panel';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Upload remittances' };

export default answers503WhenDown(async function UploadPage() {
  const actor = await requirePermission('import_remits');
  const csvSources = await listCsvSources(actor);
  return (
    <>
      <PageHeader
        title="Upload remittances"
        description="X12 835 files are imported as soon as they arrive; CSV exports first get their columns mapped."
        actions={
          <Button asChild variant="secondary">
            <Link href="/imports">Import history</Link>
          </Button>
        }
      />
      <UploadPanel csvSources={csvSources} canViewQueue={roleMay(actor.role, 'view_queue')} />
    </>
  );
});
