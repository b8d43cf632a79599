import type { Trx } from '../../platform/context.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { DEMO_PROVINCE, DEMO_SUBCOMMITTEES } from './seed.demo-data.ts';

type Kind = 'party' | 'state' | 'other';

const P = DEMO_PROVINCE.placeName;

/**
 * The issuers a provincial Party office hears from most (issue 3 §2): the Central Committee and its
 * bodies (names after the 2025 reorganisation: Ban Tuyên giáo và Dân vận, Ban Chính sách, chiến lược),
 * the Government and ministries, the province's State bodies, Front and mass organisations, and the
 * demo province's subordinate committees. Codes are the abbreviations seen after the slash of a number
 * ("36-HD/VPTW", "45/QĐ-UBND"); the Central Committee, the Politburo and the Secretariat all sign "…/TW".
 * The province is fictional (seed.demo-data.ts).
 */
export const DEMO_ORGANIZATIONS: { name: string; code: string; kind: Kind; active?: boolean }[] = [
  { name: 'Ban Chấp hành Trung ương', code: 'TW', kind: 'party' },
  { name: 'Bộ Chính trị', code: 'BCT', kind: 'party' },
  { name: 'Ban Bí thư', code: 'BBT', kind: 'party' },
  { name: 'Văn phòng Trung ương Đảng', code: 'VPTW', kind: 'party' },
  { name: 'Ban Tổ chức Trung ương', code: 'BTCTW', kind: 'party' },
  { name: 'Ủy ban Kiểm tra Trung ương', code: 'UBKTTW', kind: 'party' },
  { name: 'Ban Tuyên giáo và Dân vận Trung ương', code: 'BTGDVTW', kind: 'party' },
  { name: 'Ban Nội chính Trung ương', code: 'BNCTW', kind: 'party' },
  { name: 'Ban Chính sách, chiến lược Trung ương', code: 'BCSCLTW', kind: 'party' },
  { name: 'Đảng ủy các cơ quan Đảng Trung ương', code: 'ĐUCCQĐTW', kind: 'party' },
  { name: 'Chính phủ', code: 'CP', kind: 'state' },
  { name: 'Thủ tướng Chính phủ', code: 'TTg', kind: 'state' },
  { name: 'Văn phòng Chính phủ', code: 'VPCP', kind: 'state' },
  { name: 'Bộ Nội vụ', code: 'BNV', kind: 'state' },
  { name: 'Bộ Công an', code: 'BCA', kind: 'state' },
  { name: 'Bộ Tài chính', code: 'BTC', kind: 'state' },
  { name: `Ủy ban nhân dân tỉnh ${P}`, code: 'UBND', kind: 'state' },
  { name: `Hội đồng nhân dân tỉnh ${P}`, code: 'HĐND', kind: 'state' },
  { name: `Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh ${P}`, code: 'VPĐĐBQH&HĐND', kind: 'state' },
  { name: `Sở Nội vụ tỉnh ${P}`, code: 'SNV', kind: 'state' },
  { name: `Sở Tài chính tỉnh ${P}`, code: 'STC', kind: 'state' },
  { name: `Công an tỉnh ${P}`, code: 'CAT', kind: 'state' },
  { name: `Bộ Chỉ huy Quân sự tỉnh ${P}`, code: 'BCHQS', kind: 'state' },
  { name: `Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${P}`, code: 'MTTQ', kind: 'other' },
  { name: `Tỉnh đoàn ${P}`, code: 'TĐ', kind: 'other' },
  { name: `Hội Liên hiệp Phụ nữ tỉnh ${P}`, code: 'HLHPN', kind: 'other' },
  // The demo's subordinate committees send reports up; a dissolved one stays, inactive, for old records.
  ...DEMO_SUBCOMMITTEES.map((c) => ({ name: c.name, code: c.abbreviation, kind: 'party' as const, active: !c.historic })),
];

/** Adds the demo issuers that are not in the directory yet (same folded name); returns how many were added. */
export async function seedDemoOrganizations(trx: Trx, at: string): Promise<number> {
  let added = 0;
  for (const o of DEMO_ORGANIZATIONS) {
    const name = o.name.normalize('NFC');
    const r = await trx
      .insertInto('organizations')
      .values({ name, name_folded: foldVietnamese(name), code: o.code.normalize('NFC'), kind: o.kind, active: o.active === false ? 0 : 1, created_at: at })
      .onConflict((oc) => oc.column('name_folded').doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}
