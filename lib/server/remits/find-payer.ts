import 'server-only';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PayerDeadlineRules, PayerType } from '@/lib/domain/payer-rules';
import { effectivePayerRules, type StoredPayerRules } from '@/lib/domain/stored-payer-rules';

export interface PayerRef {
  id: string;
  name: string;
  rules: PayerDeadlineRules;
}

interface PayerRow extends StoredPayerRules {
  id: string;
  name: string;
}

const SELECT = `
  SELECT p.id, p.name, p."payerType"::text AS "payerType", p."timelyFilingDays", p."timelyFilingMonths",
         p."warningWindowDays", p."rollWeekendDeadlines",
         coalesce(json_agg(json_build_object('level', r.level, 'days', r.days, 'trigger', r.trigger,
                  'receiptPresumptionDays', r."receiptPresumptionDays")) FILTER (WHERE r.id IS NOT NULL), '[]') AS levels
  FROM payer p LEFT JOIN payer_deadline_rule r ON r."payerId" = p.id
  WHERE p.identifier = $1
  GROUP BY p.id`;

/**
 * The payer with this identifier, with the deadline rules it has now (defaults for its type where a manager
 * set none), created on first sight. Runs on the import's connection so a failed import leaves no payer
 * behind; ON CONFLICT makes two imports that meet a new payer at once agree on one row.
 */
export async function findOrCreatePayer(
  client: pg.PoolClient,
  payer: { identifier: string; name: string; payerType: PayerType },
): Promise<PayerRef> {
  let found = await client.query<PayerRow>(SELECT, [payer.identifier]);
  if (found.rows.length === 0) {
    await client.query(
      `INSERT INTO payer (id, name, identifier, "payerType", "updatedAt") VALUES ($1, $2, $3, $4::"PayerType", now())
       ON CONFLICT (identifier) DO NOTHING`,
      [randomUUID(), payer.name || payer.identifier, payer.identifier, payer.payerType],
    );
    found = await client.query<PayerRow>(SELECT, [payer.identifier]);
  }
  const row = found.rows[0];
  if (!row) throw new Error(`Payer ${payer.identifier} could not be found or created`);
  return { id: row.id, name: row.name, rules: effectivePayerRules({ ...row, levels: row.levels }) };
}
