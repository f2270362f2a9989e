import 'server-only';
import type { TemplateCategory } from '@/lib/domain/appeals/template-categories';
import type { TemplateSummaryDto, TemplateVersionDto } from '@/lib/domain/contracts/templates';
import type { Prisma } from '@/lib/generated/prisma/client';

/** A template row with its current version and that version's author, as the list and the detail read it. */
export const withCurrent = {
  versions: { orderBy: { version: 'desc' }, take: 1, include: { createdBy: { select: { name: true } } } },
} satisfies Prisma.LetterTemplateInclude;

type Row = Prisma.LetterTemplateGetPayload<{ include: typeof withCurrent }>;

export function summaryDto(row: Row): TemplateSummaryDto {
  const current = row.versions.find((v) => v.version === row.currentVersion) ?? row.versions[0];
  return {
    id: row.id,
    // Checked against the vocabulary on every write.
    category: row.category as TemplateCategory,
    name: row.name,
    archived: row.archived,
    currentVersion: row.currentVersion,
    version: row.version,
    updatedAt: (current?.createdAt ?? row.createdAt).toISOString(),
    updatedBy: current?.createdBy?.name ?? null,
  };
}

export function versionDto(v: { version: number; body: string; createdAt: Date; createdBy: { name: string } | null }): TemplateVersionDto {
  return { version: v.version, body: v.body, createdAt: v.createdAt.toISOString(), createdBy: v.createdBy?.name ?? null };
}
