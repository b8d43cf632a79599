import ExcelJS from 'exceljs';
import type { Insertable, Kysely } from 'kysely';
import type { Database, OutgoingDocumentsTable } from '../../platform/db/schema.ts';
import { DEMO } from '../org/org.test-support.ts';
import { issuerKeyOf } from './outgoing.models.ts';

type Db = Kysely<Database>;
const RANK = { none: 0, confidential: 1, secret: 2, top_secret: 3 } as const;

export interface OutgoingSpec {
  committeeId: number;
  agencyId?: number | null;
  documentTypeId: number;
  drafterId: number;
  status?: string;
  number?: number | null;
  notation?: string | null;
  issuedOn?: string | null;
  summary?: string;
  signerName?: string;
  secrecy?: keyof typeof RANK;
  urgency?: string;
  copies?: number;
  stub?: boolean;
  paperLocation?: string;
  recallReason?: string;
  retainLine?: string;
  recipients?: string[];
}

/**
 * One outgoing document as issuing leaves it (number, notation, issue date, signer), with its
 * recipients; written directly, as the demo writes the documents issued before the system.
 */
export async function insertOutgoing(db: Db, d: OutgoingSpec): Promise<number> {
  const at = `${d.issuedOn ?? '2025-01-02'}T02:00:00.000Z`;
  const secrecy = d.secrecy ?? 'none';
  const summary = d.summary ?? 'V/v triển khai công tác văn thư, lưu trữ năm 2025';
  const values: Omit<Insertable<OutgoingDocumentsTable>, 'id'> = {
    committee_id: d.committeeId,
    agency_id: d.agencyId ?? null,
    issuer_key: issuerKeyOf(d.committeeId, d.agencyId ?? null),
    layout: 'party',
    document_type_id: d.documentTypeId,
    congress: 0,
    drafting_agency_id: null,
    drafter_id: d.drafterId,
    summary,
    summary_folded: summary.toLowerCase(),
    content: JSON.stringify({
      summary,
      body: '',
      addressees: [],
      extraRecipientLines: [],
      ...(d.retainLine === undefined ? {} : { retainLine: d.retainLine }),
    }),
    secrecy,
    secrecy_rank: RANK[secrecy],
    urgency: d.urgency ?? 'normal',
    copies: d.copies ?? 1,
    stub: d.stub ? 1 : 0,
    paper_location: d.paperLocation ?? '',
    status: d.status ?? 'issued',
    circuit_id: null,
    authority_form: 'TM',
    authority_line: 'T/M BAN THƯỜNG VỤ',
    signer_title: 'BÍ THƯ',
    signer_id: null,
    signer_name: d.signerName ?? 'Phạm Quang Vinh',
    signed_at: d.issuedOn ? at : null,
    series_id: null,
    number: d.number ?? null,
    notation: d.notation ?? null,
    notation_folded: d.notation?.toLowerCase() ?? null,
    issued_on: d.issuedOn ?? null,
    issued_at: d.issuedOn && d.status !== 'issuing' ? at : null,
    issued_by: null,
    current_version_id: null,
    docx_file_id: null,
    pdf_file_id: null,
    recall_reason: d.recallReason ?? '',
    created_at: at,
    updated_at: at,
    version: 1,
  };
  const { id } = await db
    .insertInto('outgoing_documents')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipients = d.recipients ?? ['Văn phòng Trung ương Đảng'];
  if (recipients.length > 0) {
    await db
      .insertInto('outgoing_recipients')
      .values(
        recipients.map((name, i) => ({
          document_id: id,
          position: i + 1,
          committee_id: null,
          agency_id: null,
          organization_id: null,
          name,
          delivery: 'paper',
          incoming_document_id: null,
          status_code: null,
          status_at: null,
        })),
      )
      .execute();
  }
  return id;
}

export const LONG =
  'Kết luận của Ban Thường vụ Tỉnh ủy về việc tiếp tục đẩy mạnh thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; yêu cầu các cấp ủy, tổ chức đảng trực thuộc quán triệt và báo cáo kết quả định kỳ hằng quý.';

/**
 * The documents of 2025 the register and report suites read, on the demo organisation: in the Tỉnh ủy's
 * register 02-TB and 05-CV (same day), 06-CV recalled, 07-CV still issuing, 09-CV drafted by kiemtra,
 * 24 long Thông báo (several pages); in its secret register 08-CV (Mật stub with its paper) and 02-BC
 * (Tối mật, drafted by chuyenvien); elsewhere a draft, the Văn phòng's 01-CV/VPTU, Tân Phú's 01-CV/ĐU
 * and 10-CV/TU of 2026. Answers the party type ids by abbreviation and the id of VPTU.
 */
