import { expect, type APIRequestContext } from '@playwright/test';

/** The id of the e2e fixture denial with this claim reference (tests/support/e2e-fixtures.ts), read through the API. */
export async function denialIdByClaim(request: APIRequestContext, claim: string, view = 'all'): Promise<string> {
  const res = await request.get(`/api/denials?view=${view}&q=${encodeURIComponent(claim)}`);
  expect(res.status(), `queue lookup of ${claim}`).toBe(200);
  const body = (await res.json()) as { rows: { id: string }[] };
  expect(body.rows, `fixture denial ${claim}`).toHaveLength(1);
  return body.rows[0]!.id;
}
