import fs from 'node:fs';
import path from 'node:path';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, loginAndWaitForHome, shot as fullShot } from './helpers.ts';

/** Full-page screenshots of the settled page, from the top (no spinner, no toast). */
async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** Types a date (dd/mm/yyyy) into an antd DatePicker identified by its test id. */
const dateInput = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

async function typeDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const input = dateInput(page, testId);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await expect(input).toHaveValue(ddmmyyyy);
}

/** Chooses an option of a Select whose list may hold the same name twice: typed search, then the option. */
async function choose(page: Page, testId: string, search: string, optionText: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input').first();
  await input.click();
  await input.fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
    .first()
    .click();
  await expect(page.getByTestId(testId)).toContainText(optionText);
}

// Dates relative to today (Asia/Ho_Chi_Minh), so that the flow stays true whenever it runs.
const DAY = 86_400_000;
const vnToday = () => new Date(Date.now() + 7 * 3600_000);
const at = (days: number) => new Date(vnToday().getTime() + days * DAY);
const dmy = (d: Date) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
const ddmmyyyy = (d: Date) =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

const ASSIGNED_ON = at(-40);
/** Item 4: due twelve days ago — Ban Tổ chức is late with it. */
const CONCLUSION = [
  'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY',
  'về tình hình thực hiện nhiệm vụ chính trị quý III và phương hướng thời gian tới',
  'Ban Thường vụ Tỉnh ủy kết luận và giao nhiệm vụ như sau:',
  `1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ Tỉnh ủy quản lý, hoàn thành trước ngày ${dmy(at(90))}.`,
  `2. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy xây dựng kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh, hoàn thành trước ngày ${dmy(at(60))}.`,
  `3. Giao Ban Nội chính Tỉnh ủy tổng hợp tình hình công tác phòng, chống tham nhũng, lãng phí, tiêu cực, báo cáo Ban Thường vụ trước ngày ${dmy(at(45))}.`,
  `4. Giao Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn tổ chức bộ máy các chi bộ trực thuộc sau sắp xếp, hoàn thành trước ngày ${dmy(at(-12))}.`,
  `5. Giao Đảng ủy xã Tân Phú xây dựng đề án chuyển đổi số trong hoạt động của Đảng ủy xã, hoàn thành trước ngày ${dmy(at(120))}.`,
].join('\n');

/**
 * The commune's account. The demo data has none yet (seed.demo-data.ts): the admin creates one for
 * Đảng ủy xã Tân Phú through the API, and its first password is changed as the rules require.
 */
const COMMUNE_USER = 'tanphu.chuyenvien';
const COMMUNE_PASSWORD = 'Tan-Phu#2026-nhiem-vu';

