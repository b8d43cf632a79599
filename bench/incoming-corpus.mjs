// Synthetic incoming documents (văn bản đến) for the benchmarks of issue 3: committees, issuers,
// notations, Vietnamese summaries (trích yếu) drawn from an administrative vocabulary, urgencies,
// secrecy, statuses, deadlines, lead units. Everything is fictional and comes from a fixed-seed PRNG,
// so the same seed and N give the same corpus on every engine.
//
// The vocabulary is weighted so that common words match a large share of the documents ("về việc",
// "công tác", "thực hiện", "đảng viên" between ~9 % and ~70 %, as in the search-at-scale corpus), while
// place names of hamlets and project names are rare (tens to hundreds of documents in a million).

/** mulberry32: small, fast, good enough for synthetic data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
/** pairs: [[value, weight], …] → a picker. */
export function weighted(pairs) {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  const cum = [];
  let s = 0;
  for (const [v, w] of pairs) {
    s += w / total;
    cum.push([v, s]);
  }
  return (rand) => {
    const r = rand();
    for (const [v, c] of cum) {
      if (r < c) {
        return v;
      }
    }
    return cum[cum.length - 1][0];
  };
}

// ---------------------------------------------------------------------------------------------------
// committees: the demo province tree (vanthu's scope) is seeded by the app; these are generated
// outside it, so the clerk of the demo province sees only a small share of the installation.

export const GENERATED_ROOTS = [
  {
    name: 'Tỉnh ủy Ngân Sơn',
    superiorLine: 'ĐẢNG BỘ TỈNH NGÂN SƠN',
    placeName: 'Ngân Sơn',
    abbreviation: 'TU',
    children: [
      'Đảng ủy xã Bình Minh',
      'Đảng ủy xã Phú Lộc',
      'Đảng ủy phường Nam Giang',
      'Đảng ủy xã Yên Thạch',
      'Đảng ủy các cơ quan Đảng tỉnh Ngân Sơn',
    ],
  },
  {
    name: 'Tỉnh ủy Vạn An',
    superiorLine: 'ĐẢNG BỘ TỈNH VẠN AN',
    placeName: 'Vạn An',
    abbreviation: 'TU',
    children: [
      'Đảng ủy xã Thạch Bàn',
      'Đảng ủy phường Hưng Long',
      'Đảng ủy xã Cẩm Lĩnh',
      'Đảng ủy xã Tiên Hội',
      'Đảng ủy đặc khu Cồn Vàng',
    ],
  },
];

/**
 * Share of documents per committee (by name). The demo province subtree (7 committees) gets ~12.5 %;
 * "Huyện ủy Sơn Hà" is historic (dissolved in 2025), so it receives nothing after June 2025.
 */
export const COMMITTEE_WEIGHTS = [
  ['Tỉnh ủy Hồng Lam', 5.5],
  ['Đảng ủy các cơ quan Đảng tỉnh', 1.5],
  ['Đảng ủy xã Tân Phú', 1.2],
  ['Đảng ủy phường Đông Thành', 1.2],
  ['Đảng ủy xã Hòa Bình', 1.0],
  ['Đảng ủy đặc khu Hòn Ngọc', 0.8],
  ['Huyện ủy Sơn Hà', 1.6],
  ['Tỉnh ủy Ngân Sơn', 18],
  ['Tỉnh ủy Vạn An', 18],
  ...GENERATED_ROOTS.flatMap((r) => r.children.map((c) => [c, 5.1])),
];
export const HISTORIC_UNTIL = '2025-06-30';

// ---------------------------------------------------------------------------------------------------
// issuers (organizations directory) and notations

