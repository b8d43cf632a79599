import type { Clearance, IncomingInput, Secrecy, Urgency } from '@vanphong/contracts';
import { incomingInput, parseNotation } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { systemAuditContext } from '../../platform/audit/audit.ts';
import { samples } from '../../platform/files/files.fixtures.ts';
import type { FileStore } from '../../platform/files/files.store.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { rolesOfUser } from '../auth/auth.repository.ts';
import { addCalendarDays, toVietnamDate } from '../calendar/calendar.workdays.ts';
import * as flow from '../incoming/incoming.flow.ts';
import { registerIncoming } from '../incoming/incoming.registration.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { getSettings } from '../settings/settings.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

type State = 'registered' | 'presented' | 'directed' | 'in_progress' | 'done' | 'filed' | 'cancelled';

interface DemoDoc {
  issuer: string;
  notation: string;
  summary: string;
  type?: string;
  urgency?: Urgency;
  secrecy?: Secrecy;
  state: State;
  /** Lead unit abbreviation when directed. */
  lead?: string;
  /** Deadline offset in calendar days from today (negative: overdue). */
  due?: number;
  paper?: string;
  attach?: boolean;
  register?: 'complaint';
}

/**
 * Demo incoming documents (issue 3). The first ten are in the states the OpenAPI examples need —
 * keep their order: 1 registered with a PDF, 2 registered (PATCH), 3 registered (present), 4 presented
 * to bithu (direct), 5 directed (redirect), 6 directed to VPTU (start), 7 in progress (complete),
 * 8 presented (file), 9 presented (return), 10 registered (cancel).
 */
