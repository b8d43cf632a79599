import type { IncomingInput } from '@vanphong/contracts';
import { inTransaction } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { fileStoreOf, type StagedFile } from '../../platform/files/files.store.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { parseDocumentPackage, printedNotation, urgencyOfPriority, type EdxmlDocument } from '../edxml/edxml.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { registerIncoming } from './incoming.registration.ts';
import type { By, Ctx } from './incoming.usecases.ts';

/** The registration fields read from an edXML package (what the clerk confirms, or what is registered at once). */
export interface PackageFields {
  issuerName: string;
  issuerId: number | null;
  notation: string;
  documentDate: string;
  documentTypeName: string;
  documentTypeId: number | null;
  summary: string;
  signer: string;
  copies: number;
  pageCount: number;
  urgency: IncomingInput['urgency'];
  toPlaces: string[];
  documentId: string;
  attachments: { name: string; contentType: string; size: number }[];
}

/**
 * edXML import (issue 4 §7): a package received from another system is validated (errors name the
 * element) and read into registration fields; with `register` it is registered at once, its files
 * attached (channel edxml).
 */
export async function importPackage(
  ctx: Ctx & { config: import('../../config.ts').Config },
  by: By,
  bytes: Buffer,
  { register }: { register: boolean },
): Promise<{ fields: PackageFields; incomingId: number | null; arrivalNumber: number | null }> {
  if (!by.actor.permissions.has('incoming.register')) {
    throw E.forbidden('Only the clerk (văn thư) registers incoming packages');
  }
  const parsed = parseDocumentPackage(bytes);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw badRequest('incoming.edxml_invalid', `Gói edXML không hợp lệ: ${first ? first.message : ''}`, parsed.errors.map((e) => ({ path: e.element, message: e.message })));
  }
  const fields = await fieldsOf(ctx, parsed.doc, parsed.attachments);
  if (!register) {
    return { fields, incomingId: null, arrivalNumber: null };
  }
  const store = fileStoreOf(ctx);
  const { deploymentProfile } = await getSettings(ctx.db);
  const staged: StagedFile[] = [];
  for (const a of parsed.attachments) {
    staged.push(await store.stage({ bytes: a.bytes, name: a.name, encrypt: encryptsUploads(deploymentProfile) }));
  }
  const files = await inTransaction(ctx, async (trx) => {
    const out = [];
    for (const s of staged) {
      out.push(await store.register({ staged: s, createdBy: by.actor.userId, trx, audit: by.audit }));
    }
    return out;
  });
  const r = await registerIncoming(ctx, by, {
    registerKind: 'ordinary',
    channel: 'edxml',
    issuerId: fields.issuerId,
    issuerName: fields.issuerName,
    notation: fields.notation,
    documentDate: fields.documentDate,
    documentTypeId: fields.documentTypeId,
    summary: fields.summary,
    signer: fields.signer,
    pageCount: fields.pageCount || null,
    copies: Math.max(1, fields.copies),
    urgency: fields.urgency,
    deliverBy: null,
    secrecy: 'none',
    deadline: null,
    paperLocation: '',
    note: `Nhận gói edXML ${fields.documentId}`,
    attachments: files.map((f, i) => ({ fileId: f.id, main: i === 0 })),
    presentTo: null,
  });
  const row = await ctx.db.selectFrom('incoming_documents').select('arrival_number').where('id', '=', r.id).executeTakeFirstOrThrow();
  return { fields, incomingId: r.id, arrivalNumber: row.arrival_number };
}

async function fieldsOf(ctx: Ctx, doc: EdxmlDocument, attachments: { name: string; contentType: string; bytes: Buffer }[]): Promise<PackageFields> {
  const h = doc.messageHeader;
  const issuer = await ctx.db.selectFrom('organizations').select('id').where('name_folded', '=', foldVietnamese(h.from.organName)).executeTakeFirst();
  const type = await ctx.db
    .selectFrom('document_types')
    .select(['id', 'family'])
    .where('name', '=', h.documentType.typeName)
    .execute();
  return {
    issuerName: h.from.organName,
    issuerId: issuer?.id ?? null,
    notation: printedNotation(h.code),
    documentDate: h.promulgationInfo.promulgationDate,
    documentTypeName: h.documentType.typeName,
    documentTypeId: (type.find((t) => t.family === 'party') ?? type[0])?.id ?? null,
    summary: h.subject,
    signer: h.signerInfo.fullName,
    copies: h.otherInfo.promulgationAmount,
    pageCount: h.otherInfo.pageAmount,
    urgency: urgencyOfPriority(h.otherInfo.priority),
    toPlaces: h.toPlaces,
    documentId: h.documentId,
    attachments: attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: a.bytes.length })),
  };
}
