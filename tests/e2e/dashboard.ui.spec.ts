import { expectAccessible } from './support/axe';
import { expect, test } from './support/fixtures';

test('a manager filters the dashboard to one payer and drills down from a number and a bar to exactly those denials', async ({ page, data, signIn }) => {
  const team = await data.team();
  const manager = await data.person('manager', { team });
  const mine = await data.payer({ name: `Dash Payer ${data.tag}` });
  const other = await data.payer({ name: `Dash Other ${data.tag}` });
  await data.denials([
    { team, payer: mine, deniedCents: 120_00, category: 'medical_necessity', patientName: `Dash ${data.tag}, One` },
    { team, payer: mine, deniedCents: 80_00, category: 'medical_necessity', patientName: `Dash ${data.tag}, Two` },
    { team, payer: mine, deniedCents: 50_00, category: 'coding_modifiers', patientName: `Dash ${data.tag}, Three` },
    { team, payer: other, deniedCents: 999_00, patientName: `Other ${data.tag}, Four` },
  ]);

  await signIn(page, manager);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.getByLabel('Payer', { exact: true }).selectOption(mine.id);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`payer=${mine.id}`));

  const denials = page.getByTestId('headline-denials');
  await expect(denials.getByRole('link', { name: 'Denials: 3 — open these denials' })).toBeVisible();
  await expect(page.getByTestId('headline-denied-dollars')).toContainText('$250');
  await expectAccessible(page, 'dashboard');

  // A number: the headline count opens the queue with the same three denials.
  await denials.getByRole('link', { name: 'Denials: 3 — open these denials' }).click();
  await expect(page).toHaveURL(/\/queue\?.*openedFrom=/);
  const queue = page.getByRole('table', { name: 'Denials' });
  await expect(queue.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByText(/of 3\b/)).toBeVisible();
  await expect(queue.getByText(`Other ${data.tag}, Four`)).toHaveCount(0);
  await expect(page.getByTestId('dashboard-filter-chip').first()).toContainText('First denied');

  // A bar: medical necessity in the by-category chart opens its two denials.
  await page.goBack();
  const categories = page.getByTestId('dashboard-section-category');
  await categories.locator('.recharts-bar-rectangle path').first().click();
  await expect(page).toHaveURL(/\/queue\?.*category=medical_necessity/);
  await expect(page.getByRole('table', { name: 'Denials' }).locator('tbody tr')).toHaveCount(2);
  await expect(page.getByText(/of 2\b/)).toBeVisible();

  // The same number in the table view, as a link.
  await page.goBack();
  await categories.getByRole('button', { name: 'Show table' }).click();
  await expect(categories.getByTestId('dashboard-table-category').getByRole('link', { name: /Medical necessity, This period: \$200/ })).toBeVisible();
});

test('the front desk is refused the dashboard and does not see it in the menu', async ({ page, data, signIn }) => {
  const desk = await data.person('front_desk');
  await signIn(page, desk);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/forbidden/);
  await expect(page.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
});
