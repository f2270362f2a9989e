import { expect, test } from './support/fixtures';

// The production numbers (5 free failures, then a minute) — no test-only setting; the schedule beyond the first
// wait is covered by tests/unit/domain/login-throttle.test.ts and tests/integration/users/login-throttle.test.ts.
test('after five wrong passwords the form says how long to wait, even for the right one', async ({ page, data }) => {
  const person = await data.person('specialist', { team: await data.team() });
  await page.goto('/signin');
  await page.getByLabel('Email').fill(person.email);
  // In the form: Next's route announcer is an alert too.
  const alert = page.locator('form').getByRole('alert');
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel('Password').fill(`wrong password number ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText('That email and password do not match an active account.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill('wrong password number 6');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText('Too many attempts. Try again in 1 minute.');

  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText('Too many attempts. Try again in 1 minute.');
  await expect(page).toHaveURL(/\/signin/);
});

test('an admin creating a user with a breached password is told why it was refused', async ({ page, data, signIn }) => {
  await signIn(page, await data.person('admin'));
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Name').fill(`Pat Weakpass ${data.tag}`);
  await form.getByLabel('Email').fill(`weak-${data.tag}@e2e.overturn.test`.toLowerCase());
  const password = form.getByLabel('Initial password');
  await expect(password).toHaveAccessibleDescription(/At least 12 characters.*passphrase/);
  await password.fill('password1234');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('Too common — it appears in lists of breached passwords.')).toBeVisible();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveText('Please correct the highlighted fields.');
});
