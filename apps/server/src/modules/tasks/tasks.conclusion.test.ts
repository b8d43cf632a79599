import { describe, expect, it } from 'vitest';
import {
  deadlineOf,
  documentDateOf,
  draftConclusion,
  MAX_CONCLUSION_CHARS,
  MAX_DRAFT_ITEMS,
  MAX_ITEM_CHARS,
  notationOf,
  parseConclusion,
  type DirectoryBody,
} from './tasks.conclusion.ts';

/**
 * The directory of the demo province as the route loads it for a provincial specialist: committee 1
 * is the province (not in its own directory), agencies 1–6 its boards, committees 2–6 under it, each
 * with its office (agencies 11–15).
 */
const P = 'Tỉnh ủy Hồng Lam';
const agency = (agencyId: number, name: string, abbreviation: string): DirectoryBody => ({
  committeeId: 1, agencyId, name, abbreviation, committeeName: P, level: null, own: true,
});
const committee = (committeeId: number, name: string, level: string): DirectoryBody => ({
  committeeId, agencyId: null, name, abbreviation: 'ĐU', committeeName: name, level, own: false,
});
const office = (committeeId: number, agencyId: number, committeeName: string): DirectoryBody => ({
  committeeId, agencyId, name: 'Văn phòng Đảng ủy', abbreviation: 'VPĐU', committeeName, level: null, own: false,
});
const PROVINCE: DirectoryBody[] = [
  agency(1, 'Văn phòng Tỉnh ủy', 'VPTU'),
  agency(2, 'Ban Tổ chức Tỉnh ủy', 'BTCTU'),
  agency(3, 'Ủy ban Kiểm tra Tỉnh ủy', 'UBKTTU'),
  agency(4, 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'BTGDVTU'),
  agency(5, 'Ban Nội chính Tỉnh ủy', 'BNCTU'),
  agency(6, 'Ban Chính sách chiến lược Tỉnh ủy', 'BCSCLTU'),
  committee(2, 'Đảng ủy các cơ quan Đảng tỉnh', 'direct'),
  committee(3, 'Đảng ủy xã Tân Phú', 'commune'),
  committee(4, 'Đảng ủy phường Đông Thành', 'commune'),
  committee(5, 'Đảng ủy xã Hòa Bình', 'commune'),
  committee(6, 'Đảng ủy đặc khu Hòn Ngọc', 'commune'),
  office(2, 11, 'Đảng ủy các cơ quan Đảng tỉnh'),
  office(3, 12, 'Đảng ủy xã Tân Phú'),
  office(4, 13, 'Đảng ủy phường Đông Thành'),
  office(5, 14, 'Đảng ủy xã Hòa Bình'),
  office(6, 15, 'Đảng ủy đặc khu Hòn Ngọc'),
];
/** The commune's own directory (a Tân Phú specialist splitting a task): its office only. */
const TAN_PHU: DirectoryBody[] = [{ ...office(3, 12, 'Đảng ủy xã Tân Phú'), own: true }];

const BTC = { committeeId: 1, agencyId: 2 };
const VPTU = { committeeId: 1, agencyId: 1 };
const UBKT = { committeeId: 1, agencyId: 3 };
const BTGDV = { committeeId: 1, agencyId: 4 };
const BNC = { committeeId: 1, agencyId: 5 };
const BCSCL = { committeeId: 1, agencyId: 6 };
const TAN_PHU_C = { committeeId: 3, agencyId: null };