const PARTY_CENTRAL = [
  ['Ban Chấp hành Trung ương', 'TW', ['NQ', 'QĐ', 'KL', 'QĐi']],
  ['Bộ Chính trị', 'TW', ['NQ', 'CT', 'KL', 'QĐ', 'QĐi']],
  ['Ban Bí thư', 'TW', ['CT', 'KL', 'QĐ', 'TB']],
  ['Văn phòng Trung ương Đảng', 'VPTW', ['CV', 'HD', 'TB', 'GM']],
  ['Ban Tổ chức Trung ương', 'BTCTW', ['CV', 'HD', 'QĐ', 'TB']],
  ['Ban Tuyên giáo và Dân vận Trung ương', 'BTGDVTW', ['CV', 'HD', 'KH', 'TB']],
  ['Ủy ban Kiểm tra Trung ương', 'UBKTTW', ['CV', 'TB', 'QĐ', 'HD']],
  ['Ban Nội chính Trung ương', 'BNCTW', ['CV', 'BC', 'HD']],
  ['Ban Chính sách, chiến lược Trung ương', 'BCSCLTW', ['CV', 'BC']],
  ['Đảng ủy Chính phủ', 'ĐUCP', ['CV', 'NQ', 'KH']],
  ['Đảng ủy Quốc hội', 'ĐUQH', ['CV', 'NQ']],
  ['Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương', 'ĐUMTTW', ['CV', 'KH']],
];
const PARTY_PROVINCE = (place, abbr = 'TU') => [
  [`Tỉnh ủy ${place}`, abbr, ['NQ', 'CT', 'KL', 'QĐ', 'KH', 'CV', 'TB', 'BC']],
  [`Văn phòng Tỉnh ủy ${place}`, 'VPTU', ['CV', 'TB', 'GM', 'HD']],
  [`Ban Tổ chức Tỉnh ủy ${place}`, 'BTCTU', ['CV', 'HD', 'TB']],
  [`Ủy ban Kiểm tra Tỉnh ủy ${place}`, 'UBKTTU', ['CV', 'TB', 'QĐ']],
  [`Ban Tuyên giáo và Dân vận Tỉnh ủy ${place}`, 'BTGDVTU', ['CV', 'HD', 'KH']],
  [`Ban Nội chính Tỉnh ủy ${place}`, 'BNCTU', ['CV', 'BC']],
];
const STATE_CENTRAL = [
  [
    'Chính phủ',
    'CP',
    [
      ['NĐ', 'CP', true],
      ['NQ', 'CP', false],
    ],
  ],
  [
    'Thủ tướng Chính phủ',
    'TTg',
    [
      ['QĐ', 'TTg', false],
      ['CT', 'TTg', false],
    ],
  ],
  [
    'Văn phòng Chính phủ',
    'VPCP',
    [
      ['TB', 'VPCP', false],
      [null, 'VPCP-KGVX', false],
      [null, 'VPCP-TCCV', false],
    ],
  ],
  [
    'Bộ Nội vụ',
    'BNV',
    [
      ['TT', 'BNV', true],
      [null, 'BNV-CCVC', false],
      [null, 'BNV-TCBC', false],
    ],
  ],
  [
    'Bộ Tài chính',
    'BTC',
    [
      ['TT', 'BTC', true],
      [null, 'BTC-NSNN', false],
    ],
  ],
  [
    'Bộ Công an',
    'BCA',
    [
      [null, 'BCA-V03', false],
      ['TT', 'BCA', true],
    ],
  ],
  ['Bộ Quốc phòng', 'BQP', [[null, 'BQP-TM', false]]],
  [
    'Bộ Giáo dục và Đào tạo',
    'BGDĐT',
    [
      ['TT', 'BGDĐT', true],
      [null, 'BGDĐT-GDPT', false],
    ],
  ],
  [
    'Bộ Y tế',
    'BYT',
    [
      [null, 'BYT-KCB', false],
      ['TT', 'BYT', true],
    ],
  ],
  ['Bộ Nông nghiệp và Môi trường', 'BNNMT', [[null, 'BNNMT-TTr', false]]],
  ['Bộ Xây dựng', 'BXD', [[null, 'BXD-QLN', false]]],
  ['Bộ Khoa học và Công nghệ', 'BKHCN', [[null, 'BKHCN-CĐS', false]]],
  ['Bộ Văn hóa, Thể thao và Du lịch', 'BVHTTDL', [[null, 'BVHTTDL-VHCS', false]]],
  ['Bộ Tư pháp', 'BTP', [[null, 'BTP-PBGDPL', false]]],
];
const STATE_PROVINCE = (place) => [
  [
    `Ủy ban nhân dân tỉnh ${place}`,
    'UBND',
    [
      ['QĐ', 'UBND', false],
      ['KH', 'UBND', false],
      [null, 'UBND-VX', false],
      [null, 'UBND-NC', false],
      [null, 'UBND-KT', false],
    ],
  ],
  [
    `Hội đồng nhân dân tỉnh ${place}`,
    'HĐND',
    [
      ['NQ', 'HĐND', false],
      ['TB', 'HĐND', false],
    ],
  ],
  [
    `Sở Nội vụ tỉnh ${place}`,
    'SNV',
    [
      [null, 'SNV-TCBC', false],
      ['KH', 'SNV', false],
    ],
  ],
  [`Sở Tài chính tỉnh ${place}`, 'STC', [[null, 'STC-NS', false]]],
  [`Sở Giáo dục và Đào tạo tỉnh ${place}`, 'SGDĐT', [[null, 'SGDĐT-GDTrH', false]]],
  [`Sở Y tế tỉnh ${place}`, 'SYT', [[null, 'SYT-NVY', false]]],
  [
    `Công an tỉnh ${place}`,
    'CAT',
    [
      [null, 'CAT-PV01', false],
      ['BC', 'CAT', false],
    ],
  ],
  [`Bộ Chỉ huy Quân sự tỉnh ${place}`, 'BCHQS', [[null, 'BCH-TM', false]]],
  [`Sở Nông nghiệp và Môi trường tỉnh ${place}`, 'SNNMT', [[null, 'SNNMT-CCTL', false]]],
  [
    `Thanh tra tỉnh ${place}`,
    'TTr',
    [
      [null, 'TTr-NV3', false],
      ['KL', 'TTr', false],
    ],
  ],
  [`Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${place}`, 'MTTQ', [[null, 'MTTQ-BTT', false]]],
  [`Bảo hiểm xã hội tỉnh ${place}`, 'BHXH', [[null, 'BHXH-QLT', false]]],
];
const COMMUNE_PLACES = [
  'Tân Phú',
  'Đông Thành',
  'Hòa Bình',
  'Hòn Ngọc',
  'Bình Minh',
  'Phú Lộc',
  'Nam Giang',
  'Yên Thạch',
  'Thạch Bàn',
  'Hưng Long',
  'Cẩm Lĩnh',
  'Tiên Hội',
  'Cồn Vàng',
  'Sơn Hà',
];

