import { indexRecords } from '../search/search.index.ts';
import type { IssueResult, ReceiptCode, Secrecy, Urgency } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';
import { fileStoreOf, type StagedFile } from '../../platform/files/files.store.ts';
import { notationKey } from '../../platform/text/tokens.ts';
import { loadWorkingCalendar } from '../calendar/calendar.usecases.ts';
import { addCalendarDays, addWorkingDays, toVietnamDate } from '../calendar/calendar.workdays.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { receiveFromOutgoing } from '../incoming/incoming.liaison.ts';
import { notifyUsers } from '../notifications/notifications.usecases.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { isStubOn } from './outgoing.drafts.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { neverPackaged } from './outgoing.models.ts';
import { ensureSeries, findNumber, insertNumber, takeNumber, takeReservation } from './outgoing.numbering.ts';
import { productionFor, type Production } from './outgoing.production.ts';
import { recordReceipt } from './outgoing.receipts.ts';
import { stampNumber } from './outgoing.stamp.ts';
import * as repo from './outgoing.repository.ts';
import { audited, layoutOfDocument, loadVisible, type By, type Ctx } from './outgoing.usecases.ts';

type Db = Kysely<Database>;

const PDF = 'application/pdf';

/**
 * Issue (phát hành, issue 4 §3, §5, §6), in three steps so that a slow PDF never holds the database:
 *
 * 1. one transaction takes the number of the document's series (or a reserved one), dates it today
 *    and marks it `issuing` — the number is now visible in the gap report as consumed;
 * 2. outside any transaction: the Party-format DOCX with its number and date, LibreOffice's PDF of it
 *    (or the uploaded PDF), sealed with the issuing body's certificate (PAdES);
 * 3. one transaction stores the files, marks the document and its number issued, and delivers it by
 *    liên thông into the incoming register of every recipient body on this installation, with the
 *    receipts "received" and "registered".
 *
 * If step 2 or 3 fails the document stays `issuing` with its number (never renumbered); issuing it
 * again resumes at step 2. Checks that can refuse are all made before step 1: a refused issue changes nothing.
 */