async function apiLogin(ctx: APIRequestContext, username: string, password: string): Promise<string> {
  const r = await ctx.post('/api/auth/login', { data: { username, password } });
  expect(r.ok(), `login ${username}: ${r.status()}`).toBeTruthy();
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

async function ensureCommuneUser(baseURL: string): Promise<void> {
  const probe = await request.newContext({ baseURL });
  const tried = await probe.post('/api/auth/login', {
    data: { username: COMMUNE_USER, password: COMMUNE_PASSWORD },
  });
  await probe.dispose();
  if (tried.ok()) {
    return;
  }
  const admin = await request.newContext({ baseURL });
  const csrf = await apiLogin(admin, 'admin', DEMO_PASSWORD);
  const committees = (await (await admin.get('/api/org/committees')).json()) as {
    items: { id: number; name: string }[];
  };
  const tanPhu = committees.items.find((c) => c.name === 'Đảng ủy xã Tân Phú');
  expect(tanPhu, 'Đảng ủy xã Tân Phú in the demo data').toBeTruthy();
  const temp = 'Tam-thoi#2026-tanphu';
  const created = await admin.post('/api/users', {
    headers: { 'X-CSRF-Token': csrf },
    data: {
      username: COMMUNE_USER,
      password: temp,
      displayName: 'Trần Văn Lộc',
      roleCodes: ['specialist'],
      clearance: 'none',
      scopeCommitteeId: tanPhu!.id,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await admin.dispose();
  const user = await request.newContext({ baseURL });
  const userCsrf = await apiLogin(user, COMMUNE_USER, temp);
  const changed = await user.post('/api/auth/password', {
    headers: { 'X-CSRF-Token': userCsrf },
    data: { currentPassword: temp, newPassword: COMMUNE_PASSWORD },
  });
  expect(changed.ok(), await changed.text()).toBeTruthy();
  await user.dispose();
}

const rows = (page: Page) => page.locator('[data-testid="tasks-table"] [data-testid^="task-row-"]');

test.describe.serial('task follow-up: from a conclusion to the urging letter (issue 5)', () => {
  test('chuyenvien turns a conclusion of five numbered items into five tasks for three units and a commune', async ({
    page,
  }) => {
    await loginAndWaitForHome(page, 'chuyenvien');
    await expect(page.getByTestId('menu-tasks-dashboard')).toBeVisible();
    await page.getByTestId('menu-tasks-conclusion').click();
    await expect(page.getByRole('heading', { name: 'Tạo nhiệm vụ từ kết luận' })).toBeVisible();

    await page.getByTestId('tasks-conclusion-text').fill(CONCLUSION);
    await page.getByTestId('tasks-conclusion-split').click();
    const drafts = page.locator('[data-testid^="tasks-draft-row-"]');
    await expect(drafts).toHaveCount(5);
    // The bodies named in each item were found in the directory, the deadlines read from the text.
    await expect(page.getByTestId('tasks-draft-lead-0')).toContainText('Ban Tổ chức Tỉnh ủy');
    await expect(page.getByTestId('tasks-draft-co-0')).toContainText('Văn phòng Tỉnh ủy');
    await expect(page.getByTestId('tasks-draft-lead-1')).toContainText('Ban Tuyên giáo và Dân vận Tỉnh ủy');
    await expect(page.getByTestId('tasks-draft-lead-2')).toContainText('Ban Nội chính Tỉnh ủy');
    await expect(page.getByTestId('tasks-draft-lead-3')).toContainText('Ban Tổ chức Tỉnh ủy');
    await expect(page.getByTestId('tasks-draft-lead-4')).toContainText('Đảng ủy xã Tân Phú');
    await expect(dateInput(page, 'tasks-draft-deadline-3')).toHaveValue(ddmmyyyy(at(-12)));

    // The conclusion was adopted weeks ago: the tasks count from that day.
    await page
      .getByTestId('tasks-conclusion-reference')
      .fill('Kết luận số 86-KL/TU của Ban Thường vụ Tỉnh ủy');
    await typeDate(page, 'tasks-conclusion-assigned-on', ddmmyyyy(ASSIGNED_ON));
    // A row can be removed and added back: remove the fifth, add it again by hand.
    await page.getByTestId('tasks-draft-remove-4').click();
    await expect(drafts).toHaveCount(4);
    await page.getByTestId('tasks-draft-add').click();
    await expect(drafts).toHaveCount(5);
    await page
      .getByTestId('tasks-draft-content-4')
      .fill('Xây dựng đề án chuyển đổi số trong hoạt động của Đảng ủy xã.');
    await choose(page, 'tasks-draft-lead-4', 'Tân Phú', 'Đảng ủy xã Tân Phú');
    await typeDate(page, 'tasks-draft-deadline-4', ddmmyyyy(at(120)));
    await shot(page, 'tasks-01-conclusion');

    await page.getByTestId('tasks-conclusion-confirm').click();
    await expect(page.getByTestId('tasks-conclusion-done')).toContainText('Đã giao 5 nhiệm vụ');
    await page.getByTestId('tasks-conclusion-open-list').click();
    await expect(rows(page)).toHaveCount(5);
    // Item 4 is past its deadline: red, with its working days overdue.
    const late = rows(page).filter({ hasText: 'kiện toàn tổ chức bộ máy' });
    await expect(late.getByTestId('task-status-tag')).toHaveAttribute('data-status', 'overdue');
    await expect(late.getByTestId('task-overdue-days')).toContainText('Quá hạn');
    await shot(page, 'tasks-02-list');

    // Filters: the unit and the status, as the dashboard will use them.
    await page.goto('/tasks?body=c1-a2');
    await expect(rows(page)).toHaveCount(2);
    await page.goto('/tasks?status=overdue');
    await expect(rows(page)).toHaveCount(1);
  });

  test('the commune splits its task into two sub-tasks and reports progress; the roll-up shows it', async ({
    page,
    baseURL,
  }) => {
    await ensureCommuneUser(baseURL!);
    await login(page, COMMUNE_USER, COMMUNE_PASSWORD);
    await expect(page.getByTestId('menu-tasks-mine')).toBeVisible();
    await page.getByTestId('menu-tasks-mine').click();
    await expect(page.getByRole('heading', { name: 'Nhiệm vụ của tôi' })).toBeVisible();
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().getByRole('link').first().click();
    await expect(page.getByTestId('task-lead')).toHaveText('Đảng ủy xã Tân Phú');

    await page.getByTestId('task-split').click();
    await page
      .getByTestId('task-split-content-0')
      .fill('Khảo sát hạ tầng, thiết bị công nghệ thông tin của Đảng ủy xã và các chi bộ.');
    await choose(page, 'task-split-lead-0', 'Văn phòng', 'Văn phòng Đảng ủy');
    await page
      .getByTestId('task-split-content-1')
      .fill('Dự thảo đề án chuyển đổi số, lấy ý kiến các chi bộ trực thuộc.');
    await choose(page, 'task-split-lead-1', 'Văn phòng', 'Văn phòng Đảng ủy');
    await page.getByTestId('task-split-submit').click();
    await expect(page.getByTestId('task-subtasks')).toBeVisible();
    await expect(page.locator('[data-testid="task-subtasks-table"] [data-testid^="task-row-"]')).toHaveCount(
      2,
    );

    await page.getByTestId('task-report').click();
    await page.getByTestId('task-progress-percent').fill('40');
    await page.getByTestId('task-progress-note').fill('Đã khảo sát xong hạ tầng; đang dự thảo đề án.');
    await page.getByTestId('task-progress-submit').click();
    await expect(page.getByTestId('task-progress-reports')).toContainText('Đã khảo sát xong hạ tầng');
    await expect(page.getByTestId('task-history')).toBeVisible();

    // The first sub-task is done: reported on its own page, it rolls up to the parent.
    const parentUrl = page.url();
    await page.locator('[data-testid="task-subtasks-table"] a[data-testid^="task-link-"]').first().click();
    await expect(page.getByTestId('task-parent-link')).toBeVisible();
    if ((await page.getByTestId('task-report').count()) > 0) {
      await page.getByTestId('task-report').click();
      await page.getByTestId('task-progress-note').fill('Đã hoàn thành khảo sát, có báo cáo kèm theo.');
      await page.getByTestId('task-progress-done').check();
      await page.getByTestId('task-progress-submit').click();
      await expect(page.getByTestId('task-state')).toHaveText('Đã báo cáo hoàn thành');
    }
    await page.goto(parentUrl);
    await expect(page.getByTestId('task-rollup')).toBeVisible();
    await shot(page, 'tasks-03-detail');
  });

  test('chanhvp sees the roll-up on the dashboard, drills down, and drafts the urging letter for the late unit', async ({
    page,
  }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    await page.getByTestId('menu-tasks-dashboard').click();
    await expect(page.getByRole('heading', { name: 'Tình hình thực hiện nhiệm vụ' })).toBeVisible();
    await expect(page.getByTestId('dash-total-total')).toContainText('5');
    await expect(page.getByTestId('dash-c1-a2-total')).toHaveText('2');
    await expect(page.getByTestId('dash-c1-a2-overdue')).toHaveText('1');
    await expect(page.getByTestId('dash-c3-total')).toHaveText('1');
    await expect(page.getByTestId('tasks-chart-trend').locator('canvas')).toHaveCount(1);
    await shot(page, 'tasks-04-dashboard');

    // Every figure opens the tasks it counts.
    await page.getByTestId('dash-c1-a2-overdue').click();
    await expect(page).toHaveURL(/\/tasks\?.*body=c1-a2/);
    await expect(page).toHaveURL(/status=overdue/);
    await expect(rows(page)).toHaveCount(1);
    await page.goBack();

    // The periodic report and the export are plain downloads.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('tasks-dashboard-export').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByTestId('tasks-dashboard-report').click();
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('tasks-report-download').click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    fs.mkdirSync(path.resolve(import.meta.dirname, '../../e2e-screens'), { recursive: true });
    await docx.saveAs(path.resolve(import.meta.dirname, '../../e2e-screens/tasks-report.docx'));

    await page.getByTestId('dash-c1-a2-urging').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect(page).toHaveURL(/\/outgoing\/\d+$/);
    await expect(page.getByTestId('outgoing-metadata')).toContainText('đôn đốc');
    await shot(page, 'tasks-05-urging-letter');
  });

  test('on a phone the list, the task page and the dashboard stay usable', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The menu is a drawer on a phone: wait for the home page itself.
    await login(page, 'chuyenvien');
    await expect(page.getByTestId('home-today')).toBeVisible();
    await page.goto('/tasks?box=assigned');
    await expect(page.locator('.vp-task-card')).toHaveCount(5);
    await shot(page, 'tasks-06-phone-list');
    await page.locator('.vp-task-card-link', { hasText: 'kiện toàn tổ chức bộ máy' }).click();
    await expect(page.getByTestId('task-info')).toBeVisible();
    await shot(page, 'tasks-07-phone-detail');
    await page.goto('/tasks/dashboard');
    await expect(page.getByTestId('tasks-dashboard-table')).toBeVisible();
    await shot(page, 'tasks-08-phone-dashboard');
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
