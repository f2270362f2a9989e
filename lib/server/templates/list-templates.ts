import 'server-only';
import { TEMPLATE_CATEGORIES } from '@/lib/domain/appeals/template-categories';
import type { TemplateSummaryDto } from '@/lib/domain/contracts/templates';
import { type Actor, can } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';
import { summaryDto, withCurrent } from './template-dto';

/**
 * Every template, in the categories' order then by name (archived ones too: the screen shows them apart), and
 * whether the viewer may edit them. Whoever works denials reads templates; letters are drafted from them.
 */
export async function listTemplates(actor: Actor): Promise<{ templates: TemplateSummaryDto[]; canEdit: boolean }> {
  authorize(actor, 'view_templates', undefined, 'Your role does not use letter templates.');
  const rows = await db.letterTemplate.findMany({ include: withCurrent, orderBy: { name: 'asc' } });
  const rank = (category: string) => (TEMPLATE_CATEGORIES as readonly string[]).indexOf(category);
  const templates = rows.map(summaryDto).sort((a, b) => rank(a.category) - rank(b.category));
  return { templates, canEdit: can(actor, 'manage_templates') };
}