/**
 * The issuer directory: [{ name, code, kind, notation(rand, year) }]. Party notations "12-CV/TU",
 * State notations "45/QĐ-UBND", "123/UBND-VX", "30/2020/NĐ-CP".
 */
export function buildIssuers() {
  const out = [];
  const partyNotation = (code, types) => (rand) => {
    const t = pick(rand, types);
    const n = 1 + Math.floor(rand() ** 2 * (t === 'CV' ? 3000 : 600));
    return { notation: `${n}-${t}/${code}`, number: n, typeAbbr: t };
  };
  const stateNotation = (forms) => (rand, year) => {
    const [t, suffix, legal] = pick(rand, forms);
    const n = 1 + Math.floor(rand() ** 2 * (t === null ? 6000 : 400));
    const notation = legal ? `${n}/${year}/${t}-${suffix}` : t ? `${n}/${t}-${suffix}` : `${n}/${suffix}`;
    return { notation, number: n, typeAbbr: t ?? 'CV' };
  };
  for (const [name, code, types] of PARTY_CENTRAL) {
    out.push({ name, code, kind: 'party', weight: 3, notation: partyNotation(code, types) });
  }
  for (const place of ['Hồng Lam', 'Ngân Sơn', 'Vạn An']) {
    for (const [name, code, types] of PARTY_PROVINCE(place)) {
      out.push({ name, code, kind: 'party', weight: 4, notation: partyNotation(code, types) });
    }
    for (const [name, code, forms] of STATE_PROVINCE(place)) {
      out.push({ name, code, kind: 'state', weight: 2, notation: stateNotation(forms) });
    }
  }
  for (const [name, code, forms] of STATE_CENTRAL) {
    out.push({ name, code, kind: 'state', weight: 1.5, notation: stateNotation(forms) });
  }
  for (const place of COMMUNE_PLACES) {
    const isWard = ['Đông Thành', 'Nam Giang', 'Hưng Long'].includes(place);
    out.push({
      name: `Đảng ủy ${isWard ? 'phường' : 'xã'} ${place}`,
      code: 'ĐU',
      kind: 'party',
      weight: 1,
      notation: partyNotation('ĐU', ['CV', 'BC', 'TTr', 'NQ']),
    });
    out.push({
      name: `Ủy ban nhân dân ${isWard ? 'phường' : 'xã'} ${place}`,
      code: 'UBND',
      kind: 'state',
      weight: 1,
      notation: stateNotation([
        [null, 'UBND', false],
        ['BC', 'UBND', false],
        ['TTr', 'UBND', false],
      ]),
    });
  }
  for (const [name, code] of [
    ['Tỉnh đoàn', 'TĐ'],
    ['Hội Liên hiệp Phụ nữ tỉnh', 'HLHPN'],
    ['Hội Nông dân tỉnh', 'HND'],
    ['Hội Cựu chiến binh tỉnh', 'HCCB'],
    ['Liên đoàn Lao động tỉnh', 'LĐLĐ'],
  ]) {
    for (const place of ['Hồng Lam', 'Ngân Sơn', 'Vạn An']) {
      out.push({
        name: `${name} ${place}`,
        code,
        kind: 'other',
        weight: 0.7,
        notation: stateNotation([
          [null, code, false],
          ['BC', code, false],
        ]),
      });
    }
  }
  return out;
}

