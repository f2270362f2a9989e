// /api/auth/session is what the browser sees of its session: the user's name and email while the server-side
// session is good, {} once it is not (signed out elsewhere, revoked, disabled), and never the session id.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { APP_ORIGIN, SAME_ORIGIN } from './support/app-origin';
import { expect, test, type Person } from './support/fixtures';
import { signedInRequest } from './support/login';

const signedIn = (person: Person) => signedInRequest(person.email, person.password);

const session = async (context: APIRequestContext) => (await context.get('/api/auth/session')).json();

test('a signed-in session shows the user and no session id', async ({ data }) => {
  const person = await data.person('specialist', { team: await data.team() });
  const context = await signedIn(person);
  const body = await session(context);
  expect(body).toEqual({ user: { name: person.name, email: person.email }, expires: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/sid|sessionId/);
  await context.dispose();
});

test('a copied cookie answers signed out once its session is signed out', async ({ data }) => {
  const context = await signedIn(await data.person('manager', { team: await data.team() }));
  const copy = await playwrightRequest.newContext({ baseURL: APP_ORIGIN, extraHTTPHeaders: SAME_ORIGIN, storageState: await context.storageState() });
  expect((await session(copy)).user).toBeDefined();

  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await context.post('/api/auth/signout', { form: { csrfToken, json: 'true' } })).ok()).toBeTruthy();
  expect(await session(copy)).toEqual({});
  expect((await copy.get('/api/denials')).status()).toBe(401);
  await Promise.all([context.dispose(), copy.dispose()]);
});

test('a disabled user’s session answers signed out', async ({ data, db }) => {
  const person = await data.person('specialist', { team: await data.team() });
  const context = await signedIn(person);
  expect((await session(context)).user).toBeDefined();
  await db.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
  expect(await session(context)).toEqual({});
  await context.dispose();
});

test('without a cookie the session is {}', async ({ request }) => {
  expect(await (await request.get('/api/auth/session')).json()).toEqual({});
});
