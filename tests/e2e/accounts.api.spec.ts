import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { normalizePassword } from '@/lib/domain/passwords/password-policy';
import { expect, test } from './support/fixtures';

async function signInThroughEndpoint(request: import('@playwright/test').APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', { form: { email, password, csrfToken, json: 'true' }, headers });
}

// The e2e server runs without TRUSTED_PROXIES, as a server reached directly does.
test('a client’s own X-Forwarded-For is not stored as its address', async ({ request, data, db }) => {
  const person = await data.person('specialist', { team: await data.team() });
  const res = await signInThroughEndpoint(request, person.email, person.password, { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6' });
  expect(res.ok()).toBeTruthy();
  const event = await db.auditEvent.findFirst({ where: { actorId: person.id, action: 'auth.sign_in' } });
  expect(event).toMatchObject({ ip: null });
  expect(await db.authSession.findFirst({ where: { userId: person.id } })).toMatchObject({ ip: null });
});

test('a password of 128 emoji (256 UTF-16 units) signs in', async ({ request, db }) => {
  const password = '🦊🐻🐼🐨'.repeat(32);
  expect([...password]).toHaveLength(128);
  const email = `emoji-${randomUUID()}@e2e.overturn.test`;
  await db.user.create({ data: { email, name: 'Emoji Person', role: 'specialist', passwordHash: await hash(normalizePassword(password)) } });
  const res = await signInThroughEndpoint(request, email, password);
  expect(res.ok()).toBeTruthy();
  expect((await (await request.get('/api/auth/session')).json())?.user?.email).toBe(email);
});
