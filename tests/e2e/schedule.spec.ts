import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loginAndWaitForHome, SHOTS_DIR, shot as fullShot } from './helpers.ts';

/**
 * Issue 6: chanhvp builds the yearly BTV programme of 2027 with six items, moves two into the January
 * programme, schedules the meeting with those items, attaches a paper and publishes the week; bithu sees
 * the week and reads the paper; after the meeting the conclusions become a notice draft and tasks.
 * The demo (programmes of BTV 2026, the current week published, meeting 1) gives the screenshots.
 */

/** Full-page screenshots of the settled page, from the top (no spinner, no toast). */
async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning, .ant-skeleton')).toHaveCount(0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** Chooses an option of a Select after typing a search (server-searched lists included). */
async function choose(page: Page, testId: string, search: string, optionText: string, multiple = false): Promise<void> {
  const input = page.getByTestId(testId).locator('input').first();
  await input.click();
  await input.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
  await expect(page.getByTestId(testId)).toContainText(optionText);
  // A multiple select keeps its list open (Escape closes it); a single one closes by itself (Escape would close the modal).
  if (multiple) {
    await page.keyboard.press('Escape');
  }
}

/** Types into an antd DatePicker (its input) and confirms. */
async function typePicker(page: Page, testId: string, text: string): Promise<void> {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect(input).toHaveValue(text);
}