// Free-text issuers (not in the directory): citizens' letters, companies, schools.
const FREE_ISSUERS = [
  'Công ty cổ phần Xây dựng Hồng Phát',
  'Trường Trung học phổ thông Lê Quý Đôn',
  'Bệnh viện Đa khoa tỉnh',
  'Ngân hàng Chính sách xã hội chi nhánh tỉnh',
  'Hợp tác xã Nông nghiệp Tân Tiến',
  'Ông Nguyễn Văn Bảy',
  'Bà Trần Thị Mười',
  'Ông Lê Văn Tám và các hộ dân thôn Đồng Cao',
  'Trường Chính trị tỉnh',
  'Báo Hồng Lam',
  'Đài Phát thanh và Truyền hình tỉnh',
  'Viện Nghiên cứu Phát triển',
  'Học viện Chính trị quốc gia Hồ Chí Minh',
  'Đảng ủy Công ty Điện lực tỉnh',
];

// ---------------------------------------------------------------------------------------------------
// summaries

const OPENERS = weighted([
  ['Về việc', 40],
  ['Kế hoạch', 8],
  ['Báo cáo', 8],
  ['Thông báo', 6],
  ['Hướng dẫn', 5],
  ['Quyết định', 4],
  ['Tờ trình', 3],
  ['Giấy mời dự hội nghị', 4],
  ['Chương trình', 2],
  ['Đề nghị', 4],
  ['Nghị quyết', 2],
  ['Chỉ thị', 1],
  ['', 13],
]);
const ACTIONS = weighted([
  ['triển khai thực hiện', 14],
  ['tổ chức thực hiện', 8],
  ['tăng cường', 9],
  ['đẩy mạnh', 7],
  ['kiểm tra, giám sát', 6],
  ['sơ kết', 4],
  ['tổng kết', 5],
  ['báo cáo kết quả', 7],
  ['đánh giá', 5],
  ['rà soát', 5],
  ['kiện toàn', 3],
  ['bổ sung', 3],
  ['phê duyệt', 3],
  ['góp ý dự thảo', 4],
  ['hướng dẫn', 3],
  ['tổ chức hội nghị', 4],
  ['tiếp tục thực hiện', 3],
  ['nâng cao hiệu quả', 4],
  ['', 20],
]);
const TOPICS = weighted([
  ['công tác cán bộ', 7],
  ['công tác tổ chức, cán bộ', 3],
  ['công tác tổ chức xây dựng Đảng', 7],
  ['phát triển đảng viên', 5],
  ['kết nạp đảng viên mới', 3],
  ['đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên', 4],
  ['quản lý đảng viên', 3],
  ['phòng, chống tham nhũng, lãng phí, tiêu cực', 4],
  ['cải cách hành chính', 4],
  ['chuyển đổi số', 4],
  ['bảo đảm an ninh, trật tự', 3],
  ['phòng, chống thiên tai và tìm kiếm cứu nạn', 2],
  ['xây dựng nông thôn mới', 3],
  ['giảm nghèo bền vững', 2],
  ['công tác dân vận', 3],
  ['công tác tuyên giáo', 3],
  ['học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', 3],
  ['công tác kiểm tra, giám sát và thi hành kỷ luật đảng', 4],
  ['quy hoạch cán bộ', 2],
  ['luân chuyển, điều động cán bộ', 2],
  ['bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp', 2],
  ['đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030', 3],
  ['thu, nộp, quản lý và sử dụng đảng phí', 2],
  ['bảo vệ bí mật nhà nước', 2],
  ['công tác văn thư, lưu trữ', 2],
  ['ứng dụng công nghệ thông tin', 2],
  ['sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả', 3],
  ['thực hiện chính sách đối với người có công', 1],
  ['phát triển kinh tế - xã hội', 4],
  ['quốc phòng, an ninh', 2],
  ['giải quyết khiếu nại, tố cáo của công dân', 2],
  ['tiếp công dân', 1],
  ['công tác bảo vệ chính trị nội bộ', 2],
  ['công tác thi đua, khen thưởng', 2],
  ['phòng, chống dịch bệnh', 1],
  ['bảo vệ môi trường', 1],
  ['giáo dục và đào tạo', 1],
  ['chăm sóc sức khỏe nhân dân', 1],
  ['văn hóa, xã hội', 1],
]);
const QUALIFIERS = weighted([
  ['trên địa bàn tỉnh', 8],
  ['năm 2022', 2],
  ['năm 2023', 2],
  ['năm 2024', 2],
  ['năm 2025', 2],
  ['năm 2026', 2],
  ['6 tháng đầu năm', 3],
  ['quý I', 1],
  ['quý III', 1],
  ['giai đoạn 2021 - 2025', 3],
  ['giai đoạn 2026 - 2030', 2],
  ['của Ban Thường vụ Tỉnh ủy', 5],
  ['của Bộ Chính trị', 3],
  ['của Ban Bí thư', 2],
  ['theo tinh thần Nghị quyết Đại hội', 2],
  ['trong tình hình mới', 4],
  ['đến năm 2030, tầm nhìn đến năm 2045', 2],
  ['tại các cơ quan, đơn vị', 3],
  ['và các tổ chức chính trị - xã hội', 3],
  ['trong các cơ quan đảng, Mặt trận Tổ quốc và các đoàn thể', 2],
  ['ở cơ sở', 4],
  ['đối với cán bộ, đảng viên', 4],
  ['của cấp ủy, tổ chức đảng', 4],
  ['theo quy định', 4],
  ['trong thời gian tới', 2],
  ['và nhiệm vụ trọng tâm', 3],
  ['phục vụ Nhân dân', 1],
  ['vùng đồng bào dân tộc thiểu số', 1],
  ['khu vực biên giới, biển đảo', 1],
]);
const FILLERS = weighted([
  ['gắn với', 3],
  ['và', 6],
  ['nhằm', 2],
  ['bảo đảm', 3],
  ['đồng thời', 1],
  ['liên quan đến', 2],
  ['phục vụ', 1],
  ['để', 1],
]);
// Rare words: hamlets, projects, people — each in roughly 1–3 documents per 10,000 (a few hundred at 1M).
export const RARE_PHRASES = [
  'thôn Khe Tre',
  'bản Nà Hang',
  'cầu Bến Thủy',
  'hồ Kẻ Gỗ',
  'đèo Ngang',
  'làng nghề gốm Thổ Hà',
  'dự án đường ven biển Cửa Lò',
  'khu tái định cư Đồng Mới',
  'chợ đầu mối Phú Xuân',
  'nhà máy thủy điện Sông Lam',
  'di tích đình Hoành Sơn',
  'khu công nghiệp Bắc Vinh',
  'cảng cá Lạch Quèn',
  'rừng phòng hộ Kỳ Sơn',
  'mỏ đá Hoàng Mai',
  'lễ hội đền Cuông',
  'bến phà Thanh Nam',
  'trạm bơm Nam Đàn',
  'đồn Biên phòng Keng Đu',
  'hang Thẩm Ồm',
];

