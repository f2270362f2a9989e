// The owner's connection (the role migrations run as): DATABASE_OWNER_URL, else DATABASE_URL, when set;
// otherwise the embedded cluster `.data/<cluster>` with `database` in it.
import { EmbeddedDbError, startEmbeddedPostgres, type EmbeddedDb } from './embedded';

export async function resolveDatabase(cluster: string, database: string): Promise<EmbeddedDb> {
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  if (url) return { url, stop: async () => {} };
  try {
    return await startEmbeddedPostgres(cluster, database);
  } catch (e) {
    // Why it cannot start and what to do, without a stack trace a newcomer cannot act on.
    if (!(e instanceof EmbeddedDbError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}
