import type { Role } from '@/lib/domain/permissions';
import { DEMO, signIn as signInWithPassword, signInWithForm } from './support/login';
import { expect, test } from './support/fixtures';

// The one sign-in through the form, as a person does it, with a demo account from the README (the e2e server
// seeds the demo people for exactly this); every other test signs in programmatically as its own people.
test('the demo specialist signs in with the form and lands on the queue', async ({ page }) => {
  await signInWithForm(page, DEMO.specialist);
  await expect(page).toHaveURL(/\/queue/);
  await expect(page.getByTestId('signed-in-user')).toContainText('Sam Specialist');
});

const HOMES: [Role, RegExp][] = [
  ['specialist', /\/queue/],
  ['manager', /\/team$/],
  ['front_desk', /\/feedback/],
  ['admin', /\/admin\/users/],
];

for (const [role, home] of HOMES) {
  test(`a signed-in ${role} is sent from / to their home page`, async ({ page, data, signIn }) => {
    const person = await data.person(role, { team: role === 'specialist' || role === 'manager' ? await data.team() : null });
    await signIn(page, person);
    await page.goto('/');
    await expect(page).toHaveURL(home);
    await expect(page.getByTestId('signed-in-user')).toContainText(person.name);
  });
}

test('a wrong password is refused with a message, not a session', async ({ page, data }) => {
  const person = await data.person('specialist', { team: await data.team() });
  await page.goto('/signin');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin/);
});

test('signing out ends the session on the server, even for a copied cookie', async ({ page, browser, data, signIn }) => {
  await signIn(page, await data.person('admin'));
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

test('a disabled user’s open session stops working at the next request', async ({ page, browser, data, signIn }) => {
  const email = `leaver-${data.tag}@overturn.test`.toLowerCase();
  const name = `Lee Leaver ${data.tag}`;
  const password = 'a-long-password-for-e2e';
  await signIn(page, await data.person('admin'));
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('manager');
  await form.getByLabel('Initial password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('status')).toHaveText('User created.');

  // Signed in with the password the admin gave, through the same endpoint as the form.
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signInWithPassword(theirPage, email, password);
  await theirPage.goto('/feedback');
  await expect(theirPage.getByTestId('signed-in-user')).toContainText(name);

  await page.reload();
  await page.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Disabled');

  await theirPage.goto('/feedback');
  await expect(theirPage).toHaveURL(/\/signin/);
  await theirs.close();
});

test('an admin page is refused to a specialist (checked on the server)', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('specialist', { team: await data.team() }));
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('heading', { name: /don.t have access/ })).toBeVisible();
});