/**
 * One summary of 10–40 words: opener, action, one or two topics, qualifiers and connectives, sometimes a
 * rare phrase. Returns the text (NFC).
 */
export function buildSummary(rand) {
  const parts = [];
  const opener = OPENERS(rand);
  if (opener) {
    parts.push(opener);
  }
  const action = ACTIONS(rand);
  if (action) {
    parts.push(action);
  }
  parts.push(TOPICS(rand));
  const target = 10 + Math.floor(rand() * 31);
  let words = parts.join(' ').split(' ').length;
  let guard = 0;
  while (words < target && guard++ < 12) {
    const r = rand();
    const add =
      r < 0.55
        ? QUALIFIERS(rand)
        : r < 0.8
          ? `${FILLERS(rand)} ${TOPICS(rand)}`
          : `${FILLERS(rand)} ${ACTIONS(rand) || 'thực hiện'} ${TOPICS(rand)}`;
    parts.push(add);
    words += add.split(' ').length;
  }
  if (rand() < 0.004) {
    parts.push(`tại ${pick(rand, RARE_PHRASES)}`);
  }
  let s = parts.join(' ');
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return s.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------------
// people-ish values

export const SIGNERS = [
  'Nguyễn Văn Hùng',
  'Trần Thị Thanh Hương',
  'Lê Quốc Tuấn',
  'Phạm Quang Vinh',
  'Hoàng Minh Sơn',
  'Vũ Đức Thắng',
  'Đỗ Thị Hồng Nhung',
  'Bùi Văn Khánh',
  'Ngô Thị Lan',
  'Đặng Quốc Bảo',
  'Phan Văn Giang',
  'Lương Thị Hạnh',
];
export const CHANNEL = weighted([
  ['paper', 45],
  ['email', 20],
  ['edxml', 30],
  ['hand', 5],
]);
export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'flash', 'flash_timed'];
export const URGENCY = weighted([
  ['normal', 80],
  ['urgent', 12],
  ['very_urgent', 5],
  ['flash', 2.5],
  ['flash_timed', 0.5],
]);
export const SECRECIES = ['none', 'confidential', 'secret', 'top_secret'];
export const SECRECY = weighted([
  ['none', 97],
  ['confidential', 2],
  ['secret', 0.7],
  ['top_secret', 0.3],
]);
// Older documents are mostly closed; a few stay open for ever (the overdue list).
export const STATUS_OLD = weighted([
  ['done', 55],
  ['filed', 38],
  ['cancelled', 0.5],
  ['in_progress', 3],
  ['directed', 2],
  ['presented', 1],
  ['registered', 0.5],
]);
export const STATUS_RECENT = weighted([
  ['registered', 15],
  ['presented', 15],
  ['directed', 20],
  ['in_progress', 20],
  ['done', 20],
  ['filed', 10],
]);
export const DIRECTIONS = [
  'Giao Văn phòng chủ trì, tham mưu thực hiện.',
  'Giao Ban Tổ chức nghiên cứu, đề xuất.',
  'Chuyển các ban nghiên cứu, triển khai theo chức năng.',
  'Giao Ủy ban Kiểm tra chủ trì, phối hợp thực hiện.',
  'Đồng chí Chánh Văn phòng theo dõi, đôn đốc.',
];

