// The labelled documents of the capture test set (issue 7 §3): for a seed and an index, one
// DocumentLayout for the project's own Party/State generator (outgoing/layout) and the fields a reader
// of its first page should find. Pure and deterministic: the same seed gives the same set.
//
// Issuers are those a provincial Party office hears from (the demo directory, seed.organizations.ts)
// plus the office's own bodies (not in the directory: issuerOrg null). Types, dates (days 01–09,
// months 01–02), numbers (01–09), urgency and secrecy marks, long trích yếu and long bodies (the
// signature then falls on page 2) are all varied.

/** A small deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const P = 'Hồng Lam';

/** Party issuers: superior line, issuer line, abbreviation, place, directory name (null: our own body). */
const PARTY_ISSUERS = [
  {
    superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    issuer: 'VĂN PHÒNG',
    code: 'VPTW',
    place: 'Hà Nội',
    org: 'Văn phòng Trung ương Đảng',
    signer: ['CHÁNH VĂN PHÒNG', 'K/T CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG'],
  },
  {
    superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    issuer: 'BAN TỔ CHỨC',
    code: 'BTCTW',
    place: 'Hà Nội',
    org: 'Ban Tổ chức Trung ương',
    signer: ['K/T TRƯỞNG BAN|PHÓ TRƯỞNG BAN'],
  },
  {
    superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    issuer: 'ỦY BAN KIỂM TRA',
    code: 'UBKTTW',
    place: 'Hà Nội',
    org: 'Ủy ban Kiểm tra Trung ương',
    signer: ['T/M ỦY BAN KIỂM TRA|PHÓ CHỦ NHIỆM'],
  },
  {
    superior: 'BAN CHẤP HÀNH TRUNG ƯƠNG',
    issuer: 'BAN TUYÊN GIÁO VÀ DÂN VẬN',
    code: 'BTGDVTW',
    place: 'Hà Nội',
    org: 'Ban Tuyên giáo và Dân vận Trung ương',
    signer: ['K/T TRƯỞNG BAN|PHÓ TRƯỞNG BAN'],
  },
  {
    superior: `ĐẢNG BỘ TỈNH ${P.toUpperCase()}`,
    issuer: 'ĐẢNG ỦY XÃ TÂN PHÚ',
    code: 'ĐU',
    place: 'Tân Phú',
    org: 'Đảng ủy xã Tân Phú',
    signer: ['T/M BAN THƯỜNG VỤ|BÍ THƯ', 'T/M ĐẢNG ỦY|PHÓ BÍ THƯ'],
  },
  {
    superior: `ĐẢNG BỘ TỈNH ${P.toUpperCase()}`,
    issuer: 'ĐẢNG ỦY PHƯỜNG ĐÔNG THÀNH',
    code: 'ĐU',
    place: 'Đông Thành',
    org: 'Đảng ủy phường Đông Thành',
    signer: ['T/M BAN THƯỜNG VỤ|BÍ THƯ'],
  },
  {
    superior: `ĐẢNG BỘ TỈNH ${P.toUpperCase()}`,
    issuer: 'ĐẢNG ỦY ĐẶC KHU HÒN NGỌC',
    code: 'ĐU',
    place: 'Hòn Ngọc',
    org: 'Đảng ủy đặc khu Hòn Ngọc',
    signer: ['T/M BAN THƯỜNG VỤ|PHÓ BÍ THƯ'],
  },
  {
    superior: `ĐẢNG BỘ TỈNH ${P.toUpperCase()}`,
    issuer: 'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH',
    code: 'ĐU',
    place: P,
    org: 'Đảng ủy các cơ quan Đảng tỉnh',
    signer: ['T/M BAN THƯỜNG VỤ|BÍ THƯ'],
  },
  {
    superior: `ĐẢNG BỘ TỈNH ${P.toUpperCase()}`,
    issuer: 'HUYỆN ỦY SƠN HÀ',
    code: 'HU',
    place: 'Sơn Hà',
    org: 'Huyện ủy Sơn Hà',
    signer: ['T/M BAN THƯỜNG VỤ|BÍ THƯ'],
  },
  {
    superior: `ĐẢNG BỘ TỈNH ${P.toUpperCase()}`,
    issuer: 'TỈNH ỦY',
    code: 'TU',
    place: P,
    org: null,
    signer: ['T/M BAN THƯỜNG VỤ|BÍ THƯ', 'K/T BÍ THƯ|PHÓ BÍ THƯ'],
  },
  {
    superior: `TỈNH ỦY ${P.toUpperCase()}`,
    issuer: 'BAN TỔ CHỨC',
    code: 'BTCTU',
    place: P,
    org: null,
    signer: ['TRƯỞNG BAN', 'K/T TRƯỞNG BAN|PHÓ TRƯỞNG BAN'],
  },
  {
    superior: `TỈNH ỦY ${P.toUpperCase()}`,
    issuer: 'VĂN PHÒNG',
    code: 'VPTU',
    place: P,
    org: null,
    signer: ['CHÁNH VĂN PHÒNG'],
  },
  {
    superior: `TỈNH ỦY ${P.toUpperCase()}`,
    issuer: 'ỦY BAN KIỂM TRA',
    code: 'UBKTTU',
    place: P,
    org: null,
    signer: ['T/M ỦY BAN KIỂM TRA|CHỦ NHIỆM'],
  },
];