export async function issueDocument(
  ctx: Ctx,
  by: By,
  id: number,
  input: { version: number; reservedNumberId?: number },
  tools: Production = productionFor(ctx),
): Promise<IssueResult> {
  const { actor } = by;
  if (!actor.permissions.has('outgoing.issue')) {
    throw E.forbidden('Only the clerk (văn thư) issues documents');
  }
  const { doc, viewer } = await loadVisible(ctx, actor, id);
  if (viewer.committeeIds !== null && !viewer.committeeIds.includes(doc.committee_id)) {
    throw E.forbidden('This document belongs to another committee');
  }
  if (doc.status === 'issued') {
    throw E.invalidTransition('issue', doc.status, 'This document is already issued');
  }
  if (doc.status !== 'signed' && doc.status !== 'issuing') {
    throw E.invalidTransition('issue', doc.status, 'Only a signed document is issued');
  }
  if (doc.version !== input.version) {
    throw E.versionConflict();
  }
  const settings = await getSettings(ctx.db);
  const secrecy = doc.secrecy as Secrecy;
  const stub = isStubOn(settings.deploymentProfile, secrecy);
  const recipients = await repo.listRecipients(ctx.db, id);
  if (recipients.length === 0) {
    throw E.field('no_recipients', 'recipients', 'A document is issued to at least one recipient');
  }
  for (const [i, r] of recipients.entries()) {
    if (stub && r.delivery !== 'paper') {
      throw E.field('secret_electronic', `recipients.${i}.delivery`, 'A secret document is never sent electronically on this network');
    }
    if (r.delivery === 'edxml' && neverPackaged(secrecy)) {
      throw E.field('secret_package', `recipients.${i}.delivery`, 'Tối mật and Tuyệt mật documents never leave as edXML packages');
    }
  }
  const version = doc.current_version_id === null ? null : await repo.findVersion(ctx.db, doc.current_version_id);
  const store = fileStoreOf(ctx);
  const uploaded = version?.kind === 'upload' && version.file_id !== null ? await store.find(version.file_id) : null;
  if (!stub && uploaded?.contentType !== PDF && !tools.canMakePdf()) {
    throw E.officeUnavailable();
  }
  if (input.reservedNumberId !== undefined && doc.status === 'signed') {
    const n = await findNumber(ctx.db, input.reservedNumberId);
    if (!n || n.state !== 'reserved' || n.document_type_id !== doc.document_type_id) {
      throw E.field('unknown_reservation', 'reservedNumberId', 'No such reserved number for this type of document');
    }
  }

  // 1. The number.
  let current = doc;
  if (doc.status === 'signed') {
    const now = ctx.clock.now();
    const today = toVietnamDate(now);
    current = await inTransaction(ctx, async (trx) => {
      const series = await ensureSeries(trx, {
        committeeId: doc.committee_id,
        agencyId: doc.agency_id,
        documentTypeId: doc.document_type_id,
        congress: doc.congress === 1,
        secrecy,
        date: today,
        now: now.toISOString(),
      });
      let number: number;
      if (input.reservedNumberId !== undefined) {
        const n = await findNumber(trx, input.reservedNumberId);
        if (!n || n.state !== 'reserved' || n.series_id !== series.id) {
          throw E.field('unknown_reservation', 'reservedNumberId', 'This reserved number belongs to another series');
        }
        number = n.number;
        if (!(await takeReservation(trx, n.id, { state: 'consumed', document_id: id, updated_at: now.toISOString() }))) {
          throw E.invalidTransition('issue', doc.status, 'This reserved number was just used or voided by someone else');
        }
      } else {
        number = await takeNumber(trx, series.id);
        await insertNumber(trx, {
          seriesId: series.id,
          number,
          state: 'consumed',
          notation: series.notationFor(number),
          documentId: id,
          documentTypeId: doc.document_type_id,
          reason: '',
          by: actor.userId,
          now: now.toISOString(),
        });
      }
      const notation = series.notationFor(number);
      const values = { status: 'issuing', series_id: series.id, number, notation, notation_folded: notationKey(notation), issued_on: today, updated_at: now.toISOString() };
      if (!(await repo.updateDocument(trx, id, doc.version, values))) {
        throw E.versionConflict();
      }
      await indexRecords(trx, ctx.dialect, 'outgoing', [id], now);
      await recordAudit(audited(ctx, trx, by), {
        action: 'outgoing.number_taken',
        entityType: 'outgoing',
        entityId: id,
        details: { seriesId: series.id, number, notation, reserved: input.reservedNumberId !== undefined },
      });
      return { ...doc, ...values, version: doc.version + 1 };
    });
  }

  const issuer = await repo.issuerOf(ctx.db, doc.committee_id, doc.agency_id);

  // 2. The files, outside any transaction.
  const at = ctx.clock.now();
  const encrypt = encryptsUploads(settings.deploymentProfile);
  let docxStaged: StagedFile | null = null;
  let pdfStaged: StagedFile | null = null;
  if (!stub) {
    let pdf: Buffer;
    const stamp = { notation: current.notation as string, place: issuer?.committee.place_name ?? '', date: current.issued_on as string };
    if (uploaded?.contentType === PDF) {
      pdf = await stampNumber((await store.read(uploaded.id)).bytes, stamp);
    } else if (uploaded) {
      pdf = await stampNumber(await tools.docxToPdf((await store.read(uploaded.id)).bytes), stamp);
    } else {
      const docx = await tools.renderDocx(await layoutOfDocument(ctx.db, current, Number((current.issued_on as string).slice(0, 4))));
      docxStaged = await store.stage({ bytes: docx, name: `${fileBase(current.notation as string)}.docx`, encrypt });
      pdf = await tools.docxToPdf(docx);
    }
    const sealed = await tools.sealPdf({
      committeeId: doc.committee_id,
      agencyId: doc.agency_id,
      pdf,
      signerName: current.signer_name ?? '',
      bodyName: issuer?.name ?? '',
      at,
    });
    pdfStaged = await store.stage({ bytes: sealed, name: `${fileBase(current.notation as string)}.pdf`, encrypt });
  }

  // Read before the transaction: inside it every read must use the transaction (SQLite has one connection).
  const warnings = await lateness(ctx, current.signed_at, current.issued_on as string);

  // 3. Record, deliver, receipts.
  return inTransaction(ctx, async (trx) => {
    const now = at.toISOString();
    const fresh = await repo.findDocument(trx, id);
    if (!fresh || fresh.status !== 'issuing' || fresh.version !== current.version) {
      throw E.versionConflict();
    }
    const docxFile = docxStaged ? await store.register({ staged: docxStaged, createdBy: actor.userId, trx, audit: by.audit }) : null;
    const pdfFile = pdfStaged ? await store.register({ staged: pdfStaged, createdBy: actor.userId, trx, audit: by.audit }) : null;
    const deliveries: IssueResult['deliveries'] = [];
    for (const r of recipients) {
      let incomingId: number | null = null;
      if (r.delivery === 'internal' && r.committee_id !== null) {
        const copy = pdfStaged ? await store.register({ staged: pdfStaged, createdBy: actor.userId, trx, audit: by.audit }) : null;
        const arrival = await receiveFromOutgoing(trx, ctx, {
          recipientId: r.id,
          committeeId: r.committee_id,
          agencyId: r.agency_id,
          senderName: issuer?.name ?? '',
          notation: fresh.notation as string,
          documentDate: fresh.issued_on as string,
          documentTypeId: fresh.document_type_id,
          summary: fresh.summary,
          signer: fresh.signer_name ?? '',
          copies: 1,
          urgency: fresh.urgency as Urgency,
          secrecy,
          fileId: copy?.id ?? null,
          at,
          arrivalDate: toVietnamDate(at),
        });
        incomingId = arrival.id;
        await (trx as unknown as Db).updateTable('outgoing_recipients').set({ incoming_document_id: incomingId }).where('id', '=', r.id).execute();
        for (const code of ['01', '03'] as ReceiptCode[]) {
          await recordReceipt(trx, { recipientId: r.id, code, at: now, actorName: 'Liên thông', note: code === '03' ? `Số đến ${arrival.arrivalNumber}` : '' });
        }
      }
      deliveries.push({ recipientId: r.id, name: r.name, delivery: r.delivery as IssueResult['deliveries'][number]['delivery'], incomingDocumentId: incomingId });
    }
    await (trx as unknown as Db)
      .updateTable('outgoing_numbers')
      .set({ state: 'issued', updated_at: now })
      .where('series_id', '=', fresh.series_id as number)
      .where('number', '=', fresh.number as number)
      .execute();
    const ok = await repo.updateDocument(trx, id, fresh.version, {
      status: 'issued',
      issued_at: now,
      issued_by: actor.userId,
      docx_file_id: docxFile?.id ?? null,
      pdf_file_id: pdfFile?.id ?? null,
      updated_at: now,
    });
    if (!ok) {
      throw E.versionConflict();
    }
    await notifyUsers(
      trx,
      ctx.clock,
      [fresh.drafter_id, fresh.signer_id]
        .filter((u): u is number => u !== null && u !== actor.userId)
        .map((userId) => ({ userId, kind: 'outgoing.issued', entityType: 'outgoing', entityId: id, title: `Đã phát hành ${fresh.notation}: ${fresh.summary}`, url: `/outgoing/${id}` })),
    );
    await recordAudit(audited(ctx, trx, by), {
      action: 'outgoing.issued',
      entityType: 'outgoing',
      entityId: id,
      details: {
        number: fresh.number,
        notation: fresh.notation,
        issuedOn: fresh.issued_on,
        signedOn: fresh.signed_at ? toVietnamDate(new Date(fresh.signed_at)) : null,
        pdfFileId: pdfFile?.id ?? null,
        stub,
        deliveries: deliveries.map((d) => ({ recipientId: d.recipientId, delivery: d.delivery, incomingDocumentId: d.incomingDocumentId })),
      },
    });
    return {
      warnings,
      id,
      number: fresh.number as number,
      notation: fresh.notation as string,
      issuedOn: fresh.issued_on as string,
      status: 'issued',
      pdfFileId: pdfFile?.id ?? null,
      deliveries,
    };
  });
}

/**
 * Spec §4: a document is issued the day it is signed or the next working day. Later is allowed (the
 * clerk may have been away) but said, and the audit trail keeps both dates.
 */
async function lateness(ctx: Ctx, signedAt: string | null, issuedOn: string): Promise<IssueResult['warnings']> {
  if (!signedAt) {
    return [];
  }
  const signedOn = toVietnamDate(new Date(signedAt));
  if (issuedOn <= signedOn) {
    return [];
  }
  const calendar = await loadWorkingCalendar(ctx.db, { from: signedOn, to: addCalendarDays(signedOn, 31) });
  const limit = addWorkingDays(signedOn, 1, calendar);
  return issuedOn > limit
    ? [{ code: 'outgoing.issued_late', message: `Ký ngày ${signedOn.split('-').reverse().join('/')}, phát hành ngày ${issuedOn.split('-').reverse().join('/')}: quá ngày làm việc tiếp theo sau ngày ký` }]
    : [];
}

/** A file name from a notation: "01-CV/TU" → "01-CV-TU". */
const fileBase = (notation: string) => notation.replace(/[/\\]+/g, '-').replace(/[^\p{L}\p{N}._-]+/gu, '_');
