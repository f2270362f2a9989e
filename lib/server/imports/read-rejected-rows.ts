import 'server-only';
import { z } from 'zod';
import { audit, type AuditActor } from '../audit';
import { db } from '../db';
import { AppError } from '../errors';

const rejectedRows = z.array(z.object({ line: z.number(), reason: z.string() })).catch([]);

/** A CSV import's rejected rows. The reasons may quote values from the rows, so reading them is audited. */
export async function readRejectedRows(actor: AuditActor, fileId: string): Promise<{ filename: string; rows: { line: number; reason: string }[] }> {
  const file = await db.remittanceFile.findUnique({ where: { id: fileId }, select: { filename: true, rejectedRows: true } });
  if (!file) throw new AppError('not_found', 'No such import.');
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
