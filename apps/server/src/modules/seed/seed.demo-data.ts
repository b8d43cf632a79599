/**
 * A fictional province, "Hồng Lam", for demonstrations and tests. Every name here is invented.
 */
export const DEMO_PROVINCE = {
  name: 'Tỉnh ủy Hồng Lam',
  superiorLine: 'ĐẢNG BỘ TỈNH HỒNG LAM',
  placeName: 'Hồng Lam',
  abbreviation: 'TU',
};

export const DEMO_PROVINCE_AGENCIES = [
  { name: 'Văn phòng Tỉnh ủy', abbreviation: 'VPTU', kind: 'office' },
  { name: 'Ban Tổ chức Tỉnh ủy', abbreviation: 'BTCTU', kind: 'board' },
  { name: 'Ủy ban Kiểm tra Tỉnh ủy', abbreviation: 'UBKTTU', kind: 'inspection' },
  { name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', abbreviation: 'BTGDVTU', kind: 'board' },
  { name: 'Ban Nội chính Tỉnh ủy', abbreviation: 'BNCTU', kind: 'board' },
  { name: 'Ban Chính sách chiến lược Tỉnh ủy', abbreviation: 'BCSCLTU', kind: 'board' },
];

/** Subordinate committees: communes and wards (since 2025), a direct committee, and a historic district. */
export const DEMO_SUBCOMMITTEES = [
  { level: 'direct', name: 'Đảng ủy các cơ quan Đảng tỉnh', placeName: 'Hồng Lam', abbreviation: 'ĐU', historic: false },
  { level: 'commune', name: 'Đảng ủy xã Tân Phú', placeName: 'Tân Phú', abbreviation: 'ĐU', historic: false },
  { level: 'commune', name: 'Đảng ủy phường Đông Thành', placeName: 'Đông Thành', abbreviation: 'ĐU', historic: false },
  { level: 'commune', name: 'Đảng ủy xã Hòa Bình', placeName: 'Hòa Bình', abbreviation: 'ĐU', historic: false },
  { level: 'commune', name: 'Đảng ủy đặc khu Hòn Ngọc', placeName: 'Hòn Ngọc', abbreviation: 'ĐU', historic: false },
  { level: 'district', name: 'Huyện ủy Sơn Hà', placeName: 'Sơn Hà', abbreviation: 'HU', historic: true },
];

/** Two terms of the provincial committee (spec §2: a term starts the day after its congress closes). */
export const DEMO_TERMS = [
  { ordinal: 16, label: 'Nhiệm kỳ 2020–2025', congressClosedOn: '2020-10-14', endsOn: '2025-10-16' },
  { ordinal: 17, label: 'Nhiệm kỳ 2025–2030', congressClosedOn: '2025-10-16', endsOn: null },
];

/** The demo accounts (issue 2 §13), each tied to a person and a role. */
export const DEMO_USERS: {
  username: string;
  role: string;
  person: string;
  position: string;
  agency: string | null;
  clearance: 'none' | 'confidential' | 'secret' | 'top_secret';
}[] = [
  { username: 'admin', role: 'admin', person: 'Trần Minh Quân', position: 'Quản trị hệ thống', agency: 'VPTU', clearance: 'none' },
  { username: 'vanthu', role: 'clerk', person: 'Nguyễn Thị Thu Hà', position: 'Văn thư', agency: 'VPTU', clearance: 'secret' },
  { username: 'chanhvp', role: 'office_leader', person: 'Lê Văn Đức', position: 'Chánh Văn phòng', agency: 'VPTU', clearance: 'top_secret' },
  { username: 'bithu', role: 'committee_leader', person: 'Phạm Quang Vinh', position: 'Bí thư Tỉnh ủy', agency: null, clearance: 'top_secret' },
  { username: 'chuyenvien', role: 'specialist', person: 'Hoàng Thị Mai Phương', position: 'Chuyên viên', agency: 'VPTU', clearance: 'confidential' },
  { username: 'luutru', role: 'archivist', person: 'Đỗ Thị Ngọc Ánh', position: 'Lưu trữ viên', agency: 'VPTU', clearance: 'secret' },
  { username: 'tiepdan', role: 'reception_officer', person: 'Bùi Văn Thắng', position: 'Cán bộ tiếp công dân', agency: 'VPTU', clearance: 'none' },
  { username: 'ketoan', role: 'accountant', person: 'Vũ Thị Lan Anh', position: 'Kế toán', agency: 'VPTU', clearance: 'none' },
  { username: 'kiemtra', role: 'inspector', person: 'Đặng Hữu Nghĩa', position: 'Chủ nhiệm Ủy ban Kiểm tra', agency: 'UBKTTU', clearance: 'secret' },
  // A commune account (issue 5: the commune splits the province's tasks into sub-tasks and reports):
  // a specialist of the office (Văn phòng Đảng ủy) of Đảng ủy xã Tân Phú. "Commune/VPĐU" names a commune's office.
  { username: 'xatanphu', role: 'specialist', person: 'Ngô Thị Thanh Tâm', position: 'Chuyên viên', agency: 'Đảng ủy xã Tân Phú/VPĐU', clearance: 'confidential' },
];

/** Other people of the province and its communes: [full name, gender, birth year, position, agency or committee]. */
export const DEMO_PEOPLE: [string, 'male' | 'female', number, string, string][] = [
  ['Nguyễn Văn Hùng', 'male', 1968, 'Phó Bí thư Thường trực Tỉnh ủy', 'TU'],
  ['Trần Thị Thanh Hương', 'female', 1972, 'Phó Bí thư Tỉnh ủy', 'TU'],
  ['Lê Quốc Tuấn', 'male', 1970, 'Ủy viên Ban Thường vụ', 'TU'],
  ['Phan Thị Thảo', 'female', 1975, 'Ủy viên Ban Thường vụ', 'TU'],
  ['Ngô Minh Dũng', 'male', 1976, 'Phó Chánh Văn phòng', 'VPTU'],
  ['Dương Thị Yến', 'female', 1980, 'Phó Chánh Văn phòng', 'VPTU'],
  ['Hồ Văn Long', 'male', 1985, 'Trưởng phòng', 'VPTU'],
  ['Lý Thị Hoa', 'female', 1990, 'Chuyên viên', 'VPTU'],
  ['Trịnh Ngọc Sơn', 'male', 1988, 'Chuyên viên', 'VPTU'],
  ['Võ Thị Kim Oanh', 'female', 1992, 'Văn thư', 'VPTU'],
  ['Huỳnh Đức Thịnh', 'male', 1971, 'Trưởng ban', 'BTCTU'],
  ['Mai Thị Bích Ngọc', 'female', 1979, 'Phó Trưởng ban', 'BTCTU'],
  ['Đinh Công Khánh', 'male', 1986, 'Chuyên viên', 'BTCTU'],
  ['Tạ Thị Hồng Nhung', 'female', 1983, 'Chuyên viên', 'UBKTTU'],
  ['Lương Văn Cường', 'male', 1974, 'Trưởng ban', 'BTGDVTU'],
  ['Cao Thị Diệu Linh', 'female', 1987, 'Chuyên viên', 'BTGDVTU'],
  ['Chu Văn Bình', 'male', 1973, 'Trưởng ban', 'BNCTU'],
  ['Kiều Thị Trang', 'female', 1991, 'Chuyên viên', 'BNCTU'],
  ['Quách Minh Hải', 'male', 1977, 'Trưởng ban', 'BCSCLTU'],
  ['Tôn Nữ Thu Thủy', 'female', 1989, 'Chuyên viên', 'BCSCLTU'],
  ['Nguyễn Hữu Phước', 'male', 1975, 'Bí thư Đảng ủy', 'Đảng ủy xã Tân Phú'],
  ['Lê Thị Kim Chi', 'female', 1982, 'Phó Bí thư Đảng ủy', 'Đảng ủy xã Tân Phú'],
  ['Trần Văn Lộc', 'male', 1990, 'Văn thư', 'Đảng ủy xã Tân Phú'],
  ['Phạm Thị Hạnh', 'female', 1978, 'Bí thư Đảng ủy', 'Đảng ủy phường Đông Thành'],
  ['Đoàn Văn Tài', 'male', 1984, 'Phó Bí thư Đảng ủy', 'Đảng ủy phường Đông Thành'],
  ['Hà Thị Mỹ Duyên', 'female', 1993, 'Văn thư', 'Đảng ủy phường Đông Thành'],
  ['Vương Đình Toàn', 'male', 1972, 'Bí thư Đảng ủy', 'Đảng ủy xã Hòa Bình'],
  ['Lâm Thị Ngọc Hân', 'female', 1986, 'Phó Bí thư Đảng ủy', 'Đảng ủy xã Hòa Bình'],
  ['Triệu Văn Nam', 'male', 1969, 'Bí thư Đảng ủy', 'Đảng ủy đặc khu Hòn Ngọc'],
  ['Khúc Thị Quỳnh', 'female', 1988, 'Văn thư', 'Đảng ủy đặc khu Hòn Ngọc'],
  ['Nông Văn Thành', 'male', 1970, 'Bí thư Đảng ủy', 'Đảng ủy các cơ quan Đảng tỉnh'],
  ['Âu Thị Xuân', 'female', 1985, 'Chuyên viên', 'Đảng ủy các cơ quan Đảng tỉnh'],
];
