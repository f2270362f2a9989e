import 'server-only';
import { AppError } from './errors';

/** A page's search parameters, one value each (a repeated key keeps its first). */
export type SearchParams = Record<string, string | string[] | undefined>;

export async function firstValues(search: Promise<SearchParams>): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/**
 * Reads one page of a server-rendered list: a refusal the reader can act on (a page link that is not valid)
 * becomes the message shown above the list; anything else is the error page's.
 */
export async function readListPage<T>(read: () => Promise<T>): Promise<{ page: T | null; problem: string | null }> {
  try {
    return { page: await read(), problem: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { page: null, problem: error.message };
  }
}
