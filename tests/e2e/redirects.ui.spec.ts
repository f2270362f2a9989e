// Open redirects after sign-in: a callbackUrl that a browser would read as another host lands on the app's
// home page; a same-origin one is kept.
import { expect, test } from './support/fixtures';

const HOSTILE = ['/\\evil.example/phish', '/\t/evil.example', '//evil.example', 'https://evil.example', '/%5Cevil.example', 'javascript:alert(1)'];

for (const callbackUrl of HOSTILE) {
  test(`signing in with callbackUrl=${JSON.stringify(callbackUrl)} stays on the app`, async ({ page, data, baseURL }) => {
    const person = await data.person('specialist', { team: await data.team() });
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test('a same-origin callbackUrl is kept', async ({ page, data }) => {
  const person = await data.person('specialist', { team: await data.team() });
  await page.goto(`/signin?callbackUrl=${encodeURIComponent('/imports?x=1')}`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/imports\?x=1$/);
});
