import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'vanphong-demo';
export const SHOTS_DIR = path.resolve(import.meta.dirname, '../../e2e-screens');

/** Saves a full-page screenshot under e2e-screens/ (Playwright wipes test-results/ at each run) for people to look at. */
export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function loginAndWaitForHome(
  page: Page,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await login(page, username, password);
  await expect(page.getByTestId('menu-home')).toBeVisible();
  await expect(page.getByTestId('home-today')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.context().clearCookies();
}

/** Picks an option in an antd Select identified by its test id. */
export async function pick(page: Page, testId: string, optionText: string): Promise<void> {
  const select = page.getByTestId(testId);
  // On a loaded CI machine the options can re-render (their list arrives) between finding the option and
  // the click, and the click is lost: check the choice took, and choose again if not (never toggling off).
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (attempt > 0 && (await select.filter({ hasText: optionText }).count()) > 0) {
      return;
    }
    await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
      .first()
      .click();
    await page.waitForTimeout(200);
  }
  await expect(select).toContainText(optionText);
}
