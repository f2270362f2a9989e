import { expect, type APIRequestContext } from '@playwright/test';

/** The id of the one denial with this claim reference in a view, read through the queue API as the page sees it. */
export async function denialIdByClaim(request: APIRequestContext, claim: string, view = 'all'): Promise<string> {
  const res = await request.get(`/api/denials?view=${view}&q=${encodeURIComponent(claim)}`);
  expect(res.status(), `queue lookup of ${claim}`).toBe(200);
  const body = (await res.json()) as { rows: { id: string }[] };
  expect(body.rows, `denial ${claim}`).toHaveLength(1);
  return body.rows[0]!.id;
}
