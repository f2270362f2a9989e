import { type APIRequestContext, expect, type Page, request } from '@playwright/test';
import { APP_ORIGIN, SAME_ORIGIN } from './app-origin';

export const DEMO_PASSWORD = 'overturn-demo';

/** A demo account from the README (seeded by tests/support/e2e-seed.ts); tests otherwise make their own people. */
export const DEMO = { specialist: 'specialist@overturn.test' } as const;

/** Programmatic sign-in through next-auth's credentials endpoint; the cookie lands in the page's context. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { email, password, csrfToken, json: 'true' },
    headers: SAME_ORIGIN,
  });
  expect(res.ok(), `sign-in of ${email} should succeed`).toBeTruthy();
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session?.user?.email, `session for ${email}`).toBe(email);
}

/** Sign-in through the form, as a person does. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/**
 * A request context of its own, signed in through the credentials endpoint. `extraHTTPHeaders` replaces the
 * project's defaults: `{}` for tests that forge requests and must control every header themselves.
 */
export async function signedInRequest(email: string, password: string, extraHTTPHeaders: Record<string, string> = SAME_ORIGIN): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: APP_ORIGIN, extraHTTPHeaders });
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await context.post('/api/auth/callback/credentials', { form: { email, password, csrfToken, json: 'true' }, headers: SAME_ORIGIN });
  expect(res.ok(), `sign-in of ${email} should succeed`).toBeTruthy();
  return context;
}
