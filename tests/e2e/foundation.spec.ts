import { expect, test } from '@playwright/test';
import { login, loginAndWaitForHome, logout, pick, shot } from './helpers.ts';

const ALL_MENUS = [
  'menu-home',
  'menu-org',
  'menu-calendar',
  'menu-admin-org',
  'menu-users',
  'menu-roles',
  'menu-settings',
  'menu-document-types',
  'menu-deadline-rules',
  'menu-audit',
];
/** The "Văn bản đi" group: the list and signature checks for readers; drafting for drafters; the gap report for the clerk. */
const OUTGOING_MENUS = ['menu-outgoing', 'menu-outgoing-new', 'menu-outgoing-series', 'menu-verify-signature'];
const OUTGOING_READER = ['menu-outgoing', 'menu-verify-signature'];
const EVERYONE = ['menu-home', 'menu-org', 'menu-calendar'];

/** The menu each demo role sees follows from its permissions (roles are data; see seed.reference-data.ts). */
const MENUS: Record<string, string[]> = {
  admin: ALL_MENUS,
  vanthu: [...EVERYONE, ...OUTGOING_READER, 'menu-outgoing-series'],
  chanhvp: [...EVERYONE, 'menu-users', ...OUTGOING_READER],
  bithu: [...EVERYONE, ...OUTGOING_READER],
  chuyenvien: [...EVERYONE, ...OUTGOING_READER, 'menu-outgoing-new'],
  luutru: [...EVERYONE, ...OUTGOING_READER],
  tiepdan: EVERYONE,
  ketoan: EVERYONE,
  kiemtra: [...EVERYONE, 'menu-audit', ...OUTGOING_READER],
};

test.describe('each demo role logs in and sees its menu', () => {
  for (const [username, menus] of Object.entries(MENUS)) {
    test(`${username} sees exactly ${menus.length} menu entries`, async ({ page }) => {
      await loginAndWaitForHome(page, username);
      for (const id of [...ALL_MENUS, ...OUTGOING_MENUS]) {
        if (menus.includes(id)) {
          await expect(page.getByTestId(id), id).toBeVisible();
        } else {
          await expect(page.getByTestId(id), id).toHaveCount(0);
        }
      }
      await expect(page.getByTestId('header-user-name')).not.toBeEmpty();
      await shot(page, `role-${username}-home`);
    });
  }
});

test('five wrong passwords throttle the account with a clear Vietnamese message', async ({ page }) => {
  for (let i = 1; i <= 5; i += 1) {
    await login(page, 'luutru', `sai-mat-khau-${i}`);
    await expect(page.getByTestId('login-error')).toBeVisible();
    if (i < 5) {
      await expect(page.getByTestId('login-error')).toContainText('Tên đăng nhập hoặc mật khẩu không đúng');
    }
  }
  await expect(page.getByTestId('login-error')).toContainText('Bạn đã nhập sai quá nhiều lần');
  await expect(page.getByTestId('login-error')).toContainText(/thử lại sau \d+ phút/);
  await shot(page, 'login-throttled');
  // Even the right password is refused while the lock lasts.
  await login(page, 'luutru');
  await expect(page.getByTestId('login-error')).toContainText('Bạn đã nhập sai quá nhiều lần');
});

