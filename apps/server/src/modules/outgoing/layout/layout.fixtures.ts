import type { DocumentLayout } from './layout.models.ts';

/**
 * Demo layouts of the fictional province Hồng Lam, used by the generator's and the checker's tests
 * and by the screenshots: each one must pass the checker with no violation.
 */

const tinhUy = {
  layout: 'party' as const,
  superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM',
  issuerLine: 'TỈNH ỦY',
  issuerAbbreviation: 'TU',
  place: 'Hồng Lam',
  draftYear: 2026,
  secrecy: 'none' as const,
  urgency: 'normal' as const,
};

const vanPhong = {
  ...tinhUy,
  superiorLine: 'TỈNH ỦY HỒNG LAM',
  issuerLine: 'VĂN PHÒNG',
  issuerAbbreviation: 'VPTU',
};

/** A công văn of the committee, signed K/T by a deputy secretary. */
export const congVan = (): DocumentLayout => ({
  ...tinhUy,
  typeName: 'Công văn',
  typeAbbreviation: 'CV',
  number: 7,
  notation: '07-CV/TU',
  date: '2026-02-05',
  summary: 'V/v chuẩn bị tổng kết công tác văn thư, lưu trữ năm 2025',
  body: [
    'Thực hiện Quy định số 693-QĐ/VPTW ngày 15/12/2021 của Văn phòng Trung ương Đảng về công tác văn thư trong các cơ quan, tổ chức đảng, Ban Thường vụ Tỉnh ủy đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:',
    '1. Tổng kết công tác văn thư, lưu trữ năm 2025; đánh giá kết quả tiếp nhận, đăng ký, xử lý văn bản đến và ban hành văn bản đi; việc lập hồ sơ và giao nộp tài liệu vào lưu trữ cơ quan.',
    '2. Rà soát danh mục hồ sơ năm 2026, bảo đảm thể thức, kỹ thuật trình bày văn bản theo Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng.',
    'Báo cáo gửi về Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 20 tháng 02 năm 2026 để tổng hợp.',
  ].join('\n'),
  addressees: ['Các ban đảng, Văn phòng Tỉnh ủy', 'Các đảng ủy trực thuộc Tỉnh ủy', 'Các đảng ủy xã, phường'],
  authorityForm: 'KT',
  authorityLine: 'K/T BÍ THƯ',
  signerTitle: 'PHÓ BÍ THƯ',
  signerName: 'Trần Văn Đức',
  recipientLines: ['Như trên', 'Thường trực Tỉnh ủy (để b/c)', 'Lưu Văn phòng Tỉnh ủy'],
});

/** A thông báo of the office, signed directly by its chief. */
export const thongBao = (): DocumentLayout => ({
  ...vanPhong,
  typeName: 'Thông báo',
  typeAbbreviation: 'TB',
  number: 12,
  notation: '12-TB/VPTU',
  date: '2026-04-03',
  summary: 'kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Đảng ủy phường Bình Minh',
  body: [
    'Ngày 01 tháng 4 năm 2026, đồng chí Bí thư Tỉnh ủy chủ trì buổi làm việc với Ban Thường vụ Đảng ủy phường Bình Minh về tình hình thực hiện nhiệm vụ quý I và phương hướng quý II năm 2026. Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, Thường trực Tỉnh ủy kết luận như sau:',
    '1. Ghi nhận, biểu dương những kết quả Đảng bộ phường đạt được trong quý I năm 2026, nhất là công tác chuyển đổi số và cải cách hành chính.',
    '2. Đề nghị Ban Thường vụ Đảng ủy phường tập trung giải quyết dứt điểm các đơn thư tồn đọng; hoàn thành trước ngày 30 tháng 6 năm 2026.',
    'Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện.',
  ].join('\n'),
  addressees: [],
  authorityForm: 'direct',
  authorityLine: '',
  signerTitle: 'CHÁNH VĂN PHÒNG',
  signerName: 'Nguyễn Thị Hồng Hạnh',
  recipientLines: ['Thường trực Tỉnh ủy (để b/c)', 'Đảng ủy phường Bình Minh', 'Lưu Văn phòng Tỉnh ủy'],
});

