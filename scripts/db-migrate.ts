// npm run db:migrate [-- --create-app-role <name>] — apply prisma/migrations as the owner (DATABASE_OWNER_URL,
// else DATABASE_URL, else the embedded database) and renew the app's role's grants. --create-app-role creates
// (or repairs) a least-privilege role for the app, with APP_DATABASE_PASSWORD or a generated password, and
// prints the DATABASE_URL the app should use (docs/deployment.md, "Database roles").
import { appRoleExists, ensureAppRole, generatePassword } from './db/app-role';
import { prepareDatabase } from './db/prepare-database';

const flag = process.argv.indexOf('--create-app-role');
const newRole = flag >= 0 ? process.argv[flag + 1] : undefined;
if (flag >= 0 && (!newRole || newRole.startsWith('-'))) {
  console.error('Usage: npm run db:migrate -- --create-app-role <role name>   (password: APP_DATABASE_PASSWORD, or generated)');
  process.exit(2);
}

const db = await prepareDatabase('dev', 'overturn');
try {
  console.log(db.applied.length ? `Applied: ${db.applied.join(', ')}` : 'Database is up to date.');
  if (newRole) {
    // An existing role keeps its password unless one is given: the running app may be using it.
    const given = process.env.APP_DATABASE_PASSWORD || undefined;
    const keep = given !== undefined || (await appRoleExists(db.ownerUrl, newRole));
    const generated = keep ? undefined : generatePassword();
    const url = await ensureAppRole(db.ownerUrl, { role: newRole, password: given ?? generated });
    console.log(`The app's role "${newRole}" is ready. Run the app with\n  DATABASE_URL=${url}`);
    if (generated) console.log('The password was generated and is shown only this once; store it with the app’s configuration.');
    else if (!given) console.log('Its password is unchanged (set APP_DATABASE_PASSWORD to set a new one); put it in the URL.');
  }
} finally {
  await db.stop();
}
process.exit(0);
