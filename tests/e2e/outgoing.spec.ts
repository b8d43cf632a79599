import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loginAndWaitForHome, logout, pick, shot as fullShot, SHOTS_DIR } from './helpers.ts';

/** Full-page screenshots of the settled page, from the top. */
async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning')).toHaveCount(0);
  // Toasts fade after a few seconds: the picture shows the page, not the toast over its title.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** Picks an option of a multiple Select by typing part of its label (the list is long). */
async function pickMany(page: Page, testId: string, search: string, optionText: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.click();
  await input.fill(search);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
    .first()
    .click();
  await input.press('Escape');
}

const tool = (name: string) => {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const ISSUE_TIMEOUT = { timeout: 45_000 };

test.describe.serial('a công văn goes from the specialist through review and signature to the clerk, and reaches the recipients', () => {
  const summary = 'V/v triển khai chuyển đổi số trong các cơ quan đảng năm 2027';
  let id = 0;
  const pdfPath = path.join(SHOTS_DIR, 'outgoing-01-CV-TU.pdf');

  test('chuyenvien drafts it with the live header preview and submits it', async ({ page }) => {
    await loginAndWaitForHome(page, 'chuyenvien');
    await expect(page.getByTestId('menu-outgoing')).toBeVisible();
    await expect(page.getByTestId('menu-outgoing-series')).toHaveCount(0);
    await expect(page.getByTestId('menu-verify-signature')).toBeVisible();
    await page.getByTestId('menu-outgoing-new').click();
    await expect(page.getByRole('heading', { name: 'Soạn văn bản đi' })).toBeVisible();

    // The drafter's own committee is proposed; its header lines show at once.
    await expect(page.getByTestId('outgoing-form-issuer')).toContainText('Tỉnh ủy Hồng Lam');
    await expect(page.getByTestId('outgoing-preview-superior')).toHaveText('ĐẢNG BỘ TỈNH HỒNG LAM');
    await expect(page.getByTestId('outgoing-preview-issuer')).toHaveText('TỈNH ỦY');

    await pick(page, 'outgoing-form-type', 'Công văn (CV)');
    await expect(page.getByTestId('outgoing-preview-number')).toHaveText(/^Số\s+-CV\/TU$/);
    await expect(page.getByTestId('outgoing-preview-date')).toHaveText(/^Hồng Lam, ngày\s+tháng\s+năm \d{4}$/);

    await pickMany(page, 'outgoing-form-recipients', 'tan phu', 'Đảng ủy xã Tân Phú');
    await pickMany(page, 'outgoing-form-recipients', 'to chuc tinh', 'Ban Tổ chức Tỉnh ủy');
    const chosen = page.getByTestId('outgoing-form-recipient-list');
    await expect(chosen).toContainText('Đảng ủy xã Tân Phú');
    await expect(chosen).toContainText('Ban Tổ chức Tỉnh ủy');
    await expect(chosen).toContainText('Liên thông');

    await page.getByTestId('outgoing-form-addressees').fill('Đảng ủy xã Tân Phú\nBan Tổ chức Tỉnh ủy');
    await page.getByTestId('outgoing-form-extraLines').fill('Như trên\nThường trực Tỉnh ủy (để b/c)');
    await page.getByTestId('outgoing-form-summary').fill(summary);
    await page
      .getByTestId('outgoing-form-body')
      .fill(
        'Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, Ban Thường vụ Tỉnh ủy đề nghị:\n' +
          '1. Các đơn vị rà soát hạ tầng, đăng ký nhu cầu chữ ký số cho cán bộ trước ngày 15/12.\n' +
          '2. Ban Tổ chức Tỉnh ủy chủ trì tổng hợp, báo cáo Thường trực Tỉnh ủy.',
      );

    // The preview follows: "V/v …" in italics under the number, the "Kính gửi:" block, the body.
    await expect(page.getByTestId('outgoing-preview-vv')).toHaveText(summary);
    const addressees = page.getByTestId('outgoing-preview-addressees');
    await expect(addressees).toContainText('Kính gửi:');
    await expect(addressees).toContainText('- Đảng ủy xã Tân Phú,');
    await expect(addressees).toContainText('- Ban Tổ chức Tỉnh ủy.');
    await expect(page.getByTestId('outgoing-preview')).toContainText('- Lưu Văn phòng Tỉnh ủy.');
    await page.getByRole('heading', { name: 'Soạn văn bản đi' }).click();
    await page.setViewportSize({ width: 1366, height: 1500 });
    await shot(page, 'outgoing-form');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('outgoing-form-submit').click();
    await expect(page).toHaveURL(/\/outgoing\/\d+$/);
    id = Number(page.url().split('/').pop());
    await expect(page.getByTestId('outgoing-status-tag').first()).toHaveText('Dự thảo');
    await expect(page.getByTestId('outgoing-metadata')).toContainText(summary);

    await page.getByTestId('outgoing-action-submit').click();
    await expect(page.getByRole('dialog')).toContainText('Trình duyệt dự thảo');
    await page.getByTestId('outgoing-submit-ok').click();
    await expect(page.getByTestId('outgoing-status-tag').first()).toHaveText('Đang trình duyệt');
    await expect(page.getByTestId('outgoing-action-submit')).toHaveCount(0);
    await expect(page.getByTestId('outgoing-format-ok')).toHaveText('Đúng thể thức');
    await expect(page.getByTestId('outgoing-step-1')).toContainText('Lê Văn Đức');
  });

  test('chanhvp finds it in his review box and approves it', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'chanhvp');
    await page.getByTestId('menu-outgoing').click();
    await page.getByTestId('outgoing-box-review').click();
    await expect(page).toHaveURL(/box=review/);
    const row = page.getByTestId(`outgoing-row-${id}`);
    await expect(row).toContainText(summary);
    await expect(row).toContainText('Chánh Văn phòng thẩm định');
    await shot(page, 'outgoing-list');

    await page.getByTestId(`outgoing-link-${id}`).click();
    await expect(page.getByTestId('outgoing-detail-title')).toHaveText('Công văn (dự thảo)');
    await expect(page.getByTestId('outgoing-action-approve')).toBeVisible();
    await expect(page.getByTestId('outgoing-action-sign')).toHaveCount(0);
    await page.setViewportSize({ width: 1366, height: 1300 });
    await shot(page, 'outgoing-document-review');
    await page.setViewportSize({ width: 1366, height: 768 });

    // "Trả lại" needs a comment: the dialog refuses an empty one.
    await page.getByTestId('outgoing-action-return').click();
    await page.getByTestId('step-return-ok').click();
    await expect(page.locator('.ant-form-item-explain-error')).toContainText('Vui lòng nhập thông tin này');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();

    await page.getByTestId('outgoing-action-approve').click();
    await page.getByTestId('step-approve-text').fill('Đồng ý, trình đồng chí Bí thư ký.');
    await page.getByTestId('step-approve-ok').click();
    await expect(page.getByTestId('outgoing-status-tag').first()).toHaveText('Chờ ký');
    await expect(page.getByTestId('outgoing-step-1')).toContainText('Đồng ý, trình đồng chí Bí thư ký.');
  });

  test('bithu signs it, and signs demo công văn 5 too', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'bithu');
    await page.goto('/outgoing?box=review');
    await expect(page.getByTestId(`outgoing-row-${id}`)).toBeVisible();
    await page.getByTestId(`outgoing-link-${id}`).click();
    await page.getByTestId('outgoing-action-sign').click();
    await expect(page.getByRole('dialog')).toContainText('BÍ THƯ');
    await page.getByTestId('step-sign-ok').click();
    await expect(page.getByTestId('outgoing-status-tag').first()).toHaveText('Đã ký — chờ phát hành');
    await expect(page.getByTestId('outgoing-metadata')).toContainText('Phạm Quang Vinh');
    await page.setViewportSize({ width: 1366, height: 1300 });
    await shot(page, 'outgoing-signed');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.goto('/outgoing/5');
    await page.getByTestId('outgoing-action-sign').click();
    await page.getByTestId('step-sign-ok').click();
    await expect(page.getByTestId('outgoing-status-tag').first()).toHaveText('Đã ký — chờ phát hành');
  });

  test('vanthu issues it from "Chờ phát hành" as 01-CV/TU, then demo công văn 5 as 02-CV/TU', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.getByTestId('menu-outgoing').click();
    await page.getByTestId('outgoing-box-to_issue').click();
    await expect(page.getByTestId(`outgoing-row-${id}`)).toBeVisible();
    await page.getByTestId(`outgoing-link-${id}`).click();
    await page.getByTestId('outgoing-action-issue').click();
    await expect(page.getByRole('dialog')).toContainText('Đảng ủy xã Tân Phú — Liên thông');
    await page.getByTestId('outgoing-issue-ok').click();
    await expect(page.getByTestId('outgoing-issued-result')).toContainText('Số 01-CV/TU', ISSUE_TIMEOUT);
    await expect(page.getByTestId('outgoing-status-tag').first()).toHaveText('Đã phát hành');
    await expect(page.getByTestId('outgoing-detail-title')).toHaveText('Số 01-CV/TU');
    // Liên thông: both bodies on this installation registered it at once and sent back the receipt.
    const recipients = page.getByTestId('outgoing-recipients');
    await expect(recipients.locator('[data-testid^="outgoing-receipt-"]')).toHaveText(['Đã vào sổ', 'Đã vào sổ']);
    await expect(page.getByTestId('outgoing-pdf')).toBeVisible();
    await page.setViewportSize({ width: 1366, height: 1300 });
    await page.waitForTimeout(1500); // the PDF viewer in the frame draws the page
    await shot(page, 'outgoing-issued');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The issued PDF link answers a PDF, inline; ?download=1 as an attachment.
    const pdf = await page.request.get(`/api/outgoing/${id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline/);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    fs.writeFileSync(pdfPath, bytes);
    const download = await page.request.get(`/api/outgoing/${id}/pdf?download=1`);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    if (tool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain('Số 01-CV/TU');
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    }
    if (tool('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, path.join(SHOTS_DIR, 'outgoing-01-CV-TU-pdf')]);
    }

    // The next công văn of the term takes the next number.
    await page.goto('/outgoing?box=to_issue');
    await page.getByTestId('outgoing-link-5').click();
    await page.getByTestId('outgoing-action-issue').click();
    await page.getByTestId('outgoing-issue-ok').click();
    await expect(page.getByTestId('outgoing-issued-result')).toContainText('Số 02-CV/TU', ISSUE_TIMEOUT);
  });

  test('vanthu finds 01-CV/TU in the incoming registers of Ban Tổ chức Tỉnh ủy and Đảng ủy xã Tân Phú', async ({
    page,
  }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.goto('/incoming');
    await page.getByTestId('incoming-search').fill('01-CV/TU');
    await expect(page).toHaveURL(/q=01-CV/);
    const rows = page.getByTestId('incoming-table').locator('tbody tr[data-testid^="incoming-row-"]');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Tỉnh ủy Hồng Lam');
    await expect(rows.first()).toContainText(summary);

    // From the outgoing document, each receipt leads to the copy its recipient registered.
    const doc = (await (await page.request.get(`/api/outgoing/${id}`)).json()) as {
      recipients: { name: string; incomingDocumentId: number | null }[];
    };
    const registers: Record<string, { committeeId: number; agencyId: number | null; name: string }> = {};
    for (const r of doc.recipients) {
      expect(r.incomingDocumentId, r.name).not.toBeNull();
      const incoming = (await (await page.request.get(`/api/incoming/${r.incomingDocumentId}`)).json()) as {
        notation: string;
        register: { committeeId: number; agencyId: number | null; name: string };
      };
      expect(incoming.notation).toBe('01-CV/TU');
      registers[r.name] = incoming.register;
    }
    expect(registers['Ban Tổ chức Tỉnh ủy']).toMatchObject({ committeeId: 1, agencyId: 2 });
    expect(registers['Đảng ủy xã Tân Phú']).toMatchObject({ committeeId: 3, agencyId: null });

    await page.goto(`/outgoing/${id}`);
    await page
      .getByTestId('outgoing-recipients')
      .locator('.ant-list-item', { hasText: 'Ban Tổ chức Tỉnh ủy' })
      .getByRole('link', { name: 'Xem bản đến' })
      .click();
    await expect(page.getByTestId('incoming-metadata')).toContainText('01-CV/TU');
    await expect(page.getByTestId('incoming-metadata')).toContainText('Ban Tổ chức Tỉnh ủy');
  });

  test('the outgoing register lists 01-CV/TU (print dialog, PDF)', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.goto('/outgoing');
    await page.getByTestId('outgoing-print-register').click();
    await expect(page.getByTestId('outgoing-register-issuer')).toContainText('Tỉnh ủy Hồng Lam');
    await shot(page, 'outgoing-register-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    const register = await page.request.get('/api/outgoing/register.pdf?issuerKey=c1&kind=ordinary');
    expect(register.status()).toBe(200);
    expect(register.headers()['content-type']).toContain('application/pdf');
    const file = path.join(SHOTS_DIR, 'outgoing-register.pdf');
    fs.writeFileSync(file, await register.body());
    if (tool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('01-CV/TU');
      expect(text).toContain('02-CV/TU');
    }
  });

  test('the verify screen reports the issued PDF valid and trusted', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.getByTestId('menu-verify-signature').click();
    await expect(page.getByRole('heading', { name: 'Kiểm tra chữ ký số' })).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(pdfPath);
    await expect(page.getByTestId('verify-valid')).toHaveText('Hợp lệ');
    await expect(page.getByTestId('verify-trusted')).toHaveText('Tin cậy');
    await expect(page.getByTestId('verify-verdict')).toContainText('Chữ ký số hợp lệ và tin cậy');
    await expect(page.getByTestId('verify-signer-0')).toContainText('Tỉnh ủy Hồng Lam');
    await shot(page, 'outgoing-verify');

    // One changed byte inside the signed range (a digit of the creation date): no longer valid.
    const bytes = fs.readFileSync(pdfPath);
    const at = bytes.indexOf(Buffer.from('/CreationDate (D:', 'latin1')) + '/CreationDate (D:'.length + 3;
    expect(at).toBeGreaterThan(20);
    bytes[at] = bytes[at] === 0x37 ? 0x38 : 0x37;
    await page.locator('input[type=file]').setInputFiles({ name: 'da-sua.pdf', mimeType: 'application/pdf', buffer: bytes });
    await expect(page.getByTestId('verify-file')).toContainText('da-sua.pdf');
    await expect(page.getByTestId('verify-valid')).toHaveText('Không hợp lệ');
    await shot(page, 'outgoing-verify-altered');
  });

  test('the gap report lists the series; vanthu reserves a number and voids another', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.getByTestId('menu-outgoing-series').click();
    const series = page.getByTestId('series-table');
    await expect(series).toContainText('CV/TU');
    await series.locator('tr', { hasText: 'TB/TU' }).click();
    await expect(page.getByTestId('gaps-table')).toContainText('02-TB/TU');
    await expect(page.getByTestId('gap-state-void')).toHaveText('Đã hủy');

    for (const reason of ['Giữ số cho công văn ký giấy tại hội nghị', 'Giữ số cho công văn ký giấy gửi Trung ương']) {
      await page.getByTestId('gaps-reserve').click();
      await pick(page, 'reserve-type', 'Công văn (CV)');
      await page.getByTestId('reserve-reason').fill(reason);
      await page.getByTestId('reserve-ok').click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
    await expect(page.getByTestId('gap-report')).toContainText('CV/TU');
    const gaps = page.getByTestId('gaps-table');
    await expect(gaps).toContainText('03-CV/TU');
    await expect(gaps).toContainText('04-CV/TU');
    await page.getByTestId('gap-void-3').click();
    await page.getByTestId('gap-void-text').fill('Hội nghị hoãn, không ban hành văn bản');
    await page.getByTestId('gap-void-ok').click();
    await expect(gaps.locator('tr', { hasText: '03-CV/TU' })).toContainText('Đã hủy');
    await expect(gaps.locator('tr', { hasText: '04-CV/TU' })).toContainText('Đã giữ số');
    await shot(page, 'outgoing-gaps');
  });

  test('on a phone the list is a column of cards', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/outgoing');
    await expect(page.getByTestId(`outgoing-row-${id}`)).toContainText('01-CV/TU');
    await shot(page, 'outgoing-list-phone');
  });
});

test('an unknown outgoing document shows a clean "not found" page', async ({ page }) => {
  await loginAndWaitForHome(page, 'vanthu');
  await page.goto('/outgoing/999999');
  await expect(page.getByTestId('outgoing-not-found')).toContainText('Không tìm thấy văn bản');
  await page.goto('/outgoing/abc');
  await expect(page.getByTestId('outgoing-not-found')).toBeVisible();
  await shot(page, 'outgoing-not-found');
});