test.describe.serial('administration leaves its trail', () => {
  test('the admin creates a user with a role and a clearance, and the new user logs in', async ({ page }) => {
    await loginAndWaitForHome(page, 'admin');
    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form-username').fill('hoa.ly');
    await page.getByTestId('user-form-password').fill('Ly-Thi-Hoa-2026');
    await page.getByTestId('user-form-displayName').fill('Lý Thị Hoa');
    await pick(page, 'user-form-roles', 'Chuyên viên');
    await page.keyboard.press('Escape');
    await pick(page, 'user-form-clearance', 'Mật');
    await shot(page, 'admin-user-form');
    await page.getByTestId('user-form-submit').click();
    const row = page.getByRole('row').filter({ hasText: 'hoa.ly' });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Chuyên viên');
    await expect(row).toContainText('Mật');
    await shot(page, 'admin-users-after-create');

    await logout(page);
    await login(page, 'hoa.ly', 'Ly-Thi-Hoa-2026');
    // A password set by an admin must be changed at first login.
    await page.getByTestId('change-password-current').fill('Ly-Thi-Hoa-2026');
    await page.getByTestId('change-password-new').fill('Hoa-doi-mat-khau-2026');
    await page.getByTestId('change-password-confirm').fill('Hoa-doi-mat-khau-2026');
    await shot(page, 'new-user-forced-password-change');
    await page.getByTestId('change-password-submit').click();
    await expect(page.getByTestId('home-today')).toBeVisible();
    await expect(page.getByTestId('header-user-name')).toContainText('Lý Thị Hoa');
    await expect(page.getByTestId('menu-users')).toHaveCount(0);
    await shot(page, 'new-user-home');
  });

  test('the mutations above appear in the audit screen, and the chain verifies', async ({ page }) => {
    await login(page, 'bithu', 'mot-lan-go-sai');
    await expect(page.getByTestId('login-error')).toBeVisible();
    await loginAndWaitForHome(page, 'admin');
    await page.getByTestId('menu-audit').click();
    const table = page.getByTestId('audit-table');
    await expect(table).toBeVisible();
    for (const action of ['users.created', 'auth.password_changed', 'auth.login_failed', 'auth.login']) {
      await expect(table.getByText(action, { exact: true }).first(), action).toBeVisible();
    }
    await page.getByTestId('audit-verify').click();
    await expect(page.getByTestId('audit-verify-result')).toBeVisible();
    await shot(page, 'audit-screen');
  });
});

test('the home page shows real counts, and the working calendar lists Tết', async ({ page }) => {
  await loginAndWaitForHome(page, 'vanthu');
  await expect(page.getByTestId('home-working-day')).toBeVisible();
  await page.getByTestId('menu-calendar').click();
  await expect(page.getByTestId('holidays-table')).toContainText('Tết Nguyên đán');
  await shot(page, 'calendar');
});

test('the shell is usable on a phone', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await login(page, 'bithu');
  await expect(page.getByTestId('home-today')).toBeVisible();
  await shot(page, 'phone-home');
  await context.close();
});

test('the admin adds a document type, then renames it; both changes are saved and audited', async ({
  page,
}) => {
  await loginAndWaitForHome(page, 'admin');
  await page.getByTestId('menu-document-types').click();
  await page.getByTestId('document-type-create').click();
  await page.getByTestId('document-type-form-name').fill('Thông báo kết luận');
  await page.getByTestId('document-type-form-abbreviation').fill('TBKL');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const table = page.getByTestId('document-types-table');
  // The list is sorted by name over several pages: page forward until the new type shows.
  const row = table.getByRole('row').filter({ hasText: 'Thông báo kết luận' });
  for (let i = 0; i < 5 && (await row.count()) === 0; i += 1) {
    await page.getByRole('listitem', { name: 'Trang Kế' }).click();
  }
  await expect(row).toContainText('TBKL');
  await page.getByRole('button', { name: 'Sửa: Thông báo kết luận' }).click();
  await expect(page.getByTestId('document-type-form-name')).toHaveValue('Thông báo kết luận');
  await page.getByTestId('document-type-form-name').fill('Thông báo kết luận hội nghị');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'Thông báo kết luận hội nghị' })).toContainText(
    'TBKL',
  );
  await shot(page, 'document-types');
  await page.getByTestId('menu-audit').click();
  await expect(
    page.getByTestId('audit-table').getByText('document_types.updated', { exact: true }).first(),
  ).toBeVisible();
  await expect(
    page.getByTestId('audit-table').getByText('document_types.created', { exact: true }).first(),
  ).toBeVisible();
});
