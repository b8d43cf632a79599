import type { CreateDraftInput, Delivery, RecipientInput, Secrecy, UpdateDraftInput } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { inTransaction, type Trx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { indexRecords } from '../search/search.index.ts';
import type { AnyDb } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { isEditable, issuerKeyOf, layoutOf, neverPackaged } from './outgoing.models.ts';
import * as repo from './outgoing.repository.ts';
import { audited, loadVisible, type By, type Ctx } from './outgoing.usecases.ts';

type Db = Kysely<Database>;

/** Secret content is stored only on the isolated-LAN profile (spec §3); elsewhere a secret document is a stub. */
export const isStubOn = (profile: string, secrecy: Secrecy): boolean => secrecy !== 'none' && profile !== 'isolated-lan';

interface ResolvedRecipient {
  committee_id: number | null;
  agency_id: number | null;
  organization_id: number | null;
  name: string;
  delivery: Delivery;
  incoming_document_id: null;
  status_code: null;
  status_at: null;
}

/**
 * Recipients from the directory (issue 4 §6): a committee or agency of this installation (delivered by
 * liên thông), or an organization of the issuer directory (edXML package or paper). Secret documents
 * are never sent electronically on a networked profile, and Tối mật / Tuyệt mật never as packages.
 */
export async function resolveRecipients(
  db: AnyDb,
  v: { recipients: RecipientInput[]; secrecy: Secrecy; profile: string; issuer: { committeeId: number; agencyId: number | null } },
): Promise<ResolvedRecipient[]> {
  const stub = isStubOn(v.profile, v.secrecy);
  const seen = new Set<string>();
  const out: ResolvedRecipient[] = [];
  for (const [i, r] of v.recipients.entries()) {
    const path = `recipients.${i}`;
    let name: string;
    let internal: boolean;
    let committeeId = r.committeeId;
    if (r.agencyId !== null) {
      const a = await (db as Db).selectFrom('agencies').select(['id', 'name', 'committee_id', 'active']).where('id', '=', r.agencyId).executeTakeFirst();
      if (!a || !a.active || (committeeId !== null && a.committee_id !== committeeId)) {
        throw E.field('unknown_recipient', path, 'This recipient is not in the directory');
      }
      committeeId = a.committee_id;
      name = a.name;
      internal = true;
    } else if (committeeId !== null) {
      const c = await (db as Db).selectFrom('committees').select(['id', 'name', 'active']).where('id', '=', committeeId).executeTakeFirst();
      if (!c || !c.active) {
        throw E.field('unknown_recipient', path, 'This recipient is not in the directory');
      }
      name = c.name;
      internal = true;
    } else {
      const o = await (db as Db).selectFrom('organizations').select(['id', 'name', 'active']).where('id', '=', r.organizationId as number).executeTakeFirst();
      if (!o || !o.active) {
        throw E.field('unknown_recipient', path, 'This recipient is not in the directory');
      }
      name = o.name;
      internal = false;
    }
    const key = internal ? issuerKeyOf(committeeId as number, r.agencyId) : `o${r.organizationId}`;
    if (key === issuerKeyOf(v.issuer.committeeId, v.issuer.agencyId)) {
      throw E.field('recipient_is_issuer', path, 'A document is not sent to its own issuing body');
    }
    if (seen.has(key)) {
      throw E.field('duplicate_recipient', path, 'This recipient is listed twice');
    }
    seen.add(key);
    const delivery: Delivery = r.delivery ?? (stub ? 'paper' : internal ? 'internal' : 'paper');
    if (delivery === 'internal' && !internal) {
      throw E.field('not_on_installation', `${path}.delivery`, 'Only bodies of this installation receive documents by liên thông');
    }
    if (delivery !== 'paper' && stub) {
      throw E.field(
        'secret_electronic',
        `${path}.delivery`,
        'A secret document is never sent electronically on this network: it goes on paper (Luật Bảo vệ bí mật nhà nước)',
      );
    }
    if (delivery === 'edxml' && neverPackaged(v.secrecy)) {
      throw E.field('secret_package', `${path}.delivery`, 'Tối mật and Tuyệt mật documents never leave as edXML packages');
    }
    out.push({ committee_id: committeeId, agency_id: r.agencyId, organization_id: r.organizationId, name, delivery, incoming_document_id: null, status_code: null, status_at: null });
  }
  return out;
}

function checkStub(input: { secrecy: Secrecy; content: { body: string }; paperLocation: string }, profile: string) {
  if (!isStubOn(profile, input.secrecy)) {
    return;
  }
  if (input.content.body.trim() !== '') {
    throw E.field('secret_content_refused', 'content.body', 'On a networked deployment a secret document is recorded as a stub: its text stays on paper');
  }
  if (input.paperLocation.trim() === '') {
    throw E.field('paper_location_required', 'paperLocation', 'Record where the paper original of a secret document is kept');
  }
}

async function checkIssuer(db: Db, actor: Actor, committeeId: number, agencyId: number | null) {
  const issuer = await repo.issuerOf(db, committeeId, agencyId);
  const scope = await scopeCommitteeIds(db, actor);
  if (!issuer || !issuer.committee.active || (issuer.agency && !issuer.agency.active) || (scope !== null && !scope.includes(committeeId))) {
    throw E.field('unknown_issuer', agencyId === null ? 'issuerCommitteeId' : 'issuerAgencyId', 'No such issuing body in your scope');
  }
  return issuer;
}

async function checkType(db: Db, typeId: number, layout: string) {
  const type = await repo.documentType(db, typeId);
  if (!type || !type.active || type.family !== layout) {
    throw E.field('unknown_type', 'documentTypeId', `No such ${layout === 'party' ? 'Party' : 'State'} document type`);
  }
  return type;
}

/**
 * Creates a draft from a type template (issue 4 §1): the drafter proposes secrecy, urgency, recipients, copies.
 * `within` runs in the same transaction once the draft exists (another module's own records of it, e.g. the
 * urging letter's task history): all or nothing.
 */
export async function createDraft(ctx: Ctx, by: By, input: CreateDraftInput, within?: (trx: Trx, id: number) => Promise<void>): Promise<{ id: number }> {
  const { actor } = by;
  if (!actor.permissions.has('outgoing.draft')) {
    throw E.forbidden('You may not draft outgoing documents');
  }
  if (clearanceRank(input.secrecy) > clearanceRank(actor.clearance)) {
    throw E.field('secrecy_above_clearance', 'secrecy', 'You may not draft a document above your clearance');
  }
  const settings = await getSettings(ctx.db);
  const issuer = await checkIssuer(ctx.db, actor, input.issuerCommitteeId, input.issuerAgencyId);
  const layout = layoutOf(issuer.committee.numbering_rule);
  await checkType(ctx.db, input.documentTypeId, layout);
  if (input.draftingAgencyId !== null) {
    const a = await ctx.db.selectFrom('agencies').select(['id']).where('id', '=', input.draftingAgencyId).executeTakeFirst();
    if (!a) {
      throw E.field('unknown_agency', 'draftingAgencyId', 'No such agency');
    }
  }
  checkStub(input, settings.deploymentProfile);
  const recipients = await resolveRecipients(ctx.db, {
    recipients: input.recipients,
    secrecy: input.secrecy,
    profile: settings.deploymentProfile,
    issuer: { committeeId: input.issuerCommitteeId, agencyId: input.issuerAgencyId },
  });
  const stub = isStubOn(settings.deploymentProfile, input.secrecy);
  const issuerKey = issuerKeyOf(input.issuerCommitteeId, input.issuerAgencyId);
  const circuit = await repo.findCircuit(ctx.db, issuerKey, input.documentTypeId);
  const now = ctx.clock.now().toISOString();
  const content = JSON.stringify(input.content);
  return inTransaction(ctx, async (trx) => {
    const id = await repo.insertDocument(trx, {
      committee_id: input.issuerCommitteeId,
      agency_id: input.issuerAgencyId,
      issuer_key: issuerKey,
      layout,
      document_type_id: input.documentTypeId,
      congress: input.congress ? 1 : 0,
      drafting_agency_id: input.draftingAgencyId ?? actor.scopeAgencyId,
      drafter_id: actor.userId,
      summary: input.content.summary,
      summary_folded: foldVietnamese(input.content.summary),
      content,
      secrecy: input.secrecy,
      secrecy_rank: clearanceRank(input.secrecy),
      urgency: input.urgency,
      copies: input.copies,
      stub: stub ? 1 : 0,
      paper_location: input.paperLocation,
      status: 'draft',
      circuit_id: circuit?.id ?? null,
      authority_form: circuit?.authority_form ?? null,
      authority_line: circuit?.authority_line ?? '',
      signer_title: circuit?.signer_title ?? '',
      signer_id: null,
      signer_name: null,
      signed_at: null,
      series_id: null,
      number: null,
      notation: null,
      notation_folded: null,
      issued_on: null,
      issued_at: null,
      issued_by: null,
      current_version_id: null,
      docx_file_id: null,
      pdf_file_id: null,
      recall_reason: '',
      created_at: now,
      updated_at: now,
      version: 1,
    });
    const versionId = await repo.insertVersion(trx, { documentId: id, kind: 'template', content, fileId: null, note: 'Bản thảo đầu tiên', createdBy: actor.userId, now });
    await (trx as Db).updateTable('outgoing_documents').set({ current_version_id: versionId }).where('id', '=', id).execute();
    await repo.replaceRecipients(trx, id, recipients);
    await indexRecords(trx, ctx.dialect, 'outgoing', [id], ctx.clock.now());
    await recordAudit(audited(ctx, trx, by), {
      action: 'outgoing.drafted',
      entityType: 'outgoing',
      entityId: id,
      details: { issuerKey, documentTypeId: input.documentTypeId, secrecy: input.secrecy, stub, recipients: recipients.length },
    });
    if (within) {
      await within(trx, id);
    }
    return { id };
  });
}

/** Edits a draft (drafter only, while draft or returned); a content change is a new version, every version kept. */
export async function updateDraft(ctx: Ctx, by: By, id: number, input: UpdateDraftInput): Promise<void> {
  const { actor } = by;
  const settings = await getSettings(ctx.db);
  const { doc } = await loadVisible(ctx, actor, id);
  if (doc.drafter_id !== actor.userId || !actor.permissions.has('outgoing.draft')) {
    throw E.forbidden('Only the drafter edits a draft');
  }
  if (!isEditable(doc.status)) {
    throw E.invalidTransition('edit', doc.status, 'The draft is in the review circuit: it can be edited once returned');
  }
  if (doc.version !== input.version) {
    throw E.versionConflict();
  }
  const secrecy = input.secrecy ?? (doc.secrecy as Secrecy);
  if (clearanceRank(secrecy) > clearanceRank(actor.clearance)) {
    throw E.field('secrecy_above_clearance', 'secrecy', 'You may not draft a document above your clearance');
  }
  const content = input.content ?? (JSON.parse(doc.content) as CreateDraftInput['content']);
  const paperLocation = input.paperLocation ?? doc.paper_location;
  checkStub({ secrecy, content, paperLocation }, settings.deploymentProfile);
  if (isStubOn(settings.deploymentProfile, secrecy) && doc.stub === 0) {
    // Its earlier versions hold text or files that may not stay on this network once it is secret.
    throw E.field(
      'reclassify_refused',
      'secrecy',
      'This draft already holds text or files on this networked system: record the secret document as a new stub, and cancel this draft',
    );
  }
  if (input.documentTypeId !== undefined) {
    await checkType(ctx.db, input.documentTypeId, doc.layout);
  }
  const issuer = { committeeId: doc.committee_id, agencyId: doc.agency_id };
  const current = await repo.listRecipients(ctx.db, id);
  const recipients = await resolveRecipients(ctx.db, {
    recipients:
      input.recipients ??
      current.map((r) => ({ committeeId: r.committee_id, agencyId: r.agency_id, organizationId: r.organization_id, delivery: r.delivery as Delivery })),
    secrecy,
    profile: settings.deploymentProfile,
    issuer,
  });
  const typeId = input.documentTypeId ?? doc.document_type_id;
  const circuit = await repo.findCircuit(ctx.db, doc.issuer_key, typeId);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    let versionId = doc.current_version_id;
    if (input.content) {
      versionId = await repo.insertVersion(trx, { documentId: id, kind: 'template', content: JSON.stringify(content), fileId: null, note: input.note, createdBy: actor.userId, now });
    }
    const ok = await repo.updateDocument(trx, id, doc.version, {
      document_type_id: typeId,
      drafting_agency_id: input.draftingAgencyId === undefined ? doc.drafting_agency_id : input.draftingAgencyId,
      secrecy,
      secrecy_rank: clearanceRank(secrecy),
      urgency: input.urgency ?? doc.urgency,
      copies: input.copies ?? doc.copies,
      congress: input.congress === undefined ? doc.congress : input.congress ? 1 : 0,
      summary: content.summary,
      summary_folded: foldVietnamese(content.summary),
      content: JSON.stringify(content),
      stub: isStubOn(settings.deploymentProfile, secrecy) ? 1 : 0,
      paper_location: paperLocation,
      circuit_id: circuit?.id ?? null,
      authority_form: circuit?.authority_form ?? null,
      authority_line: circuit?.authority_line ?? '',
      signer_title: circuit?.signer_title ?? '',
      current_version_id: versionId,
      updated_at: now,
    });
    if (!ok) {
      throw E.versionConflict();
    }
    await repo.replaceRecipients(trx, id, recipients);
    await indexRecords(trx, ctx.dialect, 'outgoing', [id], ctx.clock.now());
    await recordAudit(audited(ctx, trx, by), {
      action: 'outgoing.updated',
      entityType: 'outgoing',
      entityId: id,
      details: { newVersion: input.content !== undefined, fields: Object.keys(input).filter((k) => k !== 'version' && k !== 'note') },
    });
  });
}

/** A comment on a version (drafter, reviewers, signer — whoever sees the draft). */
export async function addComment(ctx: Ctx, by: By, id: number, input: { body: string; versionId?: number }): Promise<void> {
  const { doc } = await loadVisible(ctx, by.actor, id);
  const versionId = input.versionId ?? doc.current_version_id;
  if (input.versionId !== undefined) {
    const v = await repo.findVersion(ctx.db, input.versionId);
    if (!v || v.document_id !== id) {
      throw E.field('unknown_version', 'versionId', 'No such version of this document');
    }
  }
  await inTransaction(ctx, async (trx: Trx) => {
    await repo.insertComment(trx, { documentId: id, versionId, authorId: by.actor.userId, body: input.body, now: ctx.clock.now().toISOString() });
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.commented', entityType: 'outgoing', entityId: id, details: { versionId } });
  });
}