/** A "Thông báo kết luận" of the provincial Standing Committee with five numbered items, as pasted from Word. */
const NOTICE = `TỈNH ỦY HỒNG LAM
*
Số 215-TB/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hồng Lam, ngày 20 tháng 11 năm 2026
THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY
về kết quả thực hiện nhiệm vụ 10 tháng đầu năm, phương hướng nhiệm vụ những tháng cuối năm 2026
-----
Ngày 18/11/2026, Ban Thường vụ Tỉnh ủy họp nghe báo cáo kết quả thực hiện nhiệm vụ 10 tháng đầu năm 2026. Sau khi nghe báo cáo và ý kiến thảo luận, Ban Thường vụ Tỉnh ủy kết luận như sau:
1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy tham mưu rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025–2030, trình Ban Thường vụ Tỉnh ủy trước ngày 30/6/2027.
2. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì tổ chức tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2027); hoàn thành trong tháng 01/2027.
3. Giao Ban Nội chính Tỉnh ủy phối hợp với Ban Chính sách, chiến lược Tỉnh ủy theo dõi, đôn đốc việc giải quyết các vụ việc khiếu nại, tố cáo phức tạp, kéo dài; báo cáo Ban Thường vụ Tỉnh ủy trong quý I/2027.
4. Đề nghị Đảng ủy xã Tân Phú tập trung chỉ đạo hoàn thành chuyển đổi số trong hoạt động của cơ quan đảng,
bảo đảm kết nối với hệ thống của Tỉnh ủy; xong trước 31/12.
5. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện Thông báo này, báo cáo Ban Thường vụ Tỉnh ủy.
Thời gian hoàn thành: trước ngày 15/01/2027.
Ban Thường vụ Tỉnh ủy yêu cầu các cơ quan, đơn vị liên quan nghiêm túc triển khai thực hiện./.
Nơi nhận:
- Các đồng chí Tỉnh ủy viên,
- Các ban, Văn phòng Tỉnh ủy,
- Lưu Văn phòng Tỉnh ủy.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Nguyễn Văn Hùng`;

/** A "Kết luận" with Roman headings, a narrative first part and lettered tasks under a numbered intro. */
const CONCLUSION = `KẾT LUẬN
của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị đại hội chi bộ nhiệm kỳ 2027–2029
Hồng Lam, ngày 05 tháng 3 năm 2027
I. ĐÁNH GIÁ CHUNG
Ban Thường vụ Tỉnh ủy đánh giá cao sự chủ động của các cấp ủy trong chuẩn bị đại hội.
II. NHIỆM VỤ TRONG THỜI GIAN TỚI
1. Giao Ban Tổ chức Tỉnh ủy chủ trì, hoàn thành trong quý II/2027:
a) Hướng dẫn các đảng ủy trực thuộc xây dựng phương án nhân sự cấp ủy chi bộ;
b) Tổng hợp, thẩm định phương án nhân sự của Đảng ủy xã Hòa Bình và Đảng ủy đặc khu Hòn Ngọc, trước ngày 15 tháng 4 năm 2027.
2. Ban Thường vụ các đảng ủy xã, phường, đặc khu lãnh đạo tổ chức thành công đại hội chi bộ, báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Ban Tổ chức Tỉnh ủy) trước ngày 30/6/2027.
3. Giao Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy và BTGDVTU kiểm tra, giám sát việc chuẩn bị nhân sự theo chức năng, nhiệm vụ (thực hiện thường xuyên).`;

