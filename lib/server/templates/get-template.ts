import 'server-only';
import type { TemplateDetailDto } from '@/lib/domain/contracts/templates';
import { type Actor, can } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';
import { AppError } from '../errors';
import { summaryDto, versionDto } from './template-dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One template with every version (newest first) and whether the viewer may edit it; 404 for an unknown id. */
export async function getTemplate(actor: Actor, id: string): Promise<TemplateDetailDto> {
  authorize(actor, 'view_templates', undefined, 'Your role does not use letter templates.');
  const row = UUID.test(id)
    ? await db.letterTemplate.findUnique({
        where: { id },
        include: { versions: { orderBy: { version: 'desc' }, include: { createdBy: { select: { name: true } } } } },
      })
    : null;
  if (!row) throw new AppError('not_found', 'This template does not exist.');
  return { ...summaryDto(row), versions: row.versions.map(versionDto), canEdit: can(actor, 'manage_templates') };
}
