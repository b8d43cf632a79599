import { expect, test, type Page } from '@playwright/test';
import { loginAndWaitForHome, shot as fullShot } from './helpers.ts';

/** Screenshots of the settled page: loading overlays and modals fade over a few hundred ms. */
async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning')).toHaveCount(0);
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** The default rule's days: antd puts the test id on the editable input itself. */
const defaultDays = (page: Page) => page.getByTestId('deadline-rules-default-days');

async function saveDefaultDays(page: Page, days: number): Promise<void> {
  await defaultDays(page).fill(String(days));
  await page.getByTestId('deadline-rules-save').click();
  await expect(page.getByText('Đã lưu hạn xử lý mặc định.')).toBeVisible();
}

test('vanthu sees the registers of the current year, reached from the incoming list', async ({ page }) => {
  await loginAndWaitForHome(page, 'vanthu');
  await page.goto('/incoming');
  await page.getByTestId('incoming-registers').click();
  await expect(page).toHaveURL(/\/incoming\/registers$/);
  await expect(page.getByRole('heading', { name: 'Sổ văn bản đến' })).toBeVisible();
  const year = String(new Date().getFullYear());
  const ordinary = page
    .getByTestId('registers-table')
    .locator('tbody tr', { hasText: 'Văn bản thường' })
    .filter({ hasText: year });
  await expect(ordinary.first()).toBeVisible();
  await expect(page.getByTestId('register-new')).toBeVisible();
  await shot(page, 'incoming-registers');
  await page.getByTestId('register-new').click();
  await expect(page.getByTestId('register-new-name')).toBeVisible();
  await shot(page, 'incoming-registers-new');
});

test('admin changes the default deadline rule and it stays after a reload', async ({ page }) => {
  await loginAndWaitForHome(page, 'admin');
  await page.goto('/incoming/deadline-rules');
  await expect(page.getByRole('heading', { name: 'Hạn xử lý mặc định' })).toBeVisible();
  await expect(defaultDays(page)).toHaveValue('7');
  await shot(page, 'incoming-deadline-rules');

  await saveDefaultDays(page, 8);
  await page.reload();
  await expect(defaultDays(page)).toHaveValue('8');

  await saveDefaultDays(page, 7);
  await page.reload();
  await expect(defaultDays(page)).toHaveValue('7');
});
