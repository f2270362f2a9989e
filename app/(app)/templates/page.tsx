import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/local-time';
import { PageHeader } from '@/components/ui/page-header';
import { TEMPLATE_CATEGORIES, TEMPLATE_CATEGORY } from '@/lib/domain/appeals/template-categories';
import { versionAuthor } from '@/lib/domain/contracts/templates';
import { requirePermission } from '@/lib/server/auth';
import { listTemplates } from '@/lib/server/templates/list-templates';
import { NewTemplateForm } from './new-template-form';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Letter templates' };

export default answers503WhenDown(async function TemplatesPage() {
  const actor = await requirePermission('view_templates');
  const { templates, canEdit } = await listTemplates(actor);
  return (
    <>
      <PageHeader
        title="Letter templates"
        description={canEdit ? 'Appeal letters start from these. Each save is a new version; letters keep the version they came from.' : 'Appeal letters start from these. Managers edit them.'}
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_300px]">
        <div className="space-y-3">
          {TEMPLATE_CATEGORIES.map((category) => {
            const inCategory = templates.filter((t) => t.category === category);
            return (
              <Card key={category} role="region" aria-label={TEMPLATE_CATEGORY[category].label}>
                <div className="border-b border-slate-200 px-4 py-2">
                  <h2 className="text-sm font-semibold text-slate-900">{TEMPLATE_CATEGORY[category].label}</h2>
                  <p className="text-xs text-slate-600">{TEMPLATE_CATEGORY[category].argues}</p>
                </div>
                {inCategory.length === 0 ? <p className="px-4 py-2 text-xs text-slate-500">No template yet.</p> : null}
                <ul className="divide-y divide-slate-100">
                  {inCategory.map((t) => (
                    <li key={t.id} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
                      <Link href={`/templates/${t.id}`} className="font-medium text-brand-700 hover:underline">
                        {t.name}
                      </Link>
                      <Badge>v{t.currentVersion}</Badge>
                      {t.archived ? <Badge tone="warning">archived</Badge> : null}
                      <span className="ml-auto text-xs text-slate-500">
                        {versionAuthor(t.updatedBy)} · <LocalTime iso={t.updatedAt} />
                      </span>
                    </li>
                  ))}
                </ul>
              </Card>
            );
          })}
        </div>
        {canEdit ? <NewTemplateForm /> : null}
      </div>
    </>
  );
});