/** State issuers: `unit` follows the issuer in a công văn's notation ("123/UBND-VP"). */
const STATE_ISSUERS = [
  {
    superior: '',
    issuer: `ỦY BAN NHÂN DÂN TỈNH ${P.toUpperCase()}`,
    code: 'UBND',
    unit: 'VP',
    place: P,
    org: `Ủy ban nhân dân tỉnh ${P}`,
    signer: ['TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH', 'KT. CHỦ TỊCH|PHÓ CHỦ TỊCH'],
  },
  {
    superior: `UBND TỈNH ${P.toUpperCase()}`,
    issuer: 'SỞ NỘI VỤ',
    code: 'SNV',
    unit: 'VP',
    place: P,
    org: `Sở Nội vụ tỉnh ${P}`,
    signer: ['GIÁM ĐỐC', 'KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC'],
  },
  {
    superior: `UBND TỈNH ${P.toUpperCase()}`,
    issuer: 'SỞ TÀI CHÍNH',
    code: 'STC',
    unit: 'NS',
    place: P,
    org: `Sở Tài chính tỉnh ${P}`,
    signer: ['GIÁM ĐỐC'],
  },
  {
    superior: '',
    issuer: `HỘI ĐỒNG NHÂN DÂN TỈNH ${P.toUpperCase()}`,
    code: 'HĐND',
    unit: 'TT',
    place: P,
    org: `Hội đồng nhân dân tỉnh ${P}`,
    signer: ['TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN|CHỦ TỊCH'],
  },
  {
    superior: '',
    issuer: 'CHÍNH PHỦ',
    code: 'CP',
    unit: 'KTTH',
    place: 'Hà Nội',
    org: 'Chính phủ',
    legal: 'NĐ',
    signer: ['TM. CHÍNH PHỦ|THỦ TƯỚNG'],
  },
  {
    superior: '',
    issuer: 'BỘ NỘI VỤ',
    code: 'BNV',
    unit: 'VTLTNN',
    place: 'Hà Nội',
    org: 'Bộ Nội vụ',
    legal: 'TT',
    signer: ['BỘ TRƯỞNG', 'KT. BỘ TRƯỞNG|THỨ TRƯỞNG'],
  },
  {
    superior: 'BỘ CÔNG AN',
    issuer: `CÔNG AN TỈNH ${P.toUpperCase()}`,
    code: 'CAT',
    unit: 'PV01',
    place: P,
    org: `Công an tỉnh ${P}`,
    signer: ['GIÁM ĐỐC'],
  },
];

const PARTY_TYPES = [
  ['Công văn', 'CV', 6],
  ['Thông báo', 'TB', 3],
  ['Báo cáo', 'BC', 3],
  ['Kế hoạch', 'KH', 3],
  ['Nghị quyết', 'NQ', 1],
  ['Quyết định', 'QĐ', 2],
  ['Chỉ thị', 'CT', 1],
  ['Kết luận', 'KL', 1],
  ['Hướng dẫn', 'HD', 2],
  ['Tờ trình', 'TTr', 1],
  ['Chương trình', 'CTr', 1],
  ['Giấy mời', 'GM', 1],
];
const STATE_TYPES = [
  ['Công văn', '', 6],
  ['Quyết định', 'QĐ', 3],
  ['Thông báo', 'TB', 2],
  ['Báo cáo', 'BC', 2],
  ['Kế hoạch', 'KH', 2],
  ['Tờ trình', 'TTr', 1],
];