export const DEMO_INCOMING: DemoDoc[] = [
  { issuer: 'Văn phòng Trung ương Đảng', notation: '36-HD/VPTW', type: 'Hướng dẫn', summary: 'Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng', state: 'registered', attach: true },
  { issuer: 'Ban Tổ chức Trung ương', notation: '12-CV/BTCTW', type: 'Công văn', summary: 'Về việc rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2026–2031', state: 'registered' },
  { issuer: 'Ủy ban nhân dân tỉnh Hồng Lam', notation: '45/QĐ-UBND', type: 'Quyết định', summary: 'Quyết định phê duyệt kế hoạch chuyển đổi số các cơ quan nhà nước tỉnh năm 2027', state: 'registered' },
  { issuer: 'Ban Bí thư', notation: '25-CT/TW', type: 'Chỉ thị', summary: 'Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác phát triển đảng viên', urgency: 'urgent', state: 'presented' },
  { issuer: 'Bộ Nội vụ', notation: '123/BNV-CQĐP', type: 'Công văn', summary: 'Về việc báo cáo tình hình tổ chức bộ máy chính quyền địa phương hai cấp', state: 'directed', lead: 'VPTU', due: 6 },
  { issuer: 'Văn phòng Trung ương Đảng', notation: '141-CV/VPTW/nb', type: 'Công văn', summary: 'Về việc chuẩn bị nội dung làm việc của Đoàn công tác Trung ương tại tỉnh', urgency: 'very_urgent', state: 'directed', lead: 'VPTU', due: 3 },
  { issuer: 'Ban Tuyên giáo và Dân vận Trung ương', notation: '88-HD/BTGDVTW', type: 'Hướng dẫn', summary: 'Hướng dẫn tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam', state: 'in_progress', lead: 'VPTU', due: 1 },
  { issuer: 'Hội đồng nhân dân tỉnh Hồng Lam', notation: '56/TB-HĐND', type: 'Thông báo', summary: 'Thông báo lịch tiếp công dân của Thường trực Hội đồng nhân dân tỉnh tháng 12', state: 'presented' },
  { issuer: 'Sở Tài chính tỉnh Hồng Lam', notation: '2034/STC-NS', type: 'Công văn', summary: 'Về việc đề nghị bổ sung kinh phí hoạt động năm 2026 của các cơ quan Đảng', state: 'presented' },
  { issuer: 'Công an tỉnh Hồng Lam', notation: '317/CAT-PV01', type: 'Công văn', summary: 'Về việc cung cấp thông tin phục vụ công tác bảo đảm an ninh, trật tự dịp Tết Nguyên đán', state: 'registered' },
  // A realistic mix for the lists, inboxes, flags and the register.
  { issuer: 'Ban Chấp hành Trung ương', notation: '18-NQ/TW', type: 'Nghị quyết', summary: 'Nghị quyết về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả', state: 'directed', lead: 'BTCTU', due: -4 },
  { issuer: 'Ủy ban Kiểm tra Trung ương', notation: '07-HD/UBKTTW', type: 'Hướng dẫn', summary: 'Hướng dẫn thực hiện công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm 2027', state: 'directed', lead: 'UBKTTU', due: 9 },
  { issuer: 'Đảng ủy xã Tân Phú', notation: '15-BC/ĐU', type: 'Báo cáo', summary: 'Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị tháng 11 năm 2026', state: 'filed' },
  { issuer: 'Văn phòng Chính phủ', notation: '9876/VPCP-TCCV', type: 'Công văn', summary: 'Về việc triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư trong các cơ quan', state: 'done', lead: 'VPTU', due: -2 },
  { issuer: 'Tỉnh đoàn Hồng Lam', notation: '210-KH/TĐTN-TG', type: 'Kế hoạch', summary: 'Kế hoạch tổ chức Tháng Thanh niên năm 2027', state: 'done', lead: 'BTGDVTU', due: 5 },
  { issuer: 'Bộ Công an', notation: '04/2026/TT-BCA', type: 'Thông tư', summary: 'Thông tư quy định chi tiết một số điều của Luật Bảo vệ bí mật nhà nước', state: 'registered', urgency: 'flash' },
  { issuer: 'Ban Nội chính Trung ương', notation: '33-CV/BNCTW', summary: '', secrecy: 'confidential', paper: 'Tủ tài liệu mật, phòng Văn thư — ngăn 2', state: 'presented' },
  { issuer: 'Ban Tổ chức Trung ương', notation: '05-CV/BTCTW', summary: '', secrecy: 'secret', paper: 'Két sắt phòng Chánh Văn phòng', state: 'registered' },
  { issuer: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hồng Lam', notation: '77/BC-MTTQ-BTT', type: 'Báo cáo', summary: 'Báo cáo tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân trước kỳ họp', state: 'directed', lead: 'BCSCLTU', due: 1 },
  { issuer: 'Sở Nội vụ tỉnh Hồng Lam', notation: '1502/SNV-TCBC', type: 'Công văn', summary: 'Về việc thẩm định đề án vị trí việc làm của các cơ quan Đảng, Mặt trận Tổ quốc', state: 'in_progress', lead: 'BTCTU', due: -1 },
  { issuer: 'Đảng ủy các cơ quan Đảng tỉnh', notation: '112-TTr/ĐU', type: 'Tờ trình', summary: 'Tờ trình đề nghị chuẩn y kết quả bầu cử ban chấp hành đảng bộ cơ sở', state: 'presented', urgency: 'urgent' },
  { issuer: 'Hội Liên hiệp Phụ nữ tỉnh Hồng Lam', notation: '48/CV-HPN', type: 'Công văn', summary: 'Về việc đăng ký thi đua năm 2027 của Hội Liên hiệp Phụ nữ tỉnh', state: 'cancelled' },
  { issuer: 'Ông Nguyễn Văn Bình, thôn Đông, xã Tân Phú', notation: 'Đơn không số', summary: 'Đơn kiến nghị về việc giải quyết tranh chấp đất đai tại thôn Đông', state: 'registered', register: 'complaint' },
  { issuer: 'Văn phòng Trung ương Đảng', notation: '1400-CV/VPTW', type: 'Công văn', summary: 'Về việc thực hiện chế độ báo cáo định kỳ bằng phần mềm', state: 'directed', lead: 'VPTU', due: 12 },
];

export async function actorOf(ctx: Ctx, username: string): Promise<Actor> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'clearance', 'scope_committee_id', 'scope_agency_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const roles = await rolesOfUser(ctx.db, u.id);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: roles.codes,
    permissions: roles.permissions,
    clearance: u.clearance as Clearance,
    scopeCommitteeId: u.scope_committee_id,
    scopeAgencyId: u.scope_agency_id,
    sessionId: null,
  };
}

