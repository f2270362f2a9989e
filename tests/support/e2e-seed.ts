// What the e2e web server's fresh database starts with: the code catalogue (reference data the screens explain
// codes from), the starter letter templates (each test edits them, as an installation starts) and the README's
// demo people and payers, for the one test that signs in through the form with a demo account. No demo denials: every test makes its own (tests/e2e/support/fixtures.ts), which keeps the
// server's start short and lets the tests run in parallel. Test-only: refuses any database that is not an e2e
// test database, so it can never write into a real installation.
import { loadCatalogue } from '@/lib/server/codes/load-catalogue';
import { db, pool } from '@/lib/server/db';
import { seedDemoPayers } from '@/lib/server/seed/demo-payers';
import { seedDemoPeople } from '@/lib/server/seed/demo-people';
import { seedStarterTemplates } from '@/lib/server/templates/seed-starter-templates';

export async function seedE2eDatabase(): Promise<void> {
  const name = new URL(process.env.DATABASE_URL ?? 'postgresql://x/none').pathname.slice(1);
  if (!/^overturn_e2e_/.test(name)) throw new Error(`[e2e-seed] refusing to write into "${name}": not an e2e test database`);
  try {
    await db.$transaction(
      async (tx) => {
        await loadCatalogue(tx);
        await seedDemoPeople(tx);
        await seedDemoPayers(tx);
        await seedStarterTemplates(tx);
      },
      { timeout: 60_000 },
    );
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}
