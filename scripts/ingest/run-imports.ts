// `npm run ingest`: each file imported as an upload is (see scripts/ingest.ts).
import { createReadStream, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Options, isCsv, savedMapping, sha256OfFile } from './options';

export async function importAll(files: string[], options: Options): Promise<boolean> {
  const { ingest835 } = await import('@/lib/server/remits/ingest-835');
  const { ingestCsv } = await import('@/lib/server/remits/ingest-csv');
  const { db } = await import('@/lib/server/db');
  const { systemActor } = await import('@/lib/server/audit');
  // The command runs on the server, so it is trusted to import; --as records a person as the importer.
  let actor = systemActor(`cli:${os.userInfo().username}`, 'overturn ingest CLI');
  if (options.as) {
    const user = await db.user.findUnique({ where: { email: options.as } });
    if (!user) throw new Error(`--as ${options.as}: no such user`);
    actor = systemActor(user.email, 'overturn ingest CLI', { id: user.id });
  }
  let ok = true;
  for (const file of files) {
    try {
      const filename = path.basename(file);
      if (isCsv(file)) {
        // A CSV is read whole (it is validated and grouped by payer before it is written); exports are small.
        const bytes = new Uint8Array(readFileSync(file));
        const saved = await savedMapping(options.source);
        if (!saved.ok) throw new Error(saved.message);
        const result = await ingestCsv(actor, { filename, bytes, source: options.source!, mapping: saved.mapping, saveMapping: false });
        const failed = !result.ok ? result.code !== 'duplicate' : result.rejected.length > 0;
        ok = !failed && ok;
        if (options.json) console.log(JSON.stringify({ file, ...result }));
        else if (result.ok) {
          console.log(`${file}: ${result.imported} rows imported, ${result.denialsCreated} denials, ${result.rejected.length} rejected`);
          for (const row of result.rejected) console.log(`  line ${row.line}: ${row.reason}`);
        } else console.log(`${file}: ${result.code === 'duplicate' ? 'skipped' : 'failed'}: ${result.message}`);
        continue;
      }
      // Streamed from disk into the stored chunks: a file of any size, in the memory of a small one. Hashed first
      // (a read at disk speed) so that a file imported before is skipped without storing it again.
      const sha256 = await sha256OfFile(file);
      const result = await ingest835(actor, { filename, source: createReadStream(file, { highWaterMark: 1 << 20 }), sha256 });
      ok = (result.ok || result.code === 'duplicate') && ok;
      if (options.json) console.log(JSON.stringify({ file, ...result }));
      else if (result.ok) {
        const review = result.needsReview ? `; NEEDS REVIEW: ${result.reviewReason}` : '';
        console.log(
          `${file}: ${result.claims} claims, ${result.denialsCreated} denials, ${result.recoveriesMatched} recoveries, ` +
            `${result.reversalsApplied} reversals, ${result.warnings.length} warnings${review}`,
        );
      } else console.log(`${file}: ${result.code === 'duplicate' ? 'skipped' : 'failed'}: ${result.message}`);
    } catch (error) {
      ok = false;
      const message = error instanceof Error ? error.message : String(error);
      if (options.json) console.log(JSON.stringify({ file, ok: false, code: 'error', message }));
      else console.log(`${file}: failed: ${message}`);
    }
  }
  return ok;
}
