// npm run db:seed [-- --if-empty]
// Reference data (the code catalogue, the starter letter templates) always; demo people, payers and denials into
// an empty database.
import { db, pool } from '@/lib/server/db';
import { loadCatalogue } from '@/lib/server/codes/load-catalogue';
import { seedDemoPeople } from '@/lib/server/seed/demo-people';
import { seedDemoOrganization, seedDemoPayers } from '@/lib/server/seed/demo-payers';
import { seedDemoDenials } from '@/lib/server/seed/demo-denials';
import { seedDemoEscalations } from '@/lib/server/seed/demo-escalations';
import { seedDemoSlas } from '@/lib/server/seed/demo-slas';
import { seedDemoRules } from '@/lib/server/seed/demo-rules';
import { seedDemoAway } from '@/lib/server/seed/demo-away';
import { seedDemoPrevention } from '@/lib/server/seed/demo-prevention';
import { seedStarterTemplates } from '@/lib/server/templates/seed-starter-templates';
import { todayIso } from '@/lib/server/clock';

const ifEmpty = process.argv.includes('--if-empty');

async function main() {
  const catalogue = await db.$transaction((tx) => loadCatalogue(tx), { timeout: 60_000 });
  if (catalogue.carc + catalogue.rarc + catalogue.group > 0) {
    console.log(`Code catalogue: ${catalogue.carc} CARC, ${catalogue.rarc} RARC, ${catalogue.group} group codes loaded.`);
  }
  const starters = await db.$transaction((tx) => seedStarterTemplates(tx));
  if (starters > 0) console.log(`Letter templates: ${starters} starter templates created (version 1).`);
  if (ifEmpty && (await db.user.count()) > 0) return;
  await db.$transaction(async (tx) => {
    await seedDemoPeople(tx);
    await seedDemoPayers(tx);
    await seedDemoOrganization(tx);
  });
  console.log('Demo users, payers and letterhead created (see README for sign-in details).');
  const started = performance.now();
  const demo = await seedDemoDenials(todayIso());
  await db.$transaction((tx) => seedDemoRules(tx));
  console.log(
    `Demo remittances: ${demo.files} 835 files imported (${demo.claims} claims, ${demo.denials} denials, ${demo.worked} being worked) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  // People's escalations first: the SLA check then leaves those denials alone (one open escalation each).
  console.log(`Demo escalations: ${await seedDemoEscalations()} open.`);
  console.log(`Team SLAs set for the demo teams; the first check escalated ${(await seedDemoSlas(todayIso())).escalated} denials.`);
  await db.$transaction((tx) => seedDemoAway(tx, todayIso()));
  console.log(`Prevention log: ${await db.$transaction((tx) => seedDemoPrevention(tx, todayIso()))} demo issues.`);
}

try {
  await main();
} finally {
  await db.$disconnect();
  await pool.end();
}
process.exit(0);