/** Monday of this week in Vietnam, dd/mm/yyyy (the demo publishes the current week). */
function mondayThisWeek(): string {
  const vn = new Date(Date.now() + 7 * 3600_000);
  const monday = new Date(vn.getTime() - ((vn.getUTCDay() + 6) % 7) * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(monday.getUTCDate())}/${pad(monday.getUTCMonth() + 1)}/${monday.getUTCFullYear()}`;
}

const confirmOk = (page: Page) => page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();

const YEAR = 2027;
/** The week of the meeting: Monday 11/01/2027 – Sunday 17/01/2027. */
const WEEK = '2027-W02';
const MEETING = 'Hội nghị Ban Thường vụ Tỉnh ủy tháng 01/2027';
const ITEMS: [string, string, string][] = [
  ['Kế hoạch tổ chức các hoạt động kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam', '01/2027', 'Tuyên giáo'],
  ['Đề án nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2027–2030', '01/2027', 'Tổ chức'],
  ['Báo cáo sơ kết công tác quý I/2027, nhiệm vụ quý II/2027', '04/2027', 'Văn phòng'],
  ['Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh (sửa đổi)', '05/2027', 'Văn phòng'],
  ['Sơ kết 6 tháng đầu năm 2027, phương hướng 6 tháng cuối năm', '07/2027', 'Văn phòng'],
  ['Chương trình công tác năm 2028 của Ban Thường vụ Tỉnh ủy', '12/2027', 'Văn phòng'],
];
const CONCLUSIONS = [
  '1. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy hoàn chỉnh Kế hoạch tổ chức các hoạt động kỷ niệm 97 năm Ngày thành lập Đảng, ban hành trước ngày 20/01/2027.',
  '2. Giao Ban Tổ chức Tỉnh ủy tiếp thu ý kiến, hoàn chỉnh Đề án nâng cao chất lượng sinh hoạt chi bộ, trình Ban Thường vụ trước ngày 28/02/2027.',
].join('\n');

const itemRows = (page: Page) => page.locator('[data-testid="programme-items"] tr.ant-table-row');

test.describe.serial('work programme, weekly schedule and meeting (issue 6)', () => {
  test('screens of the demo: programme board, programme, week, event form, month, printed week, phone', async ({ page }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    await page.getByTestId('menu-programmes').click();
    await expect(page.getByRole('heading', { name: 'Chương trình công tác' })).toBeVisible();
    await page.goto('/programmes?year=2026');
    await expect(page.getByTestId('programme-body-btv')).toContainText('Năm 2026');
    await expect(page.getByTestId('programme-body-btv')).toContainText('Tháng 11/2026');
    await shot(page, 'schedule-01-board');

    await page.getByTestId('programme-body-btv').getByText('Năm 2026').click();
    await expect(itemRows(page)).toHaveCount(8);
    await expect(page.locator('tr.vp-item-slipped')).toHaveCount(1);
    await shot(page, 'schedule-02-programme');

    await page.getByTestId('menu-schedule').click();
    await expect(page.getByRole('heading', { name: 'Lịch công tác tuần' })).toBeVisible();
    await expect(page.getByTestId('week-status')).toContainText('Đã công bố');
    await expect(page.getByTestId('week-table')).toContainText('Giao ban Thường trực Tỉnh ủy');
    await shot(page, 'schedule-03-week');

    // A room booked at the same time is refused, under the field; a leader booked twice is a warning.
    const first = page.getByTestId('week-table').getByText('Giao ban Thường trực Tỉnh ủy').first();
    await first.click();
    await expect(page.getByText('Sửa lịch công tác')).toBeVisible();
    await shot(page, 'schedule-04-event-form');
    // Saved without a change: nothing sent, the published event is not marked as a change.
    await page.getByTestId('event-save').click();
    await expect(page.getByText('Sửa lịch công tác')).toHaveCount(0);
    const giaoBan = page.getByTestId('week-table').locator('tr', { hasText: 'Giao ban Thường trực Tỉnh ủy' });
    await expect(giaoBan.getByTestId('event-changed')).toHaveCount(0);

    await page.getByTestId('event-new').click();
    const monday = mondayThisWeek();
    await typePicker(page, 'event-starts', `${monday} 08:00`);
    await typePicker(page, 'event-ends', `${monday} 09:00`);
    await page.getByTestId('event-content').fill('Làm việc với Đảng ủy xã Tân Phú về chuyển đổi số');
    await choose(page, 'event-leaders', 'Vinh', 'Phạm Quang Vinh', true);
    await choose(page, 'event-resources', 'số 1', 'Phòng họp số 1', true);
    await page.getByTestId('event-save').click();
    await expect(page.getByTestId('event-resource-taken')).toContainText('Phòng họp số 1');
    await shot(page, 'schedule-05-room-taken');
    await page.getByTestId('event-resources').locator('.ant-select-selection-item-remove').click();
    await page.getByTestId('event-save').click();
    await expect(page.getByTestId('event-conflicts')).toContainText('Phạm Quang Vinh');
    await page.locator('.ant-modal-confirm-btns .ant-btn').click();
    // Added after publishing: marked as a change.
    await expect(page.getByTestId('week-table').locator('tr', { hasText: 'chuyển đổi số' }).getByTestId('event-changed')).toBeVisible();
    await expect(page.getByTestId('week-table').locator('tr', { hasText: 'chuyển đổi số' }).getByTestId('event-conflict')).toBeVisible();

    // iCalendar: a leader's feed URL, shown once, that a calendar app reads without a session.
    await page.getByTestId('ical-open').click();
    await choose(page, 'ical-person', 'Vinh', 'Phạm Quang Vinh');
    await page.getByTestId('ical-create').click();
    await expect(page.getByTestId('ical-url')).toHaveValue(/\/api\/schedule\/ical\/.+/);
    await shot(page, 'schedule-06-ical');
    const feed = await page.request.get(await page.getByTestId('ical-url').inputValue());
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByTestId('menu-schedule-month').click();
    await expect(page.getByTestId('month-grid')).toContainText('Giao ban Thường trực');
    await shot(page, 'schedule-06-month-view');

    // The printed week: A4 landscape PDF, turned into a PNG to look at.
    await page.getByTestId('menu-schedule').click();
    // As bithu prints it: the published week (the working copy prints as a draft).
    const href = (await page.getByTestId('week-print').getAttribute('href')) ?? '';
    const pdf = await page.request.get(href.replace(/[?&]draft=true/, ''));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const pdfFile = path.join(SHOTS_DIR, 'schedule-07-print.pdf');
    fs.writeFileSync(pdfFile, await pdf.body());
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdfFile, path.join(SHOTS_DIR, 'schedule-07-print')]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByTestId('week-table')).toContainText('Giao ban Thường trực Tỉnh ủy');
    await shot(page, 'schedule-08-week-phone');
  });

  test('chanhvp builds the BTV programme of 2027 with six items and moves two into January', async ({ page }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    await page.goto(`/programmes?year=${YEAR}`);
    await expect(page.getByTestId('programme-body-btv')).toContainText(`Chưa có chương trình năm ${YEAR}`);
    await page.getByTestId('programme-new').click();
    await page.getByTestId('programme-create-ok').click();
    await expect(page.getByRole('heading', { name: `Chương trình công tác năm ${YEAR}` })).toBeVisible();

    for (const [content, month, lead] of ITEMS) {
      await page.getByTestId('item-add').click();
      await page.getByTestId('item-content').fill(content);
      await typePicker(page, 'item-month', month);
      await choose(page, 'item-lead', lead, lead);
      await page.getByTestId('item-save').click();
      await expect(itemRows(page).filter({ hasText: content })).toHaveCount(1);
    }
    await expect(itemRows(page)).toHaveCount(6);

    // A month outside the year is not offered; one typed is refused by the server under the field.
    await page.getByTestId('item-add').click();
    await page.getByTestId('item-content').fill('Nội dung ngoài kỳ');
    const month = page.locator('input[data-testid="item-month"], [data-testid="item-month"] input').first();
    await month.fill('01/2028');
    await month.press('Enter');
    await page.getByTestId('item-save').click();
    await expect(page.locator('.ant-form-item-explain-error').first()).toBeVisible();
    await page.locator('.ant-modal-footer').getByRole('button', { name: 'Hủy', exact: true }).click();
    await expect(itemRows(page)).toHaveCount(6);

    await itemRows(page).nth(0).locator('input[type=checkbox]').check();
    await itemRows(page).nth(1).locator('input[type=checkbox]').check();
    await page.getByTestId('programme-move').click();
    await expect(page.getByTestId('move-month')).toContainText('Tháng 01/2027');
    await page.getByTestId('move-ok').click();
    await expect(page.getByRole('heading', { name: /tháng 0?1\/2027/i })).toBeVisible();
    await expect(itemRows(page)).toHaveCount(2);
    await expect(itemRows(page).first()).toContainText('Từ chương trình năm');

    // The year item keeps its status and its history shows where it went.
    await page.goto(`/programmes?year=${YEAR}`);
    await expect(page.getByTestId('programme-body-btv')).toContainText('Tháng 01/2027');
    await shot(page, 'schedule-09-board-2027');
  });

  test('chanhvp schedules the meeting with the January items, attaches a paper and publishes the week', async ({ page }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    await page.goto(`/schedule?week=${WEEK}`);
    await expect(page.getByTestId('week-status')).toContainText('Dự thảo');
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-title').fill(MEETING);
    await choose(page, 'meeting-chair', 'Vinh', 'Phạm Quang Vinh');
    await page.getByTestId('meeting-place').fill('Phòng họp số 1, Tỉnh ủy');
    await choose(page, 'meeting-resources', 'số 1', 'Phòng họp số 1', true);
    await choose(page, 'meeting-invitees', 'Vinh', 'Phạm Quang Vinh', true);
    await choose(page, 'meeting-programme', 'Tháng 01', 'Ban Thường vụ — Tháng 01/2027');
    await choose(page, 'meeting-programme-items', 'kỷ niệm', 'kỷ niệm 97 năm', true);
    await choose(page, 'meeting-programme-items', 'sinh hoạt chi bộ', 'sinh hoạt chi bộ', true);
    await page.getByTestId('meeting-add-items').click();
    await expect(page.getByTestId('agenda-1')).toHaveValue(/sinh hoạt chi bộ/);
    await page.getByTestId('meeting-save').click();
    await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
    await expect(page.getByTestId('meeting-agenda')).toContainText('kỷ niệm 97 năm');
    await expect(page.getByTestId('meeting-agenda')).toContainText('Chương trình công tác');

    await page.getByTestId('paper-title').fill('Dự thảo Đề án nâng cao chất lượng sinh hoạt chi bộ');
    await page.getByTestId('meeting-papers').locator('input[type=file]').setInputFiles(
      path.resolve(import.meta.dirname, '../../apps/server/test/fixtures/capture/doc-001.pdf'),
    );
    await expect(page.getByTestId('paper-attach')).toBeEnabled();
    await page.getByTestId('paper-attach').click();
    await expect(page.getByTestId('meeting-papers').locator('.ant-list-item')).toHaveCount(1);

    await page.goto(`/schedule?week=${WEEK}`);
    await expect(page.getByTestId('week-table')).toContainText(MEETING);
    await page.getByTestId('week-publish').click();
    await confirmOk(page);
    await expect(page.getByTestId('week-status')).toContainText('Đã công bố lần 1');
  });

  test('bithu sees the published week and reads the meeting paper', async ({ page }) => {
    await loginAndWaitForHome(page, 'bithu');
    await page.goto(`/schedule?week=${WEEK}`);
    await expect(page.getByTestId('week-status')).toContainText('Đã công bố');
    await expect(page.getByTestId('week-table')).toContainText(MEETING);
    await page.getByTestId('week-table').locator('[data-testid^="event-meeting-"]').first().click();
    await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();
    const open = page.getByTestId('meeting-papers').locator('[data-testid^="paper-open-"]').first();
    const res = await page.request.get((await open.getAttribute('href')) ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await shot(page, 'schedule-10-meeting-bithu');
  });

  test('after the meeting the conclusions become the notice draft and two tasks', async ({ page }) => {
    await loginAndWaitForHome(page, 'chanhvp');
    await page.goto('/meetings');
    await page.getByTestId('meeting-list').getByText(MEETING).click();
    await expect(page.getByRole('heading', { name: MEETING })).toBeVisible();

    await page.getByTestId('attend-4').getByText('Có mặt').click();
    await page.getByTestId('attendance-save').click();
    await expect(page.getByTestId('meeting-attendance')).toContainText('Có mặt 1/1');

    await page.getByTestId('minutes-draft').click();
    await expect(page.getByTestId('minutes-text')).toHaveValue(/sinh hoạt chi bộ/);
    await page.getByTestId('conclusions-text').fill(CONCLUSIONS);
    await page.getByTestId('minutes-save').click();
    await expect(page.getByTestId('minutes-save')).toBeDisabled();

    await page.getByTestId('meeting-held').click();
    await confirmOk(page);
    await expect(page.locator('.ant-message-notice', { hasText: 'Đã ghi nhận hội nghị đã họp' })).toBeVisible();
    await expect(page.getByTestId('meeting-status')).toContainText('Đã họp');

    await page.getByTestId('conclusion-outgoing').click();
    await expect(page.getByTestId('conclusion-outgoing-link')).toBeVisible();

    await page.getByTestId('conclusion-tasks').click();
    await expect(page.getByTestId('conclusion-drafts').locator('tr.ant-table-row')).toHaveCount(2);
    await expect(page.getByTestId('draft-lead-0')).toContainText('Ban Tuyên giáo và Dân vận Tỉnh ủy');
    await expect(page.getByTestId('draft-lead-1')).toContainText('Ban Tổ chức Tỉnh ủy');
    await shot(page, 'schedule-11-meeting-conclusions');
    await page.getByTestId('conclusion-tasks-create').click();
    await expect(page.getByTestId('conclusion-task-links').locator('a')).toHaveCount(2);
    await shot(page, 'schedule-12-meeting-done');

    // The programme items on the agenda are presented now.
    await page.goto(`/programmes?year=${YEAR}`);
    await page.getByTestId('programme-body-btv').getByText('Tháng 01/2027').click();
    await expect(itemRows(page).filter({ hasText: 'Đã trình' })).toHaveCount(2);

    // The outgoing draft opens.
    await page.goto('/meetings');
    await page.getByTestId('meeting-list').getByText(MEETING).click();
    await page.getByTestId('conclusion-outgoing-link').click();
    await expect(page).toHaveURL(/\/outgoing\/\d+/);
  });
});