describe('a "Thông báo kết luận" of the Standing Committee with five numbered items', () => {
  const items = parseConclusion(NOTICE, { directory: PROVINCE, documentDate: '2026-11-26' });

  it('makes five drafts, with their labels, and nothing from the header, closing paragraph or recipients', () => {
    expect(items.map((i) => i.label)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(items.every((i) => !/Nơi nhận|nghiêm túc triển khai|Như trên|Lưu Văn phòng/.test(i.content))).toBe(true);
  });

  it('keeps "Giao" / "Đề nghị" at the start of the content and joins wrapped lines and the item\'s tail', () => {
    expect(items[0]!.content.startsWith('Giao Ban Tổ chức Tỉnh ủy chủ trì')).toBe(true);
    expect(items[3]!.content).toBe(
      'Đề nghị Đảng ủy xã Tân Phú tập trung chỉ đạo hoàn thành chuyển đổi số trong hoạt động của cơ quan đảng, bảo đảm kết nối với hệ thống của Tỉnh ủy; xong trước 31/12.',
    );
    expect(items[4]!.content).toBe(
      'Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện Thông báo này, báo cáo Ban Thường vụ Tỉnh ủy. Thời gian hoàn thành: trước ngày 15/01/2027.',
    );
    expect(items[0]!.paragraph).toBe(`1. ${items[0]!.content}`);
  });

  it('reads the lead ("Giao X chủ trì") and the co-bodies ("phối hợp với Y, Z"), also without "chủ trì"', () => {
    expect(items.map((i) => [i.lead, i.co])).toEqual([
      [BTC, [VPTU, UBKT]],
      [BTGDV, []],
      // "Ban Chính sách, chiến lược Tỉnh ủy" with its comma is the directory's "Ban Chính sách chiến lược Tỉnh ủy".
      [BNC, [BCSCL]],
      [TAN_PHU_C, []],
      [VPTU, []],
    ]);
  });

  it('reads each deadline form — a date, a month, a quarter, a day without a year (the document is of 20/11/2026)', () => {
    expect(items.map((i) => i.deadline)).toEqual(['2027-06-30', '2027-01-31', '2027-03-31', '2026-12-31', '2027-01-15']);
  });

  it('a date that only cites an anniversary (03/02/1930 – 03/02/2027) is not a deadline', () => {
    expect(deadlineOf('tuyên truyền kỷ niệm Ngày thành lập Đảng (03/02/1930 – 03/02/2027)', '2026-11-20')).toBeNull();
  });

  it('the header gives the document date and notation', () => {
    expect(documentDateOf(NOTICE)).toBe('2026-11-20');
    expect(notationOf(NOTICE)).toBe('215-TB/TU');
  });
});

describe('a "Kết luận" with Roman headings and lettered items under a numbered intro', () => {
  const items = parseConclusion(CONCLUSION, { directory: PROVINCE, documentDate: '2027-03-10' });

  it('headings and the narrative are not tasks; an intro with items gives its items', () => {
    expect(items.map((i) => i.label)).toEqual(['a)', 'b)', '2.', '2.', '2.', '2.', '3.']);
    expect(items[0]!.content).toBe('Hướng dẫn các đảng ủy trực thuộc xây dựng phương án nhân sự cấp ủy chi bộ;');
    expect(items[0]!.paragraph).toBe(`1. Giao Ban Tổ chức Tỉnh ủy chủ trì, hoàn thành trong quý II/2027:\na) ${items[0]!.content}`);
  });

  it('lettered items inherit the intro\'s lead and deadline unless they write their own', () => {
    expect(items[0]).toMatchObject({ lead: BTC, co: [], deadline: '2027-06-30' });
    // b) names two committees it works on, but the intro's "Giao … chủ trì" is the lead; its own date wins.
    expect(items[1]!.deadline).toBe('2027-04-15');
  });

  it('"Ban Thường vụ các đảng ủy xã, phường, đặc khu" as the lead gives one draft per commune; "(qua Ban Tổ chức)" is not a body', () => {
    const perCommune = items.filter((i) => i.label === '2.');
    expect(perCommune.map((i) => i.lead)).toEqual([3, 4, 5, 6].map((committeeId) => ({ committeeId, agencyId: null })));
    expect(perCommune.every((i) => i.co.length === 0 && i.deadline === '2027-06-30')).toBe(true);
  });

  it('a list of bodies after "Giao" (names and an abbreviation) is the lead and co-bodies; no date, no deadline', () => {
    expect(items[6]).toMatchObject({ lead: UBKT, co: [BNC, BTGDV], deadline: null });
  });
});

describe('a commune splitting a province task ("-" and "+" items, the commune\'s own directory)', () => {
  const PLAN = `ĐẢNG ỦY XÃ TÂN PHÚ
Tân Phú, ngày 02 tháng 12 năm 2026
KẾ HOẠCH
thực hiện Thông báo số 215-TB/TU của Ban Thường vụ Tỉnh ủy
- Văn phòng Đảng ủy chủ trì rà soát hạ tầng, thiết bị phục vụ chuyển đổi số, hoàn thành trước ngày 15/12/2026.
- Các chi bộ trực thuộc:
+ Cập nhật dữ liệu đảng viên trên hệ thống, chậm nhất ngày 20-12-2026;
+ Báo cáo kết quả về Văn phòng Đảng ủy xã Tân Phú trước 25/12.`;
  const items = parseConclusion(PLAN, { directory: TAN_PHU, documentDate: '2026-12-02' });

  it('"-" items and their "+" items; the commune office matched by its short name; days without a year', () => {
    expect(items.map((i) => [i.label, i.deadline])).toEqual([
      ['-', '2026-12-15'],
      ['+', '2026-12-20'],
      ['+', '2026-12-25'],
    ]);
    expect(items[0]!.lead).toEqual({ committeeId: 3, agencyId: 12 });
    expect(items[1]!.lead).toBeNull();
    expect(items[2]!.lead).toEqual({ committeeId: 3, agencyId: 12 });
  });

  it('the same short name "Văn phòng Đảng ủy" names nobody in the province\'s directory (every commune has one)', () => {
    const fromProvince = parseConclusion('1. Văn phòng Đảng ủy tổng hợp báo cáo.', { directory: PROVINCE, documentDate: '2026-12-02' });
    expect(fromProvince[0]!.lead).toBeNull();
    const named = parseConclusion('1. Giao Văn phòng Đảng ủy phường Đông Thành tổng hợp báo cáo.', { directory: PROVINCE, documentDate: '2026-12-02' });
    expect(named[0]!.lead).toEqual({ committeeId: 4, agencyId: 13 });
  });
});

describe('deadlines', () => {
  const cases: [string, string | null][] = [
    ['hoàn thành trước ngày 30/6/2026', '2026-06-30'],
    ['chậm nhất ngày 15-01-2027', '2027-01-15'],
    ['thời hạn: 30.9.2026', '2026-09-30'],
    ['trong tháng 12/2026', '2026-12-31'],
    ['trong tháng 2 năm 2028', '2028-02-29'],
    ['trước tháng 12/2026', '2026-11-30'],
    ['trong quý III/2026', '2026-09-30'],
    ['quý 4 năm 2026', '2026-12-31'],
    ['trước quý I/2027', '2026-12-31'],
    ['6 tháng đầu năm 2027', '2027-06-30'],
    ['trong năm 2027', '2027-12-31'],
    // Written without a year: the document's year, or the next when already past (document of 20/11/2026).
    ['xong trước 31/12', '2026-12-31'],
    ['trước ngày 15/3', '2027-03-15'],
    ['trước ngày 31/02/2027', null],
    ['theo Kết luận số 12-KL/TU ngày 05/3/2026', null],
  ];
  it.each(cases)('%s → %s', (text, expected) => {
    expect(deadlineOf(text, '2026-11-20')).toBe(expected);
  });
});

describe('the acceptance conclusion (five numbered items, three units and a commune, no header date)', () => {
  const TEXT = [
    'KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY',
    'về tình hình thực hiện nhiệm vụ chính trị quý III và phương hướng thời gian tới',
    'Ban Thường vụ Tỉnh ủy kết luận và giao nhiệm vụ như sau:',
    '1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy rà soát, bổ sung quy hoạch cán bộ diện Ban Thường vụ Tỉnh ủy quản lý, hoàn thành trước ngày 24/2/2027.',
    '2. Giao Ban Tuyên giáo và Dân vận Tỉnh ủy xây dựng kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh, hoàn thành trước ngày 25/1/2027.',
    '3. Giao Ban Nội chính Tỉnh ủy tổng hợp tình hình công tác phòng, chống tham nhũng, lãng phí, tiêu cực, báo cáo Ban Thường vụ trước ngày 10/1/2027.',
    '4. Giao Ban Tổ chức Tỉnh ủy hướng dẫn kiện toàn tổ chức bộ máy các chi bộ trực thuộc sau sắp xếp, hoàn thành trước ngày 14/11/2026.',
    '5. Giao Đảng ủy xã Tân Phú xây dựng đề án chuyển đổi số trong hoạt động của Đảng ủy xã, hoàn thành trước ngày 26/3/2027.',
  ].join('\n');

  it('five drafts with their leads, the co-body and the deadlines (a deadline already past is read as written)', () => {
    const items = parseConclusion(TEXT, { directory: PROVINCE, documentDate: '2026-11-26' });
    expect(items.map((i) => [i.label, i.lead, i.co, i.deadline])).toEqual([
      ['1.', BTC, [VPTU], '2027-02-24'],
      ['2.', BTGDV, [], '2027-01-25'],
      ['3.', BNC, [], '2027-01-10'],
      ['4.', BTC, [], '2026-11-14'],
      ['5.', TAN_PHU_C, [], '2027-03-26'],
    ]);
  });
});

/**
 * Security review (issue 5): the parse was roughly cubic in one item's length — every "phối hợp" scanned
 * the rest of the text for a verb ending its clause, each verb inside a name scanned every mention, and
 * each occurrence copied the rest of the text (40,000 characters: 2.9 s; 200,000: minutes, the event loop
 * blocked). Now it counts its elementary steps (characters folded, trie steps, matches read, lines): they
 * grow linearly with the text, and nothing past MAX_CONCLUSION_CHARS is read.
 */
describe('bounded work on adversarial text', () => {
  const CAP = MAX_CONCLUSION_CHARS;
  /** `unit` repeated to exactly n characters (so a shorter text is a prefix of a longer one). */
  const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  /** Items of about MAX_ITEM_CHARS characters, each the phrase repeated. */
  const bigItems = (phrase: string) => (n: number) => fill(`1. ${fill(phrase, MAX_ITEM_CHARS - 10)}\n`, n);
  const patterns: [string, (n: number) => string][] = [
    ['one item "Ban Tổ chức Tỉnh ủy phối hợp …" (the reported case)', (n) => `1. ${fill('Ban Tổ chức Tỉnh ủy phối hợp ', n - 3)}`],
    ['items of it, each as long as an item may be', bigItems('Ban Tổ chức Tỉnh ủy phối hợp ')],
    ['many "phối hợp với"', bigItems('phối hợp với ')],
    ['many body names and groups', bigItems('Văn phòng Tỉnh ủy, Ban Thường vụ các đảng ủy xã, BTCTU chủ trì ')],
    ['many numbered items', (n) => fill('1. Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy, trước ngày 30/6/2027\n', n)],
    ['many dash items under a long intro', (n) => `1. Giao Ban Tổ chức Tỉnh ủy chủ trì: ${'x'.repeat(3000)}\n${fill('- a\n', n)}`.slice(0, n)],
    ['a group leading every item', (n) => fill('a) Ban Thường vụ các đảng ủy xã chủ trì\n', n)],
    ['combining marks after a deadline word (spaces once folded)', (n) => fill(`1. trước tháng 12${'\u0301'.repeat(3900)} năm 2027\n`, n)],
  ];
  const run = (text: string) => {
    const meter = { steps: 0 };
    const r = draftConclusion(text, { directory: PROVINCE, documentDate: '2026-11-20', meter });
    return { ...r, steps: meter.steps };
  };

  it.each(patterns)('%s: steps linear in the text, items and drafts within their limits, nothing read past the cap', (_, make) => {
    const half = run(make(CAP / 2));
    const full = run(make(CAP));
    expect(full.textCut).toBe(false);
    expect(full.steps).toBeLessThanOrEqual(3 * CAP);
    // Twice the text, at most about twice the work (less once the drafts are full).
    expect(full.steps).toBeLessThanOrEqual(2.1 * half.steps);
    expect(full.items.length).toBeLessThanOrEqual(MAX_DRAFT_ITEMS);
    expect(full.items.every((i) => i.content.length <= MAX_ITEM_CHARS && i.paragraph.length <= MAX_ITEM_CHARS)).toBe(true);
    // Ten times the cap: only the cap is read — the same drafts for the same work.
    const tenfold = run(make(10 * CAP));
    expect(tenfold.textCut).toBe(true);
    expect(tenfold.steps).toBe(full.steps);
    expect(tenfold.items).toEqual(full.items);
  });

  it('an item longer than a task holds is cut ("…"), and so is its paragraph; an intro is cut in the paragraphs under it', () => {
    const long = `Giao Ban Tổ chức Tỉnh ủy chủ trì ${'rà soát quy hoạch '.repeat(400)}`;
    const [one] = parseConclusion(`1. ${long}`, { directory: PROVINCE, documentDate: '2026-11-20' });
    expect(one!.content).toHaveLength(MAX_ITEM_CHARS);
    expect(one!.content.endsWith('…')).toBe(true);
    expect(one!.paragraph).toHaveLength(MAX_ITEM_CHARS);
    expect(one!.lead).toEqual(BTC);
    const [child] = parseConclusion(`1. ${long}:\na) Hướng dẫn các đảng ủy trực thuộc.`, { directory: PROVINCE, documentDate: '2026-11-20' });
    expect(child!.lead).toEqual(BTC);
    expect(child!.paragraph.split('\n')[1]).toBe('a) Hướng dẫn các đảng ủy trực thuộc.');
    expect(child!.paragraph.split('\n')[0]!.length).toBeLessThan(600);
  });

  it(`more than ${MAX_DRAFT_ITEMS} drafts: the first ${MAX_DRAFT_ITEMS}, and itemsCut says so`, () => {
    const many = draftConclusion('1. Ban Tổ chức Tỉnh ủy báo cáo.\n'.repeat(MAX_DRAFT_ITEMS + 1), { directory: PROVINCE, documentDate: '2026-11-20' });
    expect(many.items).toHaveLength(MAX_DRAFT_ITEMS);
    expect(many.itemsCut).toBe(true);
    const exact = draftConclusion('1. Ban Tổ chức Tỉnh ủy báo cáo.\n'.repeat(MAX_DRAFT_ITEMS), { directory: PROVINCE, documentDate: '2026-11-20' });
    expect(exact.items).toHaveLength(MAX_DRAFT_ITEMS);
    expect(exact.itemsCut).toBe(false);
  });
});
