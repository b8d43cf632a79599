import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loginAndWaitForHome, logout, shot as fullShot, SHOTS_DIR } from './helpers.ts';

/** Full-page screenshots of a settled page, from the top (see incoming.spec.ts). */
async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning')).toHaveCount(0);
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** A calendar day some days ago in the office's time zone: [dd/mm/yyyy, day, month, year]. */
function officeDay(daysAgo: number): { display: string; day: number; month: number; year: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.now() - daysAgo * 86_400_000));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return {
    display: `${get('day')}/${get('month')}/${get('year')}`,
    day: Number(get('day')),
    month: Number(get('month')),
    year: Number(get('year')),
  };
}

/**
 * A scanned letter in the Party layout (36-HD/VPTW): the page is laid out in HTML, printed to PDF by
 * LibreOffice and rasterised by pdftoppm into a grey PNG at 150 dpi — what a scanner hands the clerk.
 */
function scanLetter({
  notation,
  date,
  summary,
}: {
  notation: string;
  date: ReturnType<typeof officeDay>;
  summary: string;
}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-e2e-scan-'));
  const html = `<html><head><meta charset="utf-8"><style>
body{font-family:'Times New Roman',Tinos,serif;font-size:14pt}td{vertical-align:top;text-align:center}
</style></head><body>
<table width="100%"><tr>
<td width="45%">ĐẢNG BỘ TỈNH HỒNG LAM<br><b>BAN TỔ CHỨC TỈNH ỦY</b><br>*<br>Số ${notation}<br><i>V/v ${summary}</i></td>
<td width="55%"><b><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b><br><br><i>Hồng Lam, ngày ${date.day} tháng ${date.month} năm ${date.year}</i></td>
</tr></table>
<p style="text-align:center"><b>Kính gửi:</b> Văn phòng Tỉnh ủy</p>
<p>Thực hiện kế hoạch của Ban Thường vụ Tỉnh ủy về công tác lưu trữ, Ban Tổ chức Tỉnh ủy đề nghị Văn phòng
Tỉnh ủy phối hợp kiểm kê toàn bộ hồ sơ, tài liệu đang bảo quản tại kho Đồi Thông và báo cáo kết quả trước
ngày 30 tháng 12 năm ${date.year}.</p>
<table width="100%"><tr><td width="50%" style="text-align:left"><i><b>Nơi nhận:</b></i><br>- Như trên,<br>- Lưu BTC.</td>
<td>T/M BAN TỔ CHỨC<br>PHÓ TRƯỞNG BAN<br><br><br><b>Trần Văn Khải</b></td></tr></table>
</body></html>`;
  fs.writeFileSync(path.join(dir, 'cong-van.html'), html);
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      path.join(dir, 'cong-van.html'),
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '150',
    '-gray',
    '-singlefile',
    path.join(dir, 'cong-van.pdf'),
    path.join(dir, 'ban-quet'),
  ]);
  return path.join(dir, 'ban-quet.png');
}

