import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PageHeader } from '@/components/ui/page-header';
import { TEMPLATE_CATEGORY, isTemplateCategory } from '@/lib/domain/appeals/template-categories';
import { requirePermission } from '@/lib/server/auth';
import { AppError } from '@/lib/server/errors';
import { getTemplate } from '@/lib/server/templates/get-template';
import { TemplateWorkbench } from './template-workbench';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Letter template' };

export default answers503WhenDown(async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('view_templates');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  let template;
  try {
    template = await getTemplate(actor, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const category = isTemplateCategory(template.category) ? TEMPLATE_CATEGORY[template.category] : null;
  return (
    <>
      <PageHeader title={template.name} description={category ? `${category.label} — ${category.argues}` : template.category} />
      <TemplateWorkbench template={template} />
    </>
  );
});