const weighted = (rand, xs) => {
  const total = xs.reduce((n, x) => n + x[2], 0);
  let r = rand.next() * total;
  for (const x of xs) {
    r -= x[2];
    if (r < 0) {
      return x;
    }
  }
  return xs[xs.length - 1];
};

const SUBJECTS = [
  'tổng kết công tác văn thư, lưu trữ năm 2025',
  'triển khai hệ thống quản lý văn bản và điều hành',
  'chuẩn bị Đại hội đại biểu Đảng bộ các cấp nhiệm kỳ 2025 - 2030',
  'kiểm tra, giám sát việc thực hiện Quy định số 08-QC/TW',
  'tăng cường công tác bảo vệ bí mật nhà nước trong các cơ quan đảng',
  'thực hiện chuyển đổi số trong công tác văn phòng cấp ủy',
  'tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam',
  'rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý giai đoạn 2026 - 2031',
  'tiếp công dân, giải quyết khiếu nại, tố cáo quý I',
  'thu, nộp, quản lý và sử dụng đảng phí theo Quy định số 01-QĐ/TW',
  'sơ kết 6 tháng đầu năm và phương hướng nhiệm vụ 6 tháng cuối năm 2026',
  'phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ',
  'lấy ý kiến góp ý dự thảo văn kiện trình Đại hội',
  'đào tạo, bồi dưỡng nghiệp vụ công tác văn phòng cấp ủy năm 2026',
  'phòng, chống thiên tai, tìm kiếm cứu nạn mùa mưa bão',
];
const LONG_TAILS = [
  ' và các văn bản hướng dẫn thi hành của Ban Chấp hành Trung ương Đảng, Ban Bí thư',
  ' trong các cơ quan, đơn vị, địa phương trên địa bàn tỉnh giai đoạn 2026 - 2030',
  ', bảo đảm đúng thời hạn, đúng quy định và chất lượng',
];

const PARAGRAPHS = [
  'Thực hiện Quy định số 693-QĐ/VPTW ngày 15/12/2021 của Văn phòng Trung ương Đảng về công tác văn thư trong các cơ quan, tổ chức đảng, đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:',
  '1. Tổng kết công tác năm; đánh giá kết quả tiếp nhận, đăng ký, xử lý văn bản đến và ban hành văn bản đi; việc lập hồ sơ và giao nộp tài liệu vào lưu trữ cơ quan.',
  '2. Rà soát danh mục hồ sơ, bảo đảm thể thức, kỹ thuật trình bày văn bản theo Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng.',
  '3. Các cơ quan, đơn vị chủ động phối hợp, kịp thời báo cáo những khó khăn, vướng mắc phát sinh trong quá trình thực hiện để tổng hợp, xem xét, giải quyết.',
  'Căn cứ Điều lệ Đảng; căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025 - 2030; xét đề nghị của các cơ quan tham mưu, giúp việc.',
  'Những năm qua, việc ứng dụng công nghệ thông tin trong các cơ quan đảng đạt nhiều kết quả quan trọng; văn bản điện tử được gửi, nhận trên mạng thông tin diện rộng của Đảng, góp phần nâng cao hiệu quả lãnh đạo, chỉ đạo.',
  'Tuy nhiên, việc triển khai ở một số nơi còn chậm; hạ tầng kỹ thuật chưa đồng bộ; đội ngũ cán bộ làm công tác văn thư, lưu trữ còn thiếu và chưa được đào tạo, bồi dưỡng thường xuyên.',
  'Báo cáo gửi về Văn phòng Tỉnh ủy trước ngày 20 tháng 02 năm 2026 để tổng hợp, báo cáo Thường trực Tỉnh ủy.',
];

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Quốc', 'Hữu', 'Thanh', 'Ngọc', 'Xuân'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quang',
  'Sơn',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vinh',
  'Yến',
  'Đức',
  'Hương',
];

const SECRECY = [
  ['none', 0.82],
  ['confidential', 0.1],
  ['secret', 0.05],
  ['top_secret', 0.03],
];
const URGENCY = [
  ['normal', 0.75],
  ['urgent', 0.12],
  ['very_urgent', 0.06],
  ['flash', 0.05],
  ['flash_timed', 0.02],
];
const byShare = (rand, xs) => {
  let r = rand.next();
  for (const [v, p] of xs) {
    r -= p;
    if (r < 0) {
      return v;
    }
  }
  return xs[0][0];
};

