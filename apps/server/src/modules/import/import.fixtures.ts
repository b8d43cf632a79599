/**
 * A generated register for tests and bench/import-resume.mjs: `rows` entries of one past year in
 * arrival order, each with its own notation; every `fileEvery`-th row names an attachment (a few small
 * PDFs, reused, so the content-addressed store holds each content once).
 */
const ISSUERS = ['Văn phòng Trung ương Đảng', 'Ban Tổ chức Trung ương', 'Ủy ban nhân dân tỉnh', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Sở Nội vụ'];
const TYPES = ['Công văn', 'Hướng dẫn', 'Thông báo', 'Kế hoạch', 'Báo cáo'];
const ABBR = ['CV', 'HD', 'TB', 'KH', 'BC'];
const TOPICS = ['công tác văn thư, lưu trữ', 'tổng kết năm', 'kết nạp đảng viên', 'chuyển đổi số', 'phòng chống thiên tai', 'đại hội chi bộ'];

export const samplePdf = (n: number): Buffer =>
  Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${n}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

const pad = (n: number) => String(n).padStart(2, '0');
const csv = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function generateRegister({
  rows,
  year = 2024,
  fileEvery = 100,
  distinctFiles = 5,
  numbers = false,
}: {
  rows: number;
  year?: number;
  fileEvery?: number;
  distinctFiles?: number;
  /** Write the "Số đến" column (1…rows). */
  numbers?: boolean;
}): { csv: string; files: { name: string; bytes: Buffer }[]; notation(i: number): string } {
  const notation = (i: number) => `${i + 1}-${ABBR[i % ABBR.length]}/NK${Math.floor(i / 9000)}`;
  const header = ['STT', 'Ngày đến', ...(numbers ? ['Số đến'] : []), 'Tác giả', 'Số, ký hiệu', 'Ngày văn bản', 'Loại văn bản', 'Trích yếu', 'Độ khẩn', 'Đơn vị nhận', 'Tệp'];
  const lines = [header.map(csv).join(',')];
  for (let i = 0; i < rows; i += 1) {
    // Spread over the year, in arrival order.
    const day = Math.floor((i * 360) / Math.max(rows, 1));
    const d = new Date(Date.UTC(year, 0, 1 + day));
    const arrival = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${year}`;
    const doc = new Date(d.getTime() - 2 * 86_400_000);
    const docDate = `${pad(doc.getUTCDate())}/${pad(doc.getUTCMonth() + 1)}/${doc.getUTCFullYear()}`;
    const file = fileEvery > 0 && i % fileEvery === 0 ? `van-ban-${(i / fileEvery) % distinctFiles}.pdf` : '';
    lines.push(
      [
        String(i + 1),
        arrival,
        ...(numbers ? [String(i + 1)] : []),
        ISSUERS[i % ISSUERS.length]!,
        notation(i),
        docDate,
        TYPES[i % TYPES.length]!,
        `V/v ${TOPICS[i % TOPICS.length]} (mục ${i + 1})`,
        i % 17 === 0 ? 'Khẩn' : '',
        'Văn phòng',
        file,
      ]
        .map(csv)
        .join(','),
    );
  }
  const files = Array.from({ length: fileEvery > 0 ? Math.min(distinctFiles, Math.ceil(rows / fileEvery)) : 0 }, (_, k) => ({
    name: `van-ban-${k}.pdf`,
    bytes: samplePdf(k),
  }));
  return { csv: `${lines.join('\r\n')}\r\n`, files, notation };
}
