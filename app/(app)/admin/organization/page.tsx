import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { getOrganization } from '@/lib/server/organization/read-organization';
import { OrganizationForm } from './organization-form';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Organisation' };

export default answers503WhenDown(async function OrganizationPage() {
  const actor = await requirePermission('manage_organization');
  const organization = await getOrganization(actor);
  return (
    <>
      <PageHeader title="Organisation" description="The letterhead every appeal letter prints: who you are, where you are, your NPI and TIN, and whom payers should contact." />
      <OrganizationForm organization={organization} />
    </>
  );
});