/** A nghị quyết of the standing committee, signed T/M by the secretary. */
export const nghiQuyet = (): DocumentLayout => ({
  ...tinhUy,
  typeName: 'Nghị quyết',
  typeAbbreviation: 'NQ',
  number: 3,
  notation: '03-NQ/TU',
  date: '2026-01-20',
  summary: 'về chuyển đổi số trong các cơ quan đảng giai đoạn 2026 - 2030',
  body: [
    'I. TÌNH HÌNH VÀ NGUYÊN NHÂN',
    'Những năm qua, việc ứng dụng công nghệ thông tin trong các cơ quan đảng của tỉnh đạt nhiều kết quả quan trọng; văn bản điện tử được gửi, nhận trên mạng thông tin diện rộng của Đảng.',
    'II. MỤC TIÊU',
    'Đến năm 2030, 100% văn bản không mật được gửi, nhận dưới dạng điện tử; 100% hồ sơ công việc được lập và lưu trữ điện tử.',
  ].join('\n'),
  addressees: [],
  authorityForm: 'TM',
  authorityLine: 'T/M BAN THƯỜNG VỤ',
  signerTitle: 'BÍ THƯ',
  signerName: 'Lê Minh Quang',
  recipientLines: [
    'Ban Bí thư Trung ương Đảng (để b/c)',
    'Các đảng ủy trực thuộc Tỉnh ủy',
    'Lưu Văn phòng Tỉnh ủy',
  ],
});

/** A kế hoạch of the committee signed K/T, marked Mật and Khẩn. */
export const keHoach = (): DocumentLayout => ({
  ...tinhUy,
  typeName: 'Kế hoạch',
  typeAbbreviation: 'KH',
  number: 45,
  notation: '45-KH/TU',
  date: '2026-11-28',
  summary: 'bảo vệ bí mật nhà nước trong các cơ quan đảng năm 2027',
  body: 'Thực hiện Luật Bảo vệ bí mật nhà nước số 117/2025/QH15, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU',
  addressees: [],
  authorityForm: 'KT',
  authorityLine: 'K/T BÍ THƯ',
  signerTitle: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
  signerName: 'Phạm Thu Hà',
  recipientLines: ['Các ban đảng Tỉnh ủy', 'Lưu Văn phòng Tỉnh ủy'],
  secrecy: 'confidential',
  urgency: 'urgent',
});

/** A State-format (ND30) công văn of the provincial people's committee, signed TM. by its chairman. */
export const stateCongVan = (): DocumentLayout => ({
  layout: 'state',
  superiorLine: '',
  issuerLine: 'ỦY BAN NHÂN DÂN TỈNH HỒNG LAM',
  issuerAbbreviation: 'UBND-VP',
  typeName: 'Công văn',
  typeAbbreviation: '',
  number: 123,
  notation: '123/UBND-VP',
  place: 'Hồng Lam',
  date: '2026-03-09',
  draftYear: 2026,
  summary: 'V/v triển khai hệ thống quản lý văn bản và điều hành',
  body: [
    'Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai hệ thống quản lý văn bản và điều hành bảo đảm liên thông với hệ thống của Tỉnh ủy.',
    'Thời gian hoàn thành: trước ngày 31 tháng 5 năm 2026.',
  ].join('\n'),
  addressees: ['Các sở, ban, ngành tỉnh'],
  authorityForm: 'TM',
  authorityLine: 'TM. ỦY BAN NHÂN DÂN',
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Hoàng Văn Nam',
  recipientLines: ['Như trên', 'Văn phòng Tỉnh ủy', 'Lưu: VT, VP'],
  secrecy: 'none',
  urgency: 'normal',
});

/** A draft công văn: no number, no date yet. */
export const draftCongVan = (): DocumentLayout => ({
  ...congVan(),
  number: null,
  notation: null,
  date: null,
});

export const ALL_FIXTURES = { congVan, thongBao, nghiQuyet, keHoach, stateCongVan, draftCongVan };
