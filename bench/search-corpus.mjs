// Bodies (extracted file texts) for the search benchmarks of issue 7, and the queries those benchmarks ask.
//
// A body is what `pdftotext` would give for the letter behind an incoming document: a header, 200–800
// words of sentences drawn from the same weighted administrative vocabulary as the summaries
// (bench/incoming-corpus.mjs `buildSummary`, so common words stay common and rare ones rare), the
// boilerplate of a Party document ("Căn cứ …", "Nơi nhận", "Lưu Văn phòng"), and — with fixed
// probabilities — phrases that appear in bodies only, never in a summary, a notation, an issuer or a
// signer: the "found only in the text" query class.
import { buildSummary, pick, weighted } from './incoming-corpus.mjs';

/** Share of (non-secret) documents that get an attached file with extracted text. */
export const BODY_SHARE = 0.3;
export const BODY_WORDS = [200, 800];

/**
 * Phrases found only in bodies, with the probability that one body holds them. Their syllable bigrams
 * do not occur in the summary vocabulary (search-generate checks the summaries and reports it).
 */
export const BODY_ONLY = [
  { phrase: 'dự toán kinh phí', p: 0.35, cls: 'common' },
  { phrase: 'biên bản nghiệm thu', p: 0.04, cls: 'mid' },
  { phrase: 'giếng khoan Pù Mát', p: 0.001, cls: 'rare' },
  { phrase: 'suối Nậm Giải', p: 0.001, cls: 'rare' },
  { phrase: 'trạm y tế Mường Quạ', p: 0.001, cls: 'rare' },
  { phrase: 'nhà văn hóa bản Cò Nghịu', p: 0.001, cls: 'rare' },
];

const CITES = [
  'Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
  'Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XX, nhiệm kỳ 2020 - 2025;',
  'Căn cứ Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;',
  'Thực hiện chỉ đạo của Thường trực Tỉnh ủy;',
  'Xét đề nghị của Ban Tổ chức Tỉnh ủy,',
];
const BOILER = weighted([
  ['Đề nghị các đồng chí nghiên cứu, quán triệt và tổ chức thực hiện nghiêm túc.', 3],
  ['Các cấp ủy, tổ chức đảng báo cáo kết quả về Văn phòng Tỉnh ủy trước ngày 15 hằng tháng.', 2],
  ['Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh để xem xét, giải quyết.', 2],
  ['Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc, kiểm tra việc thực hiện.', 2],
  ['Văn bản này có hiệu lực kể từ ngày ký.', 1],
  ['Nhận được văn bản này, đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện.', 2],
  ['Số liệu tổng hợp tại phụ lục kèm theo.', 1],
  [
    'Tổng số đảng viên được đánh giá là 1.245 đồng chí, trong đó hoàn thành xuất sắc nhiệm vụ 187 đồng chí.',
    1,
  ],
]);
const HEADERS = [
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'ĐẢNG BỘ TỈNH HỒNG LAM',
  'ĐẢNG BỘ TỈNH NGÂN SƠN',
  'ĐẢNG BỘ TỈNH VẠN AN',
  'ỦY BAN NHÂN DÂN TỈNH',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
];
const CLOSINGS = [
  'Nơi nhận: - Như trên, - Thường trực Tỉnh ủy (để b/c), - Lưu Văn phòng. T/M BAN THƯỜNG VỤ',
  'Nơi nhận: - Các đảng ủy trực thuộc, - Các ban đảng, - Lưu VT. TL. BAN THƯỜNG VỤ CHÁNH VĂN PHÒNG',
  'Nơi nhận: - Như kính gửi, - Lưu: VT, TH. KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
];

/**
 * One body: { text (NFC), words, markers: indexes into BODY_ONLY it holds }. `summary` (may be null)
 * is quoted as the letter's subject line, as a real first page does.
 */