test.describe.serial('a clerk registers a scanned letter and anyone allowed finds it by typing', () => {
  const date = officeDay(3);
  const notation = `${100 + Math.floor(Math.random() * 800)}-CV/BTCTU`;
  const summary = 'kiểm kê tài liệu kho Đồi Thông';
  const corrected = 'Kiểm kê hồ sơ, tài liệu lưu trữ tại kho Đồi Thông';
  let id = 0;

  test('vanthu uploads the scan, checks the pre-filled form, corrects the trích yếu and registers it', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const scan = scanLetter({ notation, date, summary });
    await loginAndWaitForHome(page, 'vanthu');
    await page.getByTestId('menu-incoming').click();
    await page.getByTestId('incoming-scan').click();
    await expect(page).toHaveURL(/\/incoming\/scan$/);
    await expect(page.getByRole('heading', { name: 'Vào sổ từ bản quét' })).toBeVisible();

    await page.locator('input[type=file]').setInputFiles(scan);
    // OCR of a page takes seconds on a loaded machine.
    await expect(page.getByTestId('scan-form-notation')).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('scan-preview')).toBeVisible();

    // What the page says is in the form, each field with its mark.
    await expect(page.getByTestId('scan-form-notation')).toHaveValue(notation);
    await expect(page.locator('input[data-testid="scan-form-documentDate"]')).toHaveValue(date.display);
    await expect(page.locator('#scan-form-issuer')).toHaveValue(/Ban Tổ chức Tỉnh ủy/i);
    await expect(page.getByTestId('scan-mark-notation')).toHaveAttribute('data-level', /high|medium/);
    // Not stored by the reading on this networked profile: attached with the registration.
    await expect(page.getByTestId('scan-attach-note')).toContainText('ban-quet.png');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SHOTS_DIR, 'search-scan.png') });

    // She corrects one field: the trích yếu as the register should read it (OCR often garbles the italic
    // "V/v" line; whatever was read, or nothing, her text replaces it and the mark says so).
    const summaryField = page.getByTestId('scan-form-summary');
    await summaryField.fill(corrected);
    await expect(page.getByTestId('scan-mark-summary')).toHaveAttribute('data-level', 'corrected');
    await summaryField.press('Control+Enter');

    await expect(page).toHaveURL(/\/incoming\/\d+$/, { timeout: 30_000 });
    id = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByTestId('incoming-detail-title')).toBeVisible();
    await expect(page.getByText(notation).first()).toBeVisible();
    await expect(page.getByText('ban-quet.png').first()).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('vanthu finds it by typing two words without diacritics in the header box', async ({ page }) => {
    await loginAndWaitForHome(page, 'vanthu');
    await page.keyboard.press('/');
    const box = page.getByTestId('global-search');
    await expect(box).toBeFocused();
    await box.fill('doi thong');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=doi\+thong$/);
    const hit = page.getByTestId(`search-hit-incoming-${id}`);
    await expect(hit).toBeVisible();
    await expect(hit).toContainText(notation);
    await expect(hit.getByTestId('search-kind-tag')).toHaveText('Văn bản đến');
    await expect(hit.locator('mark').first()).toHaveText('Đồi Thông');
    await expect(hit.getByTestId('search-hit-status')).toHaveText('Đã vào sổ');
    await expect(page.getByTestId('search-box')).toHaveValue('doi thong');

    // A facet narrows the list and goes into the URL; Back undoes it.
    await page.getByTestId('search-facet-kind-incoming').click();
    await expect(page).toHaveURL(/kind=incoming/);
    await expect(page.getByTestId('search-active-kind')).toContainText('Văn bản đến');
    await expect(hit).toBeVisible();
    await shot(page, 'search-page');
    await page.goBack();
    await expect(page).not.toHaveURL(/kind=/);
    await expect(page.getByTestId('search-active-kind')).toHaveCount(0);

    // A shared link with a filter that excludes it: the empty state offers to clear the filters.
    await page.goto('/search?q=doi+thong&kind=outgoing');
    await expect(page.getByTestId('search-active-kind')).toContainText('Văn bản đi');
    await expect(page.getByTestId('search-empty')).toContainText(
      'Không tìm thấy kết quả nào cho “doi thong”',
    );
    await page.getByTestId('search-empty').getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expect(page).toHaveURL(/\/search\?q=doi\+thong$/);
    await expect(hit).toBeVisible();

    // Sorting by date keeps the words and goes into the URL too.
    await page.getByTestId('search-sort').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Mới nhất' })
      .click();
    await expect(page).toHaveURL(/sort=date_desc/);
    await expect(hit).toBeVisible();

    // The notation typed in the header is looked up exactly.
    await page.getByTestId('global-search').fill(notation);
    await page.getByTestId('global-search').press('Enter');
    await expect(page.getByTestId('search-notation-mode')).toBeVisible();
    await expect(page.getByTestId('search-results').locator('li').first()).toHaveAttribute(
      'data-testid',
      `search-hit-incoming-${id}`,
    );

    // A broader search over the demo register: several kinds of documents, facets with counts.
    await page.goto('/search?q=cong+tac');
    await expect(page.getByTestId('search-results').locator('li').nth(1)).toBeVisible();
    await expect(page.getByTestId('search-results').locator('mark').first()).toBeVisible();
    await shot(page, 'search-results');

    // On a phone: one column, the facets in a drawer.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/search?q=cong+tac');
    await expect(page.getByTestId('search-results').locator('li').nth(1)).toBeVisible();
    await shot(page, 'search-phone');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'search-phone-top.png') });
    await page.getByTestId('search-facets-toggle').click();
    await expect(page.getByTestId('search-facet-kind-incoming')).toBeVisible();
    await page.waitForTimeout(500); // the drawer slides in
    await page.screenshot({ path: path.join(SHOTS_DIR, 'search-phone-facets.png') });
  });

  test('a specialist the letter was not sent to does not find it, nor count it', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'chuyenvien');
    await page.getByTestId('global-search').fill('doi thong');
    await page.getByTestId('global-search').press('Enter');
    await expect(page.getByTestId('search-empty')).toBeVisible();
    await expect(page.getByTestId('search-total')).toHaveText('Không có kết quả');
    await expect(page.getByTestId(`search-hit-incoming-${id}`)).toHaveCount(0);
    await page.goto(`/search?q=${encodeURIComponent(notation)}`);
    await expect(page.getByTestId('search-empty')).toBeVisible();
  });
});
