import 'server-only';
import type pg from 'pg';
import type { IsoDate } from '@/lib/domain/dates';
import { systemActor } from '../audit';
import { checkOut, db } from '../db';
import { ingest835 } from '../remits/ingest-835';
import { rescoreOpenDenials } from '../scoring/rescore-open-denials';
import { DEMO_TEAMS, DEMO_USERS } from './demo-people';
import { demoRemits } from './demo-remits';
import { appealResolvedDemoDenials } from './demo-appeal-history';
import { type DemoPerson, spreadDemoWork } from './demo-work';

/**
 * The demo's denials, made the way production makes them: generated 835 files (demo-remits.ts) imported with
 * ingest835, one file after another as they would have arrived; then dated as if imported on their payment
 * dates, worked by the demo team (demo-work.ts), and rescored as of `today`.
 */
export async function seedDemoDenials(today: IsoDate): Promise<{ files: number; claims: number; denials: number; worked: number }> {
  const users = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  // The seed is a script, not a person: its files are the shared pool's, as the ingest command's are.
  const actor = systemActor('seed', 'prisma/seed.ts');
  const files = demoRemits(today);
  const fileIds: string[] = [];
  let claims = 0;
  let denials = 0;
  for (const file of files) {
    const result = await ingest835(actor, { filename: file.filename, bytes: new TextEncoder().encode(file.text) });
    if (!result.ok) {
      if (result.code === 'duplicate') continue;
      throw new Error(`demo file ${file.filename}: ${result.message}`);
    }
    fileIds.push(result.fileId);
    claims += result.claims;
    denials += result.denialsCreated;
  }

  const person = (email: string): DemoPerson => {
    const user = byEmail.get(email);
    if (!user) throw new Error(`demo user ${email} is missing: seed the demo people first`);
    return { id: user.id, name: user.name, teamId: user.teamId };
  };
  const teams = await db.team.findMany({ where: { name: { in: [...DEMO_TEAMS] } } });
  const teamOf = (name: string) => teams.find((t) => t.name === name)?.id ?? null;
  const client = await checkOut();
  let worked = 0;
  try {
    await client.query('BEGIN');
    await backdate(client, fileIds, { government: teamOf('Hospital billing'), commercial: teamOf('Professional billing') });
    const specialists = ['specialist@overturn.test', 'specialist2@overturn.test', 'specialist3@overturn.test'].map(person);
    ({ worked } = await spreadDemoWork(client, today, { specialists, manager: person('manager@overturn.test') }));
    await appealResolvedDemoDenials(client, specialists);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await rescoreOpenDenials(today);
  return { files: fileIds.length, claims, denials, worked };
}

/**
 * Dates the demo as if each file had been imported the morning after its last payment date: files, claims,
 * denials (opened then), their ingest and payment events and recoveries. Routes each denial to a team by payer
 * type, as a billing office splits government and commercial work.
 */
async function backdate(client: pg.PoolClient, fileIds: string[], teams: { government: string | null; commercial: string | null }): Promise<void> {
  await client.query(
    `UPDATE remittance_file f SET "importedAt" = r.paid + interval '1 day 8 hours' + (f."claimCount" % 50) * interval '1 minute'
     FROM (SELECT "fileId", max("paymentDate") AS paid FROM remittance GROUP BY 1) r
     WHERE r."fileId" = f.id AND f.id = ANY($1::uuid[]) AND r.paid IS NOT NULL`,
    [fileIds],
  );
  await client.query(
    `UPDATE claim c SET "createdAt" = f."importedAt" FROM remittance r JOIN remittance_file f ON f.id = r."fileId"
     WHERE c."remittanceId" = r.id AND f.id = ANY($1::uuid[])`,
    [fileIds],
  );
  await client.query(
    `UPDATE denial d SET "openedAt" = c."createdAt", "createdAt" = c."createdAt", "updatedAt" = c."createdAt",
            "teamId" = CASE WHEN p."payerType" = 'commercial' THEN $1::uuid ELSE $2::uuid END
     FROM claim c, payer p WHERE c.id = d."claimId" AND p.id = d."payerId" AND d."patientControlNumber" LIKE 'DEMO%'`,
    [teams.commercial, teams.government],
  );
  await client.query(
    `UPDATE denial_event e SET "createdAt" = c."createdAt" + CASE WHEN e.type = 'ingested' THEN interval '0' ELSE interval '1 second' END
     FROM claim c WHERE c.id = (e.data->>'claimId')::uuid AND e.data->>'fileId' = ANY($1::text[])`,
    [fileIds],
  );
  await client.query(`UPDATE recovery r SET "createdAt" = c."createdAt" + interval '1 second' FROM claim c WHERE c.id = r."claimId" AND c."patientControlNumber" LIKE 'DEMO%'`);
  await client.query(
    `UPDATE denial d SET "resolvedAt" = m.last, "updatedAt" = m.last
     FROM (SELECT "denialId", max("createdAt") AS last FROM recovery GROUP BY 1) m
     WHERE m."denialId" = d.id AND d.status IN ('resolved_paid', 'resolved_partial') AND d."patientControlNumber" LIKE 'DEMO%'`,
  );
}