export async function insertRegisterFixtures(
  db: Db,
): Promise<{ type: Record<string, number>; vptu: number }> {
  const type: Record<string, number> = {};
  for (const r of await db
    .selectFrom('document_types')
    .select(['id', 'abbreviation'])
    .where('family', '=', 'party')
    .execute()) {
    type[r.abbreviation] = r.id;
  }
  const vptu = (
    await db.selectFrom('agencies').select('id').where('abbreviation', '=', 'VPTU').executeTakeFirstOrThrow()
  ).id;
  const user = async (username: string) =>
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const specialist = await user('chuyenvien');
  const inspector = await user('kiemtra');
  const base = { committeeId: DEMO.province, drafterId: specialist };
  const docs: OutgoingSpec[] = [
    {
      ...base,
      documentTypeId: type.CV!,
      number: 5,
      notation: '05-CV/TU',
      issuedOn: '2025-03-03',
      urgency: 'urgent',
      copies: 3,
      summary: 'V/v tổng kết công tác văn thư năm 2024',
      recipients: ['Đảng ủy xã Tân Phú', 'Ban Tổ chức Tỉnh ủy'],
    },
    {
      ...base,
      documentTypeId: type.TB!,
      number: 2,
      notation: '02-TB/TU',
      issuedOn: '2025-03-03',
      summary: 'Thông báo kết luận của Thường trực Tỉnh ủy',
    },
    {
      ...base,
      documentTypeId: type.CV!,
      number: 6,
      notation: '06-CV/TU',
      issuedOn: '2025-04-10',
      status: 'recalled',
      recallReason: 'Sai số liệu',
    },
    {
      ...base,
      documentTypeId: type.CV!,
      number: 7,
      notation: '07-CV/TU',
      issuedOn: '2025-04-11',
      status: 'issuing',
    },
    {
      ...base,
      documentTypeId: type.CV!,
      number: 8,
      notation: '08-CV/TU',
      issuedOn: '2025-05-02',
      secrecy: 'confidential',
      stub: true,
      paperLocation: 'Tủ tài liệu mật, phòng Văn thư',
      summary: 'V/v công tác bảo vệ chính trị nội bộ',
      recipients: ['Ban Tổ chức Trung ương'],
    },
    {
      ...base,
      documentTypeId: type.BC!,
      number: 2,
      notation: '02-BC/TU',
      issuedOn: '2025-05-03',
      secrecy: 'secret',
      stub: true,
      summary: 'Báo cáo Tối mật về nhân sự',
    },
    { ...base, documentTypeId: type.CV!, status: 'in_review', summary: 'V/v dự thảo chưa ký' },
    {
      ...base,
      drafterId: inspector,
      documentTypeId: type.CV!,
      number: 9,
      notation: '09-CV/TU',
      issuedOn: '2025-06-01',
    },
    {
      ...base,
      agencyId: vptu,
      documentTypeId: type.CV!,
      number: 1,
      notation: '01-CV/VPTU',
      issuedOn: '2025-03-04',
      retainLine: 'Lưu VT, VPTU',
    },
    { ...base, documentTypeId: type.CV!, number: 10, notation: '10-CV/TU', issuedOn: '2026-01-02' },
    {
      ...base,
      committeeId: DEMO.tanPhu,
      documentTypeId: type.CV!,
      number: 1,
      notation: '01-CV/ĐU',
      issuedOn: '2025-03-05',
    },
    // Enough long lines for the register to run over several pages.
    ...Array.from({ length: 24 }, (_, i): OutgoingSpec => ({
      ...base,
      documentTypeId: type.TB!,
      number: 10 + i,
      notation: `${10 + i}-TB/TU`,
      issuedOn: '2025-07-01',
      summary: LONG,
      recipients: [
        'Các đảng ủy trực thuộc Tỉnh ủy',
        'Các ban đảng, Văn phòng Tỉnh ủy',
        'Ủy ban Kiểm tra Tỉnh ủy',
      ],
    })),
  ];
  for (const d of docs) {
    await insertOutgoing(db, d);
  }
  return { type, vptu };
}

export async function xlsxSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The text line of the page that holds `needle` (pdftotext -layout keeps a table row's first line together). */
export const lineWith = (layout: string, needle: string): string =>
  layout.split('\n').find((l) => l.includes(needle)) ?? '';
