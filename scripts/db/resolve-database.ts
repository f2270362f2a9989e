// DATABASE_URL when set; otherwise the embedded cluster `.data/<cluster>` with `database` in it.
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded';

export async function resolveDatabase(cluster: string, database: string): Promise<EmbeddedDb> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, stop: async () => {} };
  return startEmbeddedPostgres(cluster, database);
}
