import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { CodeMappingAdmin } from './code-mapping-admin';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Code mappings' };

export default answers503WhenDown(async function CodeMappingsPage() {
  await requirePermission('manage_code_mappings');
  return (
    <>
      <PageHeader
        title="Code mappings"
        description="How a group code, CARC and remark code are classified: root-cause category, responsible department, avoidable, and whether it is a denial at all. Your changes override the shipped mapping for new imports and re-classify the open denials they touch; closed denials keep the classification they were resolved under."
      />
      <CodeMappingAdmin />
    </>
  );
});
