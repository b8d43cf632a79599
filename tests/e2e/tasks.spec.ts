import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { login, loginAndWaitForHome, shot as fullShot } from './helpers.ts';

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
  // The previous select's list may still be fading out (it holds the same names): wait until it is gone.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await input.click();
  await input.fill(search);
  await page
    .locator('.ant-select-dropdown:visible')
    .last()
    .locator('.ant-select-item-option', { hasText: optionText })
    .first()
    .click();
  await expect(page.getByTestId(testId)).toContainText(optionText);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
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

/** The demo's commune account: a specialist of the Văn phòng Đảng ủy of Đảng ủy xã Tân Phú (seed.demo-data.ts). */
const COMMUNE_USER = 'xatanphu';

/** The demo data has tasks of its own: ours are found by their text. */
const MINE = [
  'quy hoạch cán bộ diện Ban Thường vụ',
  'kế hoạch tuyên truyền kỷ niệm ngày thành lập',
  'phòng, chống tham nhũng, lãng phí, tiêu cực',
  'kiện toàn tổ chức bộ máy các chi bộ',
  'đề án chuyển đổi số trong hoạt động của Đảng ủy xã',
];

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
    for (const text of MINE) {
      await expect(rows(page).filter({ hasText: text })).toHaveCount(1);
    }
    // Item 4 is past its deadline: red, with its working days overdue.
    const late = rows(page).filter({ hasText: 'kiện toàn tổ chức bộ máy' });
    await expect(late.getByTestId('task-status-tag')).toHaveAttribute('data-status', 'overdue');
    await expect(late.getByTestId('task-overdue-days')).toContainText('Quá hạn');
    await expect(rows(page).filter({ hasText: MINE[0] }).getByTestId('task-status-tag')).toHaveAttribute(
      'data-status',
      'not_due',
    );
    await shot(page, 'tasks-02-list');

    // Filters: the unit, the status and the text, as the dashboard and a clerk use them.
    await page.goto('/tasks?body=c1-a2&status=overdue&q=ki%E1%BB%87n%20to%C3%A0n');
    await expect(rows(page)).toHaveCount(1);
    await page.goto(
      '/tasks?body=c1-a4&q=ng%C3%A0y%20th%C3%A0nh%20l%E1%BA%ADp%20%C4%90%E1%BA%A3ng%20b%E1%BB%99%20t%E1%BB%89nh',
    );
    await expect(rows(page)).toHaveCount(1);
  });

  test('the commune splits its task into two sub-tasks and reports progress; the roll-up shows it', async ({
    page,
  }) => {
    await loginAndWaitForHome(page, COMMUNE_USER);
    await page.getByTestId('menu-tasks-mine').click();
    await expect(page.getByRole('heading', { name: 'Nhiệm vụ của tôi' })).toBeVisible();
    const ours = rows(page).filter({ hasText: MINE[4] });
    await expect(ours).toHaveCount(1);
    await ours.getByRole('link').first().click();
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
    const subtasks = page.locator('[data-testid="task-subtasks-table"] [data-testid^="task-row-"]');
    await expect(subtasks).toHaveCount(2);

    await page.getByTestId('task-report').click();
    await page.getByTestId('task-progress-percent').fill('40');
    await page.getByTestId('task-progress-note').fill('Đã khảo sát xong hạ tầng; đang dự thảo đề án.');
    await page.getByTestId('task-progress-submit').click();
    await expect(page.getByTestId('task-progress-reports')).toContainText('Đã khảo sát xong hạ tầng');

    // The office finishes the first sub-task; it rolls up to the commune's task.
    const parentUrl = page.url();
    await subtasks.filter({ hasText: 'Khảo sát hạ tầng' }).getByRole('link').first().click();
    await expect(page.getByTestId('task-parent-link')).toBeVisible();
    await page.getByTestId('task-report').click();
    await page.getByTestId('task-progress-note').fill('Đã hoàn thành khảo sát; báo cáo khảo sát kèm theo.');
    await page.getByTestId('task-progress-done').check();
    await page.getByTestId('task-progress-submit').click();
    await expect(page.getByTestId('task-state')).toHaveText('Đã báo cáo hoàn thành');
    await expect(page.getByTestId('task-status-tag').first()).toHaveAttribute('data-status', 'done_on_time');

    await page.goto(parentUrl);
    await expect(page.getByTestId('task-rollup')).toContainText('Hoàn thành đúng hạn');
    await expect(page.getByTestId('task-history')).toContainText('Báo cáo tiến độ');
    await shot(page, 'tasks-03-detail');
  });

  test('chanhvp sees the roll-up on the dashboard, drills down, and drafts the urging letter for the late unit', async ({
    page,
  }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    await page.getByTestId('menu-tasks-dashboard').click();
    await expect(page.getByRole('heading', { name: 'Tình hình thực hiện nhiệm vụ' })).toBeVisible();

    // The figures on the screen are the API's (which the server tests check against SQL).
    type Unit = {
      key: string;
      name: string;
      committeeId: number;
      counts: Record<string, number>;
      total: number;
    };
    const dash = (await (await page.request.get('/api/tasks/dashboard')).json()) as {
      committeeId: number;
      totals: Record<string, number>;
      units: Unit[];
    };
    const btc = dash.units.find((u) => u.key === 'c1-a2')!;
    const tanPhu = dash.units.find((u) => u.name === 'Đảng ủy xã Tân Phú')!;
    expect(btc.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(tanPhu.total).toBeGreaterThanOrEqual(1);
    const total = Object.values(dash.totals).reduce((a, b) => a + b, 0);
    await expect(page.getByTestId('dash-total-total')).toContainText(String(total));
    await expect(page.getByTestId('dash-total-overdue')).toContainText(String(dash.totals.overdue));
    await expect(page.getByTestId('dash-c1-a2-total')).toHaveText(String(btc.total));
    await expect(page.getByTestId('dash-c1-a2-overdue')).toHaveText(String(btc.counts.overdue));
    await expect(page.getByTestId(`dash-${tanPhu.key}-total`)).toHaveText(String(tanPhu.total));
    await expect(page.getByTestId('tasks-chart-units').locator('canvas')).toHaveCount(1);
    await expect(page.getByTestId('tasks-chart-trend').locator('canvas')).toHaveCount(1);
    await shot(page, 'tasks-04-dashboard');

    // With the sub-tasks: the commune's office shows the sub-task it finished on time.
    await page.getByTestId('tasks-dashboard-subtasks').click();
    const withSubs = (await (await page.request.get('/api/tasks/dashboard?subtasks=true')).json()) as {
      units: Unit[];
    };
    const office = withSubs.units.find((u) => u.committeeId === tanPhu.committeeId && u.key !== tanPhu.key)!;
    expect(office.counts.done_on_time).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId(`dash-${office.key}-done_on_time`)).toHaveText(
      String(office.counts.done_on_time),
    );
    await page.getByTestId('tasks-dashboard-subtasks').click();

    // Every figure opens the tasks it counts.
    await page.getByTestId('dash-c1-a2-overdue').click();
    await expect(page).toHaveURL(/\/tasks\?.*lead=c1-a2/);
    await expect(page).toHaveURL(/status=overdue/);
    await expect(rows(page)).toHaveCount(btc.counts.overdue);
    await expect(rows(page).filter({ hasText: 'kiện toàn tổ chức bộ máy' })).toHaveCount(1);
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
    await expect(page.locator('.vp-task-card', { hasText: 'kiện toàn tổ chức bộ máy' })).toHaveCount(1);
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

  test('the assigner grants an extension and evaluates a reported task; a new task with a bad deadline is refused clearly', async ({
    page,
  }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    // The demo's pending extension (Ban Tổ chức, overdue).
    await page.goto(`/tasks?q=${encodeURIComponent('Thẩm định phương án nhân sự')}`);
    await rows(page).first().getByRole('link').first().click();
    const extensions = page.getByTestId('task-extensions');
    await expect(extensions).toContainText('Chờ quyết định');
    await extensions.locator('[data-testid^="task-extension-grant-"]').first().click();
    await page.getByTestId('task-decision-comment').fill('Đồng ý gia hạn; đề nghị hoàn thành đúng hạn mới.');
    await page.getByTestId('task-decision-submit').click();
    await expect(extensions).toContainText('Đã đồng ý');
    await expect(page.getByTestId('task-history')).toContainText('gia hạn');

    // A task its unit reported done: đạt, with a comment, and it is closed.
    await page.goto(`/tasks?q=${encodeURIComponent('giải quyết các vụ việc khiếu nại')}`);
    await rows(page).first().getByRole('link').first().click();
    await expect(page.getByTestId('task-state')).toHaveText('Đã báo cáo hoàn thành');
    await page.getByTestId('task-evaluate').click();
    await page.getByTestId('task-evaluation-comment').fill('Hoàn thành tốt, đúng yêu cầu.');
    await page.getByTestId('task-evaluation-submit').click();
    await expect(page.getByTestId('task-evaluation')).toContainText('Đạt');
    await expect(page.getByTestId('task-state')).toHaveText('Đã đánh giá, kết thúc');
    await expect(page.getByTestId('task-evaluate')).toHaveCount(0);

    await page.context().clearCookies();
    await loginAndWaitForHome(page, 'chuyenvien');
    await page.goto('/tasks/new');
    await page.getByTestId('task-content').fill('Chuẩn bị báo cáo sơ kết công tác văn phòng năm.');
    await choose(page, 'task-lead', 'Văn phòng Tỉnh', 'Văn phòng Tỉnh ủy');
    await typeDate(page, 'task-assigned-on', ddmmyyyy(at(0)));
    await typeDate(page, 'task-deadline', ddmmyyyy(at(-3)));
    await page.getByTestId('task-submit').click();
    // The server's answer sits under the deadline; nothing was created.
    await expect(page.locator('.ant-form-item-has-error')).toHaveCount(1);
    await expect(page.locator('.ant-form-item-has-error')).toContainText('Thời hạn không được trước ngày giao.');
    await expect(page).toHaveURL(/\/tasks\/new$/);
    await shot(page, 'tasks-09-form-error');
    await typeDate(page, 'task-deadline', ddmmyyyy(at(30)));
    await page.getByTestId('task-submit').click();
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
    await expect(page.getByTestId('task-lead')).toHaveText('Văn phòng Tỉnh ủy');
  });
});
