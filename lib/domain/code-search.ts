// How the code-mapping search box reads what an admin types: a combination ("CO-50", "co 16 m53",
// "50/N115") or free text matched against descriptions and categories.
import { isGroupCode } from './codes';

export type CodeQuery =
  | { kind: 'code'; group: string | null; carc: string; rarc: string | null }
  | { kind: 'text'; text: string };

const COMBINATION = /^(?:([A-Z]{2})[\s-]*)?([A-Z]?\d{1,3}[A-Z]?)(?:[\s/,-]+([A-Z]{1,2}\d{1,4}))?$/;

export function parseCodeQuery(raw: string): CodeQuery {
  const text = raw.trim().toUpperCase();
  const m = COMBINATION.exec(text);
  if (m && (m[1] === undefined || isGroupCode(m[1]))) return { kind: 'code', group: m[1] ?? null, carc: m[2]!, rarc: m[3] ?? null };
  return { kind: 'text', text: raw.trim() };
}
