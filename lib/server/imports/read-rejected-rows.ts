import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorize, authorizeRecord } from '../authorize';
import { db } from '../db';
import { IMPORTER_SELECT, importScope } from './import-scope';

const rejectedRows = z.array(z.object({ line: z.number(), reason: z.string() })).catch([]);

/**
 * A CSV import's rejected rows, to whoever reaches the import (its importer's team). The reasons may quote
 * values from the rows, so reading them is audited.
 */
export async function readRejectedRows(actor: Actor, fileId: string): Promise<{ filename: string; rows: { line: number; reason: string }[] }> {
  authorize(actor, 'view_imports', undefined, 'Your role does not include import history.');
  const file = await db.remittanceFile.findUnique({ where: { id: fileId }, select: { filename: true, rejectedRows: true, ...IMPORTER_SELECT } });
  authorizeRecord(actor, 'view_imports', file, importScope, 'No such import.');
  const rows = rejectedRows.parse(file.rejectedRows);
  await audit(actor, {
    action: 'imports.rejected_rows_download',
    entityType: 'remittance_file',
    entityId: fileId,
    phi: true,
    details: { rows: rows.length },
  });
  return { filename: file.filename, rows };
}
