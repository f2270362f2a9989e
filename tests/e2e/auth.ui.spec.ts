import { expect, test } from '@playwright/test';
import { DEMO, signIn, signInWithForm } from './support/login';

const HOMES: [string, string, RegExp][] = [
  [DEMO.specialist, 'Sam Specialist', /\/queue/],
  [DEMO.manager, 'Morgan Manager', /\/queue/],
  [DEMO.frontDesk, 'Frankie Front Desk', /\/feedback/],
  [DEMO.admin, 'Avery Admin', /\/admin\/users/],
];

for (const [email, name, home] of HOMES) {
  test(`${email} signs in with the form and lands on their home page`, async ({ page }) => {
    await signInWithForm(page, email);
    await expect(page).toHaveURL(home);
    await expect(page.getByTestId('signed-in-user')).toContainText(name);
  });
}

test('a wrong password is refused with a message, not a session', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO.specialist);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin/);
});

test('signing out ends the session on the server, even for a copied cookie', async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  const cookies = await page.context().cookies();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Replaying the old cookie must not work: the server-side session was revoked.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const other = await replay.newPage();
  await other.goto('/admin/users');
  await expect(other).toHaveURL(/\/signin/);
  await replay.close();
});

test('a disabled user’s open session stops working at the next request', async ({ page, browser }) => {
  const email = `leaver-${Date.now()}@overturn.test`;
  const password = 'a-long-password-for-e2e';
  await signIn(page, DEMO.admin);
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill('Lee Leaver');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('manager');
  await form.getByLabel('Initial password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('status')).toHaveText('User created.');

  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, email, password);
  await theirPage.goto('/feedback');
  await expect(theirPage.getByTestId('signed-in-user')).toContainText('Lee Leaver');

  await page.reload();
  await page.getByRole('button', { name: 'Disable Lee Leaver' }).click();
  await expect(page.getByRole('row', { name: /Lee Leaver/ })).toContainText('Disabled');

  await theirPage.goto('/feedback');
  await expect(theirPage).toHaveURL(/\/signin/);
  await theirs.close();
});

test('an admin page is refused to a specialist (checked on the server)', async ({ page }) => {
  await signIn(page, DEMO.specialist);
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { name: /don.t have access/ })).toBeVisible();
});
