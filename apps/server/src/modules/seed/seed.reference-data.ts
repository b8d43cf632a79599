import type { Permission, Urgency } from '@vanphong/contracts';

/** Committee levels are data (spec §0); huyện/quận kept as historic for records before 2025. */
export const COMMITTEE_LEVELS = [
  { code: 'central', name: 'Trung ương', rank: 0, historic: 0 },
  { code: 'province', name: 'Tỉnh ủy, Thành ủy', rank: 1, historic: 0 },
  { code: 'direct', name: 'Đảng ủy trực thuộc', rank: 2, historic: 0 },
  { code: 'district', name: 'Huyện ủy, Quận ủy (trước 2025)', rank: 2, historic: 1 },
  { code: 'commune', name: 'Đảng ủy xã, phường, đặc khu', rank: 3, historic: 0 },
  { code: 'cell', name: 'Chi bộ', rank: 4, historic: 0 },
];

const ORG_READ: Permission[] = ['org.view'];

/** Roles are bundles of permission names (issue 2 §5); admins may edit them, these are the starting bundles. */
export const ROLES: { code: string; name: string; permissions: Permission[] }[] = [
  {
    code: 'admin',
    name: 'Quản trị hệ thống',
    permissions: ['org.view', 'org.manage', 'users.view', 'users.manage', 'roles.manage', 'settings.view', 'settings.manage', 'calendar.manage', 'audit.view', 'files.upload'],
  },
  {
    code: 'clerk',
    name: 'Văn thư',
    permissions: [...ORG_READ, 'incoming.view', 'incoming.register', 'outgoing.view', 'outgoing.issue', 'files.upload', 'archive.view', 'schedule.view'],
  },
  {
    code: 'office_leader',
    name: 'Lãnh đạo văn phòng',
    permissions: [...ORG_READ, 'users.view', 'incoming.view', 'incoming.direct', 'outgoing.view', 'outgoing.approve', 'tasks.view', 'tasks.manage', 'schedule.view', 'schedule.manage', 'reports.view', 'files.upload'],
  },
  {
    code: 'committee_leader',
    name: 'Lãnh đạo cấp ủy',
    permissions: [...ORG_READ, 'incoming.view', 'incoming.direct', 'outgoing.view', 'outgoing.approve', 'tasks.view', 'schedule.view', 'reports.view'],
  },
  {
    code: 'specialist',
    name: 'Chuyên viên',
    permissions: [...ORG_READ, 'incoming.view', 'incoming.handle', 'outgoing.view', 'outgoing.draft', 'tasks.view', 'tasks.manage', 'schedule.view', 'files.upload'],
  },
  {
    code: 'archivist',
    name: 'Lưu trữ viên',
    permissions: [...ORG_READ, 'archive.view', 'archive.manage', 'incoming.view', 'outgoing.view', 'files.upload'],
  },
  { code: 'reception_officer', name: 'Cán bộ tiếp dân', permissions: [...ORG_READ, 'petitions.view', 'petitions.manage', 'files.upload'] },
  { code: 'accountant', name: 'Kế toán', permissions: [...ORG_READ, 'finance.view', 'finance.manage'] },
  {
    code: 'inspector',
    name: 'Kiểm tra (chỉ xem)',
    permissions: [...ORG_READ, 'tasks.view', 'tasks.inspect', 'incoming.view', 'outgoing.view', 'reports.view', 'audit.view'],
  },
];

/** Document types under 399-QĐ/TW with the abbreviations seen in real numbers (spec §1); [?] ones are editable. */
export const DOCUMENT_TYPES: { name: string; abbreviation: string; family: 'party' | 'state' }[] = [
  ['Cương lĩnh chính trị', 'CL'],
  ['Điều lệ Đảng', 'ĐL'],
  ['Chiến lược', 'CLc'],
  ['Nghị quyết', 'NQ'],
  ['Quyết định', 'QĐ'],
  ['Chỉ thị', 'CT'],
  ['Kết luận', 'KL'],
  ['Quy chế', 'QC'],
  ['Quy định', 'QĐi'],
  ['Thông tri', 'TT'],
  ['Hướng dẫn', 'HD'],
  ['Thông báo', 'TB'],
  ['Thông cáo', 'TC'],
  ['Tuyên bố', 'TBo'],
  ['Lời kêu gọi', 'LKG'],
  ['Báo cáo', 'BC'],
  ['Kế hoạch', 'KH'],
  ['Quy hoạch', 'QH'],
  ['Chương trình', 'CTr'],
  ['Đề án', 'ĐA'],
  ['Phương án', 'PA'],
  ['Dự án', 'DA'],
  ['Tờ trình', 'TTr'],
  ['Công văn', 'CV'],
  ['Biên bản', 'BB'],
  ['Bản sao', 'BS'],
  ['Giấy giới thiệu', 'GGT'],
  ['Giấy chứng nhận', 'GCN'],
  ['Giấy đi đường', 'GĐĐ'],
  ['Giấy nghỉ phép', 'GNP'],
  ['Giấy mời', 'GM'],
  ['Phiếu chuyển', 'PC'],
  ['Phiếu gửi', 'PG'],
  ['Thư công', 'TCg'],
]
  .map(([name, abbreviation]) => ({ name: name as string, abbreviation: abbreviation as string, family: 'party' as 'party' | 'state' }))
  .concat(
    // State bodies (Nghị định 30/2020/NĐ-CP, Phụ lục III): incoming documents come from both worlds.
    [
      ['Nghị quyết', 'NQ'],
      ['Nghị định', 'NĐ'],
      ['Quyết định', 'QĐ'],
      ['Chỉ thị', 'CT'],
      ['Thông tư', 'TT'],
      ['Quy chế', 'QC'],
      ['Quy định', 'QyĐ'],
      ['Thông cáo', 'TC'],
      ['Thông báo', 'TB'],
      ['Hướng dẫn', 'HD'],
      ['Chương trình', 'CTr'],
      ['Kế hoạch', 'KH'],
      ['Phương án', 'PA'],
      ['Đề án', 'ĐA'],
      ['Dự án', 'DA'],
      ['Báo cáo', 'BC'],
      ['Biên bản', 'BB'],
      ['Tờ trình', 'TTr'],
      ['Hợp đồng', 'HĐ'],
      ['Công văn', ''],
      ['Công điện', 'CĐ'],
      ['Giấy mời', 'GM'],
      ['Giấy giới thiệu', 'GGT'],
      ['Bản sao y', 'SY'],
      ['Bản sao lục', 'SL'],
      ['Bản trích sao', 'TrS'],
    ].map(([name, abbreviation]) => ({ name: name as string, abbreviation: abbreviation as string, family: 'state' as const })),
  );

