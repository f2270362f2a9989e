import 'server-only';
import type pg from 'pg';

interface Clash {
  what: 'trace' | 'interchange';
  value: string;
  payer: string;
  filename: string;
  importedAt: Date;
}

/**
 * Why a file with new bytes may still repeat an earlier one: the same payer already sent this trace number
 * (TRN02, one per payment) or this interchange control number (ISA13) in a file with other content. A
 * corrected re-send or a clearinghouse re-wrap looks like this; a person decides, so it is flagged, not refused.
 */
export async function repeatReason(client: pg.PoolClient, fileId: string): Promise<string | null> {
  const { rows } = await client.query<Clash>(
    `(SELECT 'trace' AS what, mine."traceNumber" AS value, p.name AS payer, f.filename, f."importedAt"
      FROM remittance mine
      JOIN remittance other ON other."payerId" = mine."payerId" AND other."traceNumber" = mine."traceNumber" AND other."fileId" <> mine."fileId"
      JOIN remittance_file f ON f.id = other."fileId" JOIN payer p ON p.id = mine."payerId"
      WHERE mine."fileId" = $1 ORDER BY f."importedAt" LIMIT 3)
     UNION ALL
     (SELECT 'interchange', mine.icn, p.name, f.filename, f."importedAt"
      FROM (SELECT DISTINCT "payerId", "interchangeControlNumber" AS icn FROM remittance WHERE "fileId" = $1 AND "interchangeControlNumber" IS NOT NULL) mine
      JOIN remittance other ON other."payerId" = mine."payerId" AND other."interchangeControlNumber" = mine.icn AND other."fileId" <> $1
      JOIN remittance_file f ON f.id = other."fileId" JOIN payer p ON p.id = mine."payerId"
      ORDER BY f."importedAt" LIMIT 3)`,
    [fileId],
  );
  if (rows.length === 0) return null;
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const clash of rows) {
    const sentence =
      `${clash.what === 'trace' ? 'Trace number' : 'Interchange control number'} ${clash.value} from ${clash.payer} was already imported ` +
      `in "${clash.filename}" on ${clash.importedAt.toISOString().slice(0, 10)} with different content.`;
    if (!seen.has(sentence)) sentences.push(sentence);
    seen.add(sentence);
  }
  return `${sentences.join(' ')} Check whether this file repeats or corrects that one.`;
}