// ---------------------------------------------------------------------------------------------------
// what the benchmarks ask (shared by the generator, which counts the matches, and the measurement)

/** Quick-search queries by class. The generator reports how many documents (and visible to vanthu) match each. */
export const SEARCH_QUERIES = [
  { cls: 'common', q: 'về việc' },
  { cls: 'common', q: 'công tác' },
  { cls: 'common', q: 'thực hiện' },
  { cls: 'common', q: 'đảng viên' },
  { cls: 'common', q: 'tỉnh' },
  { cls: 'common', q: 'cán bộ' },
  { cls: 'diacritic-free', q: 'dang vien' },
  { cls: 'diacritic-free', q: 'to chuc can bo' },
  { cls: 'diacritic-free', q: 'phong chong tham nhung' },
  { cls: 'diacritic-free', q: 'chuyen doi so' },
  { cls: 'exact', q: 'Phòng, chống tham nhũng' },
  { cls: 'exact', q: 'kết nạp đảng viên mới' },
  { cls: 'exact', q: 'Ban Tổ chức Trung ương' },
  { cls: 'exact', q: 'bảo vệ bí mật nhà nước' },
  { cls: 'rare', q: 'Khe Tre' },
  { cls: 'rare', q: 'thủy điện Sông Lam' },
  { cls: 'rare', q: 'lễ hội đền Cuông' },
  { cls: 'rare', q: 'Lạch Quèn' },
  { cls: 'notation', q: '12-CV/TU' },
  { cls: 'notation', q: '45/QĐ-UBND' },
  { cls: 'notation', q: '123/UBND-VX' },
  { cls: 'notation', q: 'số 8-NQ/TW' },
  { cls: 'no-hit', q: 'tàu vũ trụ' },
  { cls: 'no-hit', q: 'chuyển đổi số tàu ngầm' },
  { cls: 'no-hit', q: 'xyzzy' },
  { cls: 'no-hit', q: '9999-ZZ/QQ' },
];
export const FREE_ISSUERS_LIST = FREE_ISSUERS;
