import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loginAndWaitForHome, logout, pick, shot as fullShot, SHOTS_DIR } from './helpers.ts';

/** Full-page screenshots from the top: scrolled pages render the sticky header in the middle of the image. */
async function shot(page: Page, name: string): Promise<void> {
  // Loading overlays fade out over a few hundred ms: wait for them, so the picture shows the settled page.
  await expect(page.locator('.ant-spin-blur, .ant-spin-spinning')).toHaveCount(0);
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, name);
}

/** A real one-page PDF (A4, one line of text), built with correct xref offsets so any viewer opens it. */
function samplePdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Today and a later day in the office's time zone, as the form shows them and as the API takes them. */
function officeDay(offsetDays = 0): { display: string; iso: string } {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return {
    display: `${get('day')}/${get('month')}/${get('year')}`,
    iso: `${get('year')}-${get('month')}-${get('day')}`,
  };
}

/** Types a date into an antd DatePicker; Tab commits it (Enter would also submit a dialog's form). */
async function typeDate(page: Page, testId: string, value: string): Promise<void> {
  // antd puts the test id on the <input> of a single picker.
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.fill(value);
  await input.press('Tab');
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

test.describe
  .serial('an urgent incoming document goes from the clerk to the leader to the specialist', () => {
  const notation = `${1000 + Math.floor(Math.random() * 8000)}-CV/VPTW`;
  const summary = 'Về việc triển khai khẩn cấp công tác phòng, chống bão số 15 và mưa lũ';
  let id = 0;
  let arrivalNumber = 0;

  test('vanthu registers a Hỏa tốc document with a PDF and presents it to bithu', async ({ page }) => {
    await loginAndWaitForHome(page, 'vanthu');
    await expect(page.getByTestId('menu-incoming')).toBeVisible();
    await expect(page.getByTestId('menu-incoming-inbox')).toBeVisible();
    await page.getByTestId('menu-incoming-new').click();
    await expect(page.getByTestId('incoming-form-next-number')).toBeVisible();

    // The issuer field has the focus: type the start of the name and pick it from the directory.
    const issuer = page.locator('#incoming-form-issuer');
    await expect(issuer).toBeFocused();
    await issuer.fill('van phong trung uong');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: 'Văn phòng Trung ương Đảng',
      })
      .first()
      .click();
    await expect(page.getByTestId('incoming-form-issuer-known')).toBeVisible();

    // An unrecognised notation is a soft warning, never a block.
    const notationInput = page.getByTestId('incoming-form-notation');
    await notationInput.fill('so muoi hai');
    await expect(page.locator('.ant-form-item-explain-warning')).toContainText('chưa đúng mẫu');
    await notationInput.fill(notation);
    await expect(page.locator('.ant-form-item-explain-warning')).toHaveCount(0);

    const today = officeDay();
    await typeDate(page, 'incoming-form-documentDate', today.display);
    await pick(page, 'incoming-form-documentType', 'Công văn');
    await page.getByTestId('incoming-form-signer').fill('Lê Minh Hưng');
    await page.getByTestId('incoming-form-summary').fill(summary);
    await pick(page, 'incoming-form-urgency', 'Hỏa tốc');
    await pick(page, 'incoming-form-presentTo', 'Phạm Quang Vinh');
    await page.locator('input[type=file]').setInputFiles({
      name: 'cong-van-hoa-toc.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('CONG VAN HOA TOC - PHONG CHONG BAO SO 15'),
    });
    const attachments = page.getByTestId('incoming-form-attachments');
    await expect(attachments).toContainText('cong-van-hoa-toc.pdf');
    await expect(attachments.locator('.ant-radio-wrapper-checked')).toContainText('Tệp chính');
    await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).click();
    // A viewport tall enough for the whole form: the sticky action bar then sits where a user sees it.
    await page.setViewportSize({ width: 1366, height: 1300 });
    await shot(page, 'incoming-form');

    // Ctrl+Enter registers; the form stays, ready for the next document.
    await page.getByTestId('incoming-form-summary').press('Control+Enter');
    const saved = page.getByTestId('incoming-saved');
    await expect(saved).toContainText(/Đã vào sổ: số đến \d+/);
    arrivalNumber = Number((await saved.locator('strong').textContent())!.match(/số đến (\d+)$/)![1]);
    const href = await page.getByTestId('incoming-saved-open').getAttribute('href');
    id = Number(href!.split('/').pop());
    expect(id).toBeGreaterThan(0);
    await expect(page.getByTestId('incoming-form-notation')).toHaveValue('');
    await expect(page.locator('#incoming-form-issuer')).toHaveValue('Văn phòng Trung ương Đảng');
    await shot(page, 'incoming-form-saved');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The register list: newest first, with the red Hỏa tốc tag; quick search without diacritics finds it.
    await page.getByTestId('menu-incoming').click();
    const row = page.getByTestId(`incoming-row-${id}`);
    await expect(row).toContainText(notation);
    await expect(row.getByTestId('urgency-tag')).toContainText('Hỏa tốc');
    await expect(row.getByTestId('status-tag')).toContainText('Đã trình');
    await page.getByTestId('incoming-search').fill('phong chong bao so 15');
    await expect(page).toHaveURL(/q=phong\+chong\+bao/);
    await expect(
      page.getByTestId('incoming-table').locator('tbody tr[data-testid^="incoming-row-"]'),
    ).toHaveCount(1);
    await expect(row).toBeVisible();
    await page.getByTestId('incoming-search').fill('');
    await expect(page).not.toHaveURL(/q=/);
    await expect(
      page.getByTestId('incoming-table').locator('tbody tr[data-testid^="incoming-row-"]').first(),
    ).toBeVisible();
    await shot(page, 'incoming-list');

    // A link reproduces a filtered view.
    await page.goto('/incoming?urgency=flash&status=presented');
    await expect(page.getByTestId('incoming-filter-urgency')).toContainText('Hỏa tốc');
    await expect(row).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/incoming');
    await expect(page.getByTestId(`incoming-row-${id}`)).toBeVisible();
    await shot(page, 'incoming-list-phone');
    await page.screenshot({ path: path.join(SHOTS_DIR, 'incoming-list-phone-top.png') });
    await page.getByTestId('incoming-filters-toggle').click();
    await expect(page.getByTestId('incoming-filter-status')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'incoming-list-phone-filters.png') });
  });

  test('bithu finds it at the top of the inbox and directs it to the Văn phòng Tỉnh ủy with a deadline', async ({
    page,
  }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'bithu');
    await expect(page.getByTestId('home-count-incomingInbox')).toBeVisible();
    await expect(page.getByTestId('notification-bell')).toBeVisible();
    await page.getByTestId('menu-incoming-inbox').click();
    const inbox = page.getByTestId('incoming-inbox');
    const first = inbox.locator('tbody tr[data-testid^="incoming-row-"]').first();
    await expect(first).toHaveAttribute('data-testid', `incoming-row-${id}`);
    await expect(first).toHaveClass(/vp-in-row-flash/);
    await shot(page, 'incoming-inbox-leader');

    // The bell carries the notification of the presentation; it leads to the document.
    await page.getByTestId('notification-bell').click();
    const note = page
      .locator('[data-testid^="notification-item-"]', { hasText: String(arrivalNumber) })
      .first();
    await expect(note).toBeVisible();
    await shot(page, 'incoming-notifications');
    await note.click();
    await expect(page).toHaveURL(new RegExp(`/incoming/${id}$`));

    await expect(page.getByTestId('incoming-detail-title')).toContainText(`Số đến ${arrivalNumber}`);
    await page.getByTestId('incoming-action-direct').click();
    await page
      .getByTestId('direct-direction')
      .fill(
        'Giao Văn phòng Tỉnh ủy chủ trì, tham mưu ngay phương án ứng phó; báo cáo Thường trực trước hạn.',
      );
    await pick(page, 'direct-lead-agency', 'Văn phòng Tỉnh ủy');
    const deadline = officeDay(7);
    await typeDate(page, 'direct-deadline', deadline.display);
    await page.getByTestId('direct-ok').click();
    await expect(page.getByTestId('status-tag').first()).toContainText('Đã phân phối');
    await expect(page.getByTestId('incoming-direction')).toContainText('Văn phòng Tỉnh ủy');
    await expect(page.getByTestId('incoming-direction')).toContainText(deadline.display);
  });

  test('chuyenvien starts and completes it; the trail shows each step', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'chuyenvien');
    await page.getByTestId('menu-incoming-inbox').click();
    const row = page.getByTestId(`incoming-row-${id}`);
    await expect(row).toBeVisible();
    await shot(page, 'incoming-inbox-specialist');
    await row.getByTestId(`incoming-link-${id}`).click();

    await page.getByTestId('incoming-action-start').click();
    await page.getByTestId('step-start-ok').click();
    await expect(page.getByTestId('status-tag').first()).toContainText('Đang xử lý');

    await page.getByTestId('incoming-action-complete').click();
    await page
      .getByTestId('step-complete-text')
      .fill('Đã tham mưu Thường trực Tỉnh ủy ban hành Công điện chỉ đạo ứng phó bão số 15.');
    await page.getByTestId('step-complete-ok').click();
    await expect(page.getByTestId('status-tag').first()).toContainText('Đã xử lý xong');
    await expect(page.getByTestId('incoming-action-complete')).toHaveCount(0);

    const trail = page.getByTestId('incoming-trail');
    for (const [step, who] of [
      ['registered', 'Nguyễn Thị Thu Hà'],
      ['presented', 'Nguyễn Thị Thu Hà'],
      ['directed', 'Phạm Quang Vinh'],
      ['started', 'Hoàng Thị Mai Phương'],
      ['completed', 'Hoàng Thị Mai Phương'],
    ] as const) {
      await expect(trail.getByTestId(`trail-${step}`).first(), step).toContainText(who);
    }
    await expect(trail).toContainText('Hoàn thành xử lý');
    await expect(page.getByTestId('incoming-stamp-number')).toHaveText(String(arrivalNumber));
    await expect(page.getByTestId('incoming-attachments')).toContainText('cong-van-hoa-toc.pdf');
    await expect(page.getByTestId('incoming-preview')).toBeVisible();

    // The preview is served inline to this page (and framed only by it).
    const doc = (await (await page.request.get(`/api/incoming/${id}`)).json()) as {
      attachments: { url: string }[];
      register: { id: number };
    };
    const file = await page.request.get(doc.attachments[0]!.url);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/pdf');
    expect(file.headers()['content-disposition']).toMatch(/^inline/);
    await shot(page, 'incoming-document');
  });

  test('the register lists it with its arrival number (PDF and XLSX)', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    const doc = (await (await page.request.get(`/api/incoming/${id}`)).json()) as {
      register: { id: number };
    };
    const today = officeDay().iso;
    const base = `/api/incoming/register-book?registerId=${doc.register.id}&from=${today}&to=${today}`;

    const pdf = await page.request.get(`${base}&format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    const pdfPath = path.join(SHOTS_DIR, 'incoming-register-book.pdf');
    fs.writeFileSync(pdfPath, bytes);
    if (hasPdftotext) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
      const line = text.split('\n').find((l) => l.includes(notation));
      expect(line, `a line with ${notation}`).toBeTruthy();
      expect(line!).toMatch(new RegExp(`(^|\\s)${arrivalNumber}(\\s|$)`));
      try {
        // For people to look at: the first page as an image.
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '70',
          '-f',
          '1',
          '-l',
          '1',
          pdfPath,
          path.join(SHOTS_DIR, 'incoming-register-book'),
        ]);
      } catch {
        /* pdftoppm missing: the text check above stands */
      }
    }

    const xlsx = await page.request.get(`${base}&format=xlsx`);
    expect(xlsx.status()).toBe(200);
    const book = await xlsx.body();
    expect(book.subarray(0, 2).toString('latin1')).toBe('PK');

    // Opening the register from the list: the "In sổ" dialog.
    await page.goto('/incoming');
    await page.getByTestId('incoming-print-book').click();
    await expect(page.getByTestId('register-book-register')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'incoming-register-book-dialog.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The handling report counts the completed document for its lead unit.
    await page.getByTestId('incoming-report').click();
    const report = page.getByTestId('incoming-report-table');
    await expect(report.getByRole('row').filter({ hasText: 'Văn phòng Tỉnh ủy' })).toBeVisible();
    const xlsxReport = await page.request.get(`/api/incoming/report?from=${today}&to=${today}&format=xlsx`);
    expect(xlsxReport.status()).toBe(200);
    await shot(page, 'incoming-report');
  });

  test('an unknown or invisible document shows a clean "not found" page', async ({ page }) => {
    await logout(page);
    await loginAndWaitForHome(page, 'tiepdan');
    await expect(page.getByTestId('menu-incoming')).toHaveCount(0);
    await logout(page);
    await loginAndWaitForHome(page, 'vanthu');
    await page.goto('/incoming/999999');
    await expect(page.getByTestId('incoming-not-found')).toContainText('Không tìm thấy văn bản');
    await page.goto('/incoming/abc');
    await expect(page.getByTestId('incoming-not-found')).toBeVisible();
  });
});

test('a secret document on the party network is registered as a record only: no files, paper location required', async ({
  page,
}) => {
  await loginAndWaitForHome(page, 'vanthu');
  await page.goto('/incoming/new');
  await expect(page.getByTestId('incoming-form-next-number')).toContainText('Sổ đăng ký văn bản đến');
  await page.locator('#incoming-form-issuer').fill('Ban Nội chính Trung ương');
  const notation = `${100 + Math.floor(Math.random() * 800)}-CV/BNCTW`;
  await page.getByTestId('incoming-form-notation').fill(notation);
  await typeDate(page, 'incoming-form-documentDate', officeDay().display);
  await page.getByTestId('incoming-form-summary').fill('Về việc phối hợp xác minh đơn thư');

  // vanthu holds "Tối mật": "Tuyệt mật" is offered but disabled.
  await page.getByTestId('incoming-form-secrecy').click();
  await expect(
    page.locator('.ant-select-dropdown:visible .ant-select-item-option-disabled', { hasText: 'Tuyệt mật' }),
  ).toBeVisible();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Tối mật' }).click();

  await expect(page.getByTestId('incoming-form-secret-stub')).toContainText('không đính kèm tệp');
  await expect(page.getByTestId('incoming-form-next-number')).toContainText('Sổ đăng ký văn bản mật đến');
  await expect(page.getByTestId('incoming-form-attach')).toBeDisabled();
  await page.getByTestId('incoming-form-submit').click();
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('Vui lòng nhập thông tin này');
  await page.getByTestId('incoming-form-paperLocation').fill('Tủ mật số 2, phòng Văn thư');
  await page.setViewportSize({ width: 1366, height: 1400 });
  await shot(page, 'incoming-form-secret');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('incoming-form-submit').click();
  await expect(page.getByTestId('incoming-saved')).toContainText('Sổ đăng ký văn bản mật đến');

  await page.getByTestId('incoming-saved-open').click();
  await expect(page.getByTestId('incoming-stub')).toContainText('Tủ mật số 2');
  await expect(page.getByTestId('secrecy-tag').first()).toHaveText('Tối mật');

  // A correction while the document is with the office: only the changed field is sent, and the trail says which.
  await page.getByTestId('incoming-action-update').click();
  await page.getByTestId('edit-signer').fill('Nguyễn Văn Hải');
  await page.getByTestId('edit-ok').click();
  await expect(page.getByTestId('incoming-metadata')).toContainText('Nguyễn Văn Hải');
  await expect(page.getByTestId('trail-updated')).toContainText('Người ký');
});