export const POSITIONS = [
  { name: 'Bí thư Tỉnh ủy', signatureTitle: 'BÍ THƯ', isLeader: 1, rank: 1 },
  { name: 'Phó Bí thư Thường trực Tỉnh ủy', signatureTitle: 'PHÓ BÍ THƯ THƯỜNG TRỰC', isLeader: 1, rank: 2 },
  { name: 'Phó Bí thư Tỉnh ủy', signatureTitle: 'PHÓ BÍ THƯ', isLeader: 1, rank: 3 },
  { name: 'Ủy viên Ban Thường vụ', signatureTitle: 'ỦY VIÊN BAN THƯỜNG VỤ', isLeader: 1, rank: 4 },
  { name: 'Chánh Văn phòng', signatureTitle: 'CHÁNH VĂN PHÒNG', isLeader: 1, rank: 10 },
  { name: 'Phó Chánh Văn phòng', signatureTitle: 'PHÓ CHÁNH VĂN PHÒNG', isLeader: 1, rank: 11 },
  { name: 'Trưởng ban', signatureTitle: 'TRƯỞNG BAN', isLeader: 1, rank: 12 },
  { name: 'Phó Trưởng ban', signatureTitle: 'PHÓ TRƯỞNG BAN', isLeader: 1, rank: 13 },
  { name: 'Chủ nhiệm Ủy ban Kiểm tra', signatureTitle: 'CHỦ NHIỆM', isLeader: 1, rank: 12 },
  { name: 'Bí thư Đảng ủy', signatureTitle: 'BÍ THƯ', isLeader: 1, rank: 20 },
  { name: 'Phó Bí thư Đảng ủy', signatureTitle: 'PHÓ BÍ THƯ', isLeader: 1, rank: 21 },
  { name: 'Trưởng phòng', signatureTitle: 'TRƯỞNG PHÒNG', isLeader: 1, rank: 30 },
  { name: 'Chuyên viên', signatureTitle: 'CHUYÊN VIÊN', isLeader: 0, rank: 50 },
  { name: 'Văn thư', signatureTitle: 'VĂN THƯ', isLeader: 0, rank: 60 },
  { name: 'Lưu trữ viên', signatureTitle: 'LƯU TRỮ VIÊN', isLeader: 0, rank: 61 },
  { name: 'Kế toán', signatureTitle: 'KẾ TOÁN', isLeader: 0, rank: 62 },
  { name: 'Cán bộ tiếp công dân', signatureTitle: 'CÁN BỘ TIẾP CÔNG DÂN', isLeader: 0, rank: 63 },
  { name: 'Quản trị hệ thống', signatureTitle: 'QUẢN TRỊ HỆ THỐNG', isLeader: 0, rank: 70 },
];

/**
 * Default handling deadlines of incoming documents in working days from arrival (issue 3 §5), by urgency;
 * [?] no central rule fixes these numbers — the office edits them (PUT /api/incoming/deadline-rules) and
 * may add per-type rules. Hỏa tốc hẹn giờ: the same day.
 */
export const DEADLINE_RULES: { documentTypeId: number | null; urgency: Urgency | null; workingDays: number }[] = [
  { documentTypeId: null, urgency: null, workingDays: 7 },
  { documentTypeId: null, urgency: 'urgent', workingDays: 3 },
  { documentTypeId: null, urgency: 'very_urgent', workingDays: 2 },
  { documentTypeId: null, urgency: 'flash', workingDays: 1 },
  { documentTypeId: null, urgency: 'flash_timed', workingDays: 0 },
];
