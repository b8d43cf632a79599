/** The checks of a registration (vào sổ) before anything is written: register, dates, issuer, secrecy by profile, attachments, the leader. */
import { parseNotation, type IncomingInput, type Secrecy } from '@vanphong/contracts';
import { notationKey } from '../../platform/text/tokens.ts';
import { clearanceRank, hasClearance } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { defaultDeadline } from './incoming.deadlines.ts';
import {
  ATTACHMENT_TYPES,
  isNetworked,
  isSecret,
  registerKindFor,
  } from './incoming.models.ts';
import * as repo from './incoming.repository.ts';
import type { IncomingViewer } from './incoming.visibility.ts';
import {
  leadersOf,
  MAX_BACKDATE_DAYS,
  type By,
  type Ctx,
  type Warning,
} from './incoming.usecases.ts';

export interface Checked {
  committeeId: number;
  register: repo.RegisterRow | null;
  registerKind: 'ordinary' | 'secret' | 'complaint';
  arrivedAt: string;
  arrivalDate: string;
  issuerId: number | null;
  issuerName: string;
  stub: boolean;
  deadline: string | null;
  attachments: { fileId: number; main: boolean }[];
  presentTo: { id: number; display_name: string } | null;
  warnings: Warning[];
}

export async function checkRegistration(
  ctx: Ctx,
  by: By,
  viewer: IncomingViewer,
  input: IncomingInput,
  /** `historic`: an entry of an old register brought in by the bulk import (no backdating limit). */
  { historic = false }: { historic?: boolean } = {},
): Promise<Checked> {
  const { actor } = by;
  const settings = await getSettings(ctx.db);
  const now = ctx.clock.now();
  const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : now;
  if (arrivedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw E.field('arrival_in_future', 'arrivedAt', 'The arrival time is in the future');
  }
  if (!historic && arrivedAt.getTime() < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000) {
    throw E.field(
      'arrival_too_old',
      'arrivedAt',
      `Documents are registered when they arrive; an arrival more than ${MAX_BACKDATE_DAYS} days ago goes through the import`,
    );
  }
  if (input.deliverBy !== null && Date.parse(input.deliverBy) < arrivedAt.getTime()) {
    throw E.field('deliver_by_before_arrival', 'deliverBy', 'The delivery time is before the arrival');
  }
  const arrivalDate = toVietnamDate(arrivedAt);
  if (input.documentDate > arrivalDate) {
    throw E.field('document_after_arrival', 'documentDate', 'The document is dated after it arrived');
  }
  if (input.deadline !== null && input.deadline < arrivalDate) {
    throw E.field('deadline_before_arrival', 'deadline', 'The handling deadline is before the arrival date');
  }
  if (!hasClearance(actor, input.secrecy)) {
    throw E.field(
      'secrecy_above_clearance',
      'secrecy',
      'You may not register a document above your clearance',
    );
  }
  if (input.urgency === 'flash_timed' && input.deliverBy === null) {
    throw E.field(
      'deliver_by_required',
      'deliverBy',
      'Hỏa tốc hẹn giờ needs the time it must be delivered by',
    );
  }

  // Secrecy by deployment profile (spec §3).
  const secret = isSecret(input.secrecy);
  const stub = secret && isNetworked(settings.deploymentProfile);
  if (stub) {
    if (input.attachments.length > 0) {
      throw E.field(
        'secret_content_refused',
        'attachments',
        'On a networked deployment a secret document is registered as a record only: its content stays on paper',
      );
    }
    if (input.paperLocation === '') {
      throw E.field(
        'paper_location_required',
        'paperLocation',
        'Record where the paper original of a secret document is kept',
      );
    }
    if (input.secrecy === 'top_secret' && input.summary !== '') {
      throw E.field(
        'summary_withheld',
        'summary',
        'The summary of a Tuyệt mật document is not recorded on this system',
      );
    }
  } else if (!secret && input.summary === '') {
    throw E.field('summary_required', 'summary', 'The summary (trích yếu) is required');
  }

  // Register: the one named, or the committee's register of the right kind for the arrival year.
  const registerKind = registerKindFor(input.secrecy, input.registerKind);
  let register: repo.RegisterRow | null = null;
  let committeeId: number;
  if (input.registerId !== undefined) {
    register = await repo.findRegister(ctx.db, input.registerId);
    if (!register || (viewer.committeeIds !== null && !viewer.committeeIds.includes(register.committee_id))) {
      throw E.field('unknown_register', 'registerId', 'No such register');
    }
    if (register.kind !== registerKind) {
      throw E.field(
        'register_kind_mismatch',
        'registerId',
        `This document belongs in a ${registerKind} register`,
      );
    }
    if (register.year !== Number(arrivalDate.slice(0, 4))) {
      throw E.field(
        'register_year_mismatch',
        'registerId',
        'The register is of another year than the arrival date',
      );
    }
    committeeId = register.committee_id;
  } else {
    if (actor.scopeCommitteeId === null) {
      throw E.field('register_required', 'registerId', 'Choose the register');
    }
    committeeId = actor.scopeCommitteeId;
  }

  // Issuer: from the directory, or free text.
  let issuerId: number | null = null;
  let issuerName = input.issuerName;
  if (input.issuerId !== null) {
    const org = await ctx.db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('id', '=', input.issuerId)
      .executeTakeFirst();
    if (!org) {
      throw E.field('unknown_issuer', 'issuerId', 'No such organisation in the directory');
    }
    issuerId = org.id;
    issuerName = org.name;
  } else if (issuerName === '') {
    throw E.field('issuer_required', 'issuerName', 'Name the issuing body');
  }

  if (input.documentTypeId !== null) {
    const t = await ctx.db
      .selectFrom('document_types')
      .select('id')
      .where('id', '=', input.documentTypeId)
      .executeTakeFirst();
    if (!t) {
      throw E.field('unknown_document_type', 'documentTypeId', 'No such document type');
    }
  }

  // Attachments: uploaded by this clerk, of an accepted kind, one main.
  const ids = input.attachments.map((a) => a.fileId);
  if (new Set(ids).size !== ids.length) {
    throw E.field('duplicate_attachment', 'attachments', 'The same file is attached twice');
  }
  if (input.attachments.filter((a) => a.main).length > 1) {
    throw E.field('one_main_attachment', 'attachments', 'Only one attachment can be the main one');
  }
  if (ids.length > 0) {
    const files = await ctx.db
      .selectFrom('files')
      .select(['id', 'created_by', 'content_type', 'encryption'])
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(files.map((f) => [f.id, f]));
    // A file belongs to one document: re-attaching would serve (secret) content under another
    // document's rules and outside its audit.
    const taken = new Set(
      (
        await ctx.db
          .selectFrom('incoming_attachments')
          .select('file_id')
          .where('file_id', 'in', ids)
          .execute()
      ).map((r) => r.file_id),
    );
    input.attachments.forEach((a, i) => {
      if (taken.has(a.fileId)) {
        throw E.field(
          'file_already_attached',
          `attachments.${i}.fileId`,
          'This file is attached to another document; upload it again',
        );
      }
      const f = byId.get(a.fileId);
      if (!f || f.created_by !== actor.userId) {
        throw E.field('unknown_file', `attachments.${i}.fileId`, 'No such uploaded file');
      }
      if (!ATTACHMENT_TYPES.has(f.content_type)) {
        throw E.field(
          'attachment_type',
          `attachments.${i}.fileId`,
          'Attachments are PDF, Word documents or images',
        );
      }
      if (secret && f.encryption === null) {
        throw E.field(
          'attachment_not_encrypted',
          `attachments.${i}.fileId`,
          'Secret content must be stored encrypted',
        );
      }
    });
  }
  const attachments = input.attachments.map((a, i) => ({
    fileId: a.fileId,
    main: a.main || (i === 0 && !input.attachments.some((x) => x.main)),
  }));

  let presentTo: Checked['presentTo'] = null;
  if (input.presentTo !== null) {
    const leaders = await leadersOf(ctx.db, committeeId);
    const leader = leaders.find((l) => l.id === input.presentTo);
    if (!leader) {
      throw E.field(
        'unknown_leader',
        'presentTo',
        'This person does not direct incoming documents of the committee',
      );
    }
    if (clearanceRank(leader.clearance as Secrecy) < clearanceRank(input.secrecy)) {
      throw E.field(
        'leader_clearance',
        'presentTo',
        'This leader does not hold the clearance for this document',
      );
    }
    presentTo = leader;
  }

  const deadline =
    input.deadline ??
    (await defaultDeadline(ctx.db, {
      arrivalDate,
      documentTypeId: input.documentTypeId,
      urgency: input.urgency,
    }));

  const warnings: Warning[] = [];
  if (parseNotation(input.notation).form === 'unknown') {
    warnings.push({
      code: 'notation.unrecognised',
      field: 'notation',
      message:
        'The number and notation match neither the Party ("12-CV/TU") nor the State ("45/QĐ-UBND") pattern',
    });
  }
  const dups = await repo.findDuplicates(ctx.db, viewer, {
    notationKey: notationKey(input.notation),
    documentDate: input.documentDate,
    issuerId,
    issuerName,
  });
  for (const d of dups) {
    warnings.push({
      code: 'duplicate',
      field: 'notation',
      message: `Already registered: arrival number ${d.arrival_number} of ${d.arrival_date} (document ${d.id})`,
    });
  }
  return {
    committeeId,
    register,
    registerKind,
    arrivedAt: arrivedAt.toISOString(),
    arrivalDate,
    issuerId,
    issuerName,
    stub,
    deadline,
    attachments,
    presentTo,
    warnings,
  };
}
