import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { query } from '../sql';

// The official CARC/RARC descriptions (~1,600 rows), kept in memory: every queue page shows some of them, and
// they change only when the code lists are reloaded. A few minutes' staleness after such a reload is harmless.
const TTL_MS = 10 * 60_000;
interface Descriptions {
  at: number;
  carc: Map<string, string>;
  rarc: Map<string, string>;
}
let cache: Descriptions | null = null;
let loading: Promise<Descriptions> | null = null;

async function load(): Promise<Descriptions> {
  const rows = await query<{ kind: 'carc' | 'rarc'; code: string; description: string }>(
    Prisma.sql`SELECT 'carc' AS kind, code, description FROM carc_code UNION ALL SELECT 'rarc' AS kind, code, description FROM rarc_code`,
  );
  const next: Descriptions = { at: Date.now(), carc: new Map(), rarc: new Map() };
  for (const r of rows) next[r.kind].set(r.code, r.description);
  return next;
}

export async function describeCodes(carc: Iterable<string>, rarc: Iterable<string>): Promise<{ carc: Record<string, string>; rarc: Record<string, string> }> {
  let current = cache;
  if (!current || Date.now() - current.at > TTL_MS) {
    loading ??= load().finally(() => (loading = null));
    current = cache = await loading;
  }
  const { carc: carcText, rarc: rarcText } = current;
  const pick = (codes: Iterable<string>, from: Map<string, string>) =>
    Object.fromEntries([...new Set(codes)].flatMap((code) => (from.has(code) ? [[code, from.get(code)!]] : [])));
  return { carc: pick(carc, carcText), rarc: pick(rarc, rarcText) };
}
