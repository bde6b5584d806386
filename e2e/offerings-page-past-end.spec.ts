import { expect, test } from './fixtures';

test('a page of offerings past the end moves to the last page, as every list does (issue 29, item 14)', async ({ page }) => {
  await page.goto('/offerings?page=99999');
  await expect(page).toHaveURL(/\/offerings(\?.*)?$/);
  await expect(page).not.toHaveURL(/page=99999/);
  await expect(page.getByRole('table', { name: 'Offerings' })).toBeVisible();
  await expect(page.getByText('Invalid page')).toHaveCount(0);
});