/** Registers and moves the demo documents through the real use cases, oldest first, a few a day. */
export async function seedDemoIncoming(ctx: Ctx, store: FileStore | null): Promise<number> {
  const audit = systemAuditContext('seed');
  const [clerk, leader, specialist] = await Promise.all([actorOf(ctx, 'vanthu'), actorOf(ctx, 'bithu'), actorOf(ctx, 'chuyenvien')]);
  const handlerOf = async (lead: string | undefined) => (lead === 'VPTU' ? specialist : leader);
  const types = new Map((await ctx.db.selectFrom('document_types').select(['id', 'name']).where('family', '=', 'party').execute()).map((t) => [t.name, t.id]));
  const stateTypes = new Map((await ctx.db.selectFrom('document_types').select(['id', 'name']).where('family', '=', 'state').execute()).map((t) => [t.name, t.id]));
  const orgs = new Map((await ctx.db.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.name, o.id]));
  const agencies = new Map((await ctx.db.selectFrom('agencies').select(['id', 'abbreviation']).where('committee_id', '=', clerk.scopeCommitteeId!).execute()).map((a) => [a.abbreviation, a.id]));
  const now = ctx.clock.now();
  const today = toVietnamDate(now);
  const profile = (await getSettings(ctx.db)).deploymentProfile;
  const n = DEMO_INCOMING.length;
  for (const [i, d] of DEMO_INCOMING.entries()) {
    // Arrivals from ~three weeks ago up to this morning, in order; 08:00 Vietnam time plus a few minutes each.
    const back = Math.max(0, Math.round(((n - 1 - i) * 20) / n));
    const arrivedAt = new Date(Math.min(now.getTime() - 60_000 * (n - i), Date.parse(`${addCalendarDays(today, -back)}T08:${String(10 + i).padStart(2, '0')}:00+07:00`)));
    const arrivalDate = toVietnamDate(arrivedAt);
    let fileId: number | null = null;
    if (d.attach && store) {
      const staged = await store.stage({ bytes: samples.pdf(), name: 'huong-dan-36-HD-VPTW.pdf', encrypt: encryptsUploads(profile) });
      const f = await inTransaction(ctx, (trx) => store.register({ staged, createdBy: clerk.userId, trx, audit }));
      fileId = f.id;
    }
    const family = parseNotation(d.notation).form === 'state' ? stateTypes : types;
    const typeId = d.type ? (family.get(d.type) ?? types.get(d.type) ?? stateTypes.get(d.type) ?? null) : null;
    const input: IncomingInput = incomingInput.parse({
      arrivedAt: arrivedAt.toISOString(),
      channel: i % 4 === 1 ? 'email' : i % 7 === 3 ? 'edxml' : 'paper',
      issuerId: orgs.get(d.issuer) ?? null,
      issuerName: orgs.has(d.issuer) ? '' : d.issuer,
      notation: d.notation,
      documentDate: addCalendarDays(arrivalDate, -(2 + (i % 4))),
      documentTypeId: typeId,
      summary: d.summary,
      signer: '',
      pageCount: 2 + (i % 5),
      urgency: d.urgency ?? 'normal',
      secrecy: d.secrecy ?? 'none',
      paperLocation: d.paper ?? '',
      registerKind: d.register ?? 'ordinary',
      attachments: fileId ? [{ fileId, main: true }] : [],
    });
    const { id } = await registerIncoming(ctx, { actor: clerk, audit }, input);
    if (d.state === 'registered') {
      continue;
    }
    if (d.state === 'cancelled') {
      await flow.cancelIncoming(ctx, { actor: clerk, audit }, id, 'Cơ quan ban hành đã thu hồi, thay thế bằng văn bản khác.');
      continue;
    }
    await flow.presentIncoming(ctx, { actor: clerk, audit }, id, { toUserId: leader.userId, note: '' });
    if (d.state === 'presented') {
      continue;
    }
    if (d.state === 'filed') {
      await flow.fileIncoming(ctx, { actor: leader, audit }, id, 'Lưu để biết, theo dõi.');
      continue;
    }
    const lead = agencies.get(d.lead ?? 'VPTU') ?? null;
    await flow.directIncoming(ctx, { actor: leader, audit }, id, {
      direction: `Giao ${d.lead === 'VPTU' || !d.lead ? 'Văn phòng Tỉnh ủy' : 'cơ quan chủ trì'} nghiên cứu, tham mưu; báo cáo kết quả.`,
      leadAgencyId: lead,
      leadUserId: null,
      coAgencyIds: [],
      infoUserIds: [],
      infoAgencyIds: [],
      deadline: d.due === undefined ? null : (() => {
        const dl = addCalendarDays(today, d.due!);
        return dl < arrivalDate ? arrivalDate : dl;
      })(),
    });
    if (d.state === 'directed') {
      continue;
    }
    const handler = await handlerOf(d.lead);
    if (handler === specialist) {
      await flow.startIncoming(ctx, { actor: handler, audit }, id, '');
    }
    if (d.state === 'done') {
      await flow.completeIncoming(ctx, { actor: handler, audit }, id, { resultNote: 'Đã tham mưu, triển khai thực hiện.', replyOutgoingId: null });
    }
  }
  return n;
}