export function buildBody(rand, { summary, notation, signer }) {
  const target = BODY_WORDS[0] + Math.floor(rand() * (BODY_WORDS[1] - BODY_WORDS[0] + 1));
  const out = [pick(rand, HEADERS), `Số ${notation ?? ''}`, summary ? `V/v ${summary}` : ''];
  const markers = BODY_ONLY.flatMap((m, i) => (rand() < m.p ? [i] : []));
  const cites = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < cites; i++) {
    out.push(pick(rand, CITES));
  }
  let words = out.join(' ').split(/\s+/).length;
  const pending = [...markers];
  while (words < target) {
    const r = rand();
    let s;
    if (pending.length > 0 && r < 0.15) {
      s = `${buildSummary(rand).replace(/\.$/, '')}, trong đó có ${BODY_ONLY[pending.pop()].phrase}.`;
    } else if (r < 0.72) {
      s = `${buildSummary(rand)}.`;
    } else {
      s = BOILER(rand);
    }
    out.push(s);
    words += s.split(' ').length;
  }
  for (const i of pending) {
    out.push(`Kèm theo ${BODY_ONLY[i].phrase}.`);
  }
  out.push(pick(rand, CLOSINGS), signer ?? '');
  const text = out.filter(Boolean).join('\n').normalize('NFC');
  return { text, words: text.split(/\s+/).length, markers };
}

// ---------------------------------------------------------------------------------------------------
// what GET /api/search is asked (bench/search-measure.mjs). `params` are query parameters; `{type:CV}`
// in a value is replaced by the id of that document type, looked up through the API.

const q = (cls, text, extra = {}, name = null) => ({
  cls,
  name: name ?? text,
  params: { q: text, sort: 'date_desc', ...extra },
});

export const SEARCH_CASES = [
  q('common words', 'về việc'),
  q('common words', 'công tác'),
  q('common words', 'đảng viên'),
  q('common words', 'tỉnh'),
  q('common words', 'cán bộ'),
  q('diacritic-free', 'dang vien'),
  q('diacritic-free', 'to chuc can bo'),
  q('diacritic-free', 'phong chong tham nhung'),
  q('diacritic-free', 'chuyen doi so'),
  q('exact phrase', 'Phòng, chống tham nhũng'),
  q('exact phrase', 'kết nạp đảng viên mới'),
  q('exact phrase', 'Ban Tổ chức Trung ương'),
  q('exact phrase', 'bảo vệ bí mật nhà nước'),
  q('rare words', 'Khe Tre'),
  q('rare words', 'thủy điện Sông Lam'),
  q('rare words', 'lễ hội đền Cuông'),
  q('rare words', 'Lạch Quèn'),
  q('notation', '12-CV/TU'),
  q('notation', '45/QĐ-UBND'),
  q('notation', '123/UBND-VX'),
  q('notation', 'số 8-NQ/TW'),
  q('no hit', 'tàu vũ trụ'),
  q('no hit', 'chuyển đổi số tàu ngầm'),
  q('no hit', 'xyzzy'),
  q('no hit', '9999-ZZ/QQ'),
  q('only in bodies', 'dự toán kinh phí'),
  q('only in bodies', 'du toan kinh phi'),
  q('only in bodies', 'biên bản nghiệm thu'),
  q('only in bodies', 'giếng khoan Pù Mát'),
  q('only in bodies', 'suối Nậm Giải'),
  q('with filter', 'đảng viên', { year: 2025 }, 'đảng viên + year 2025'),
  q('with filter', 'cán bộ', { documentTypeId: '{type:CV}' }, 'cán bộ + type CV'),
  q('with filter', 'chuyen doi so', { status: 'incoming.done' }, 'chuyen doi so + status done'),
  q('with filter', 'tỉnh', { year: 2023, documentTypeId: '{type:NQ}' }, 'tỉnh + year 2023 + type NQ'),
  q('with filter', 'biên bản nghiệm thu', { year: 2024 }, 'biên bản nghiệm thu (bodies) + year 2024'),
  q('relevance sort', 'đảng viên', { sort: 'relevance' }, 'đảng viên, relevance'),
  q('relevance sort', 'dang vien', { sort: 'relevance' }, 'dang vien, relevance'),
  q('relevance sort', 'Phòng, chống tham nhũng', { sort: 'relevance' }, 'Phòng, chống tham nhũng, relevance'),
  q('relevance sort', 'du toan kinh phi', { sort: 'relevance' }, 'du toan kinh phi (bodies), relevance'),
  q('relevance sort', 'đảng viên', { sort: 'relevance', offset: 100 }, 'đảng viên, relevance, page 6'),
  q('date sort', 'đảng viên', { sort: 'date_asc' }, 'đảng viên, oldest first'),
  q('date sort', 'Khe Tre', { sort: 'date_asc' }, 'Khe Tre, oldest first'),
  { cls: 'date sort', name: 'no words, year 2024 (newest first)', params: { year: 2024, sort: 'date_desc' } },
];
