import type { IncomingDetail, IncomingListItem, Secrecy, Urgency } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { dueFlagsOf } from './incoming.models.ts';
import * as repo from './incoming.repository.ts';
import { loadListRows, type ListRow } from './incoming.list.repository.ts';

type Window = { today: string; soonLimit: string };

export function presentListItem(r: ListRow, w: Window): IncomingListItem {
  return {
    id: r.id,
    registerId: r.register_id,
    arrivalNumber: r.arrival_number,
    arrivedAt: r.arrived_at,
    arrivalDate: r.arrival_date,
    channel: r.channel as IncomingListItem['channel'],
    issuerId: r.issuer_id,
    issuerName: r.issuer_name,
    notation: r.notation,
    documentDate: r.document_date,
    documentTypeId: r.document_type_id,
    documentTypeName: r.document_type_name,
    summary: r.summary,
    urgency: r.urgency as Urgency,
    secrecy: r.secrecy as Secrecy,
    status: r.status as IncomingListItem['status'],
    deadline: r.deadline,
    ...dueFlagsOf(r, w.today, w.soonLimit),
    leadAgencyId: r.lead_agency_id,
    leadAgencyName: r.lead_agency_name,
    leadUserId: r.lead_user_id,
    leadUserName: r.lead_user_name,
    attachmentCount: r.attachment_count,
  };
}

const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

/** The whole document page: metadata, register, recipients, attachments, trail, ĐẾN stamp, abilities. */
export async function presentDetail(
  db: Kysely<Database>,
  doc: repo.DocumentRow,
  w: Window,
  abilities: Record<string, boolean>,
  { showAttachments }: { showAttachments: boolean },
): Promise<IncomingDetail> {
  const [list] = await loadListRows(db, [doc.id]);
  const [register, trail, recipients, attachments, presented, committee] = await Promise.all([
    repo.findRegister(db, doc.register_id),
    repo.loadTrail(db, doc.id),
    repo.loadRecipients(db, doc.id),
    showAttachments ? repo.loadAttachments(db, doc.id) : Promise.resolve([]),
    doc.presented_to === null
      ? Promise.resolve(undefined)
      : db.selectFrom('users').select('display_name').where('id', '=', doc.presented_to).executeTakeFirst(),
    db.selectFrom('committees').select('name').where('id', '=', doc.committee_id).executeTakeFirst(),
  ]);
  const agencyName = register!.agency_id
    ? ((await db.selectFrom('agencies').select('name').where('id', '=', register!.agency_id).executeTakeFirst())?.name ?? '')
    : (committee?.name ?? '');
  const forwardedTo = recipients
    .filter((r) => r.role === 'lead' || r.role === 'co')
    .map((r) => r.agency_name ?? r.user_name ?? '')
    .filter(Boolean)
    .join(', ');
  return {
    ...presentListItem(list!, w),
    register: {
      id: register!.id,
      committeeId: register!.committee_id,
      agencyId: register!.agency_id,
      year: register!.year,
      kind: register!.kind,
      name: register!.name,
      lastNumber: null,
    },
    committeeId: doc.committee_id,
    signer: doc.signer,
    pageCount: doc.page_count,
    copies: doc.copies,
    deliverBy: doc.deliver_by,
    paperLocation: doc.paper_location,
    note: doc.note,
    direction: doc.direction,
    presentedToId: doc.presented_to,
    presentedToName: presented?.display_name ?? null,
    resultNote: doc.result_note,
    replyOutgoingId: doc.reply_outgoing_id,
    cancelReason: doc.cancel_reason,
    completedAt: doc.completed_at,
    stub: doc.stub === 1,
    recipients: recipients.map((r) => ({
      role: r.role as 'lead' | 'co' | 'info',
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      userId: r.user_id,
      userName: r.user_name,
    })),
    attachments: attachments.map((a) => ({
      fileId: a.file_id,
      name: a.original_name,
      contentType: a.content_type,
      size: a.size,
      main: a.is_main === 1,
      url: `/api/incoming/${doc.id}/attachments/${a.file_id}`,
      textStatus: (a.text_status as 'queued' | 'running' | 'done' | 'failed' | 'unavailable' | null) ?? null,
      searchableUrl: a.searchable_file_id === null ? null : `/api/incoming/${doc.id}/attachments/${a.searchable_file_id}`,
    })),
    trail: trail.map((t) => ({
      id: t.id,
      action: t.action as IncomingDetail['trail'][number]['action'],
      actorId: t.actor_id,
      actorName: t.actor_name,
      at: t.at,
      fromStatus: t.from_status,
      toStatus: t.to_status,
      note: t.note,
      details: JSON.parse(t.details) as Record<string, unknown>,
    })),
    stamp: {
      agencyName,
      arrivalNumber: doc.arrival_number,
      arrivalDate: doc.arrival_date,
      arrivalTime: hhmm(doc.arrived_at),
      forwardedTo,
      fileCode: '',
    },
    version: doc.version,
    createdAt: doc.created_at,
    abilities,
  };
}
