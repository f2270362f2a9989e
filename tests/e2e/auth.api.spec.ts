import { expect, test } from '@playwright/test';

const CALLBACK = '/api/auth/callback/credentials';

test('a sign-in with a JSON body gets a clear 400, not a 500', async ({ request }) => {
  const res = await request.post(CALLBACK, { data: { email: 'x@y.z', password: 'p' } });
  expect(res.status()).toBe(400);
  expect(await res.json()).toMatchObject({ ok: false, code: 'invalid_input' });
});

test('a sign-in with missing fields gets a 400 naming them', async ({ request }) => {
  const res = await request.post(CALLBACK, { form: { email: 'x@y.z' } });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.code).toBe('invalid_input');
  expect(Object.keys(body.issues)).toEqual(expect.arrayContaining(['password', 'csrfToken']));
});

test('a sign-in with an oversized or garbage body gets a 400', async ({ request }) => {
  const res = await request.post(CALLBACK, {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=${'a'.repeat(5000)}&password=%%%&csrfToken=`,
  });
  expect(res.status()).toBe(400);
});

test('an API route refuses a request without a session with 401', async ({ request }) => {
  const res = await request.get('/api/denials');
  expect(res.status()).toBe(401);
});