const pad2 = (n) => String(n).padStart(2, '0');

/** One labelled case: `layout` for renderDocx and `truth` for the reader. */
export function makeCase(seed, index) {
  const rand = prng(seed * 100_003 + index);
  const state = rand.chance(0.35);
  const who = rand.pick(state ? STATE_ISSUERS : PARTY_ISSUERS);
  let [typeName, typeCode] = weighted(rand, state ? STATE_TYPES : PARTY_TYPES);
  if (state && who.legal && rand.chance(0.5)) {
    typeName = who.legal === 'NĐ' ? 'Nghị định' : 'Thông tư';
    typeCode = who.legal;
  }
  const letter = typeName === 'Công văn';
  // Dates: a third in days 01–09, a quarter in January or February (the padding rule's cases).
  const year = rand.pick([2024, 2025, 2026, 2026]);
  const month = rand.chance(0.25) ? rand.int(1, 2) : rand.int(1, 12);
  const day = rand.chance(0.33) ? rand.int(1, 9) : rand.int(1, 28);
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  const number = rand.chance(0.3)
    ? rand.int(1, 9)
    : rand.chance(0.8)
      ? rand.int(10, 199)
      : rand.int(200, 2999);
  let subject = rand.pick(SUBJECTS);
  if (rand.chance(0.3)) {
    subject += rand.pick(LONG_TAILS);
  }
  const summary = letter ? `V/v ${subject}` : state ? `Về việc ${subject}` : subject;
  const withYear = state && (typeCode === 'NĐ' || typeCode === 'TT');
  const issuerAbbreviation = state && letter ? `${who.code}-${who.unit}` : who.code;
  const typeAbbreviation = withYear ? `${year}/${typeCode}` : letter && !state ? 'CV' : typeCode;
  const notation = state
    ? letter
      ? `${pad2(number)}/${who.code}-${who.unit}`
      : `${pad2(number)}/${withYear ? `${year}/` : ''}${typeCode}-${who.code}`
    : `${pad2(number)}-${letter ? 'CV' : typeCode}/${who.code}`;
  const [authorityLine, signerTitle] = (() => {
    const form = rand.pick(who.signer);
    return form.includes('|') ? form.split('|') : ['', form];
  })();
  const signerName = `${rand.pick(FAMILY)} ${rand.pick(MIDDLE)} ${rand.pick(GIVEN)}`;
  const paragraphs = Array.from({ length: rand.chance(0.2) ? rand.int(9, 14) : rand.int(1, 5) }, () =>
    rand.pick(PARAGRAPHS),
  );
  const secrecy = byShare(rand, SECRECY);
  const urgency = byShare(rand, URGENCY);
  const authorityForm =
    authorityLine.startsWith('T/M') || authorityLine.startsWith('TM')
      ? 'TM'
      : authorityLine
        ? 'KT'
        : 'direct';
  const layout = {
    layout: state ? 'state' : 'party',
    superiorLine: who.superior,
    issuerLine: who.issuer,
    issuerAbbreviation,
    typeName,
    typeAbbreviation,
    number,
    notation,
    place: who.place,
    date,
    draftYear: year,
    summary,
    body: paragraphs.join('\n'),
    addressees: letter
      ? rand.pick([
          ['Ban Thường vụ Tỉnh ủy'],
          ['Các ban đảng, Văn phòng Tỉnh ủy', 'Các đảng ủy trực thuộc Tỉnh ủy'],
        ])
      : [],
    authorityForm,
    authorityLine,
    signerTitle,
    signerName,
    recipientLines: ['Như trên', 'Lưu Văn phòng'],
    secrecy,
    urgency,
  };
  const truth = {
    layout: layout.layout,
    superiorBody: who.superior || null,
    issuerName: who.issuer,
    issuerOrg: who.org,
    notation,
    number,
    place: who.place,
    documentDate: date,
    documentTypeName: typeName,
    summary: letter ? subject : summary,
    urgency,
    secrecy,
    // Set by the generator from the rendered PDF: null when the signature falls on page 2.
    signer: signerName,
  };
  return { id: `doc-${String(index + 1).padStart(3, '0')}`, layout, truth };
}

/** The directory the reader is given (as the server gives it from the database): demo organisations. */
export const ISSUER_ORGS = [
  ...new Set([...PARTY_ISSUERS, ...STATE_ISSUERS].map((i) => i.org).filter(Boolean)),
];
