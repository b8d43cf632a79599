/**
 * Meeting papers: attaching them, who may read them, and reading one (audited). Access rules are in
 * meetings.usecases.ts.
 */
import type { paperInput } from '@vanphong/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { clearanceRank, type Actor } from '../auth/auth.models.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { PROGRESS_FILE_TYPES } from '../tasks/tasks.progress.ts';
import { meetingErrors as E } from './meetings.errors.ts';
import {
  type Access,
  audited,
  type By,
  checkUsers,
  type Ctx,
  type Db,
  forChange,
  loadRow,
  lockMeeting,
  maySecretFiles,
  type MeetingRow,
} from './meetings.usecases.ts';

/* ---------------------------------------------------------------- papers */

/**
 * Attaches a file the actor uploaded (POST /api/files) as a paper. Secrecy at most the actor's clearance;
 * secret papers only on the isolated LAN, where the upload is encrypted (422 elsewhere); restricted
 * readers must be invitees.
 */
export async function addPaper(
  ctx: Ctx,
  by: By,
  id: number,
  input: z.infer<typeof paperInput>,
): Promise<number> {
  const { actor } = by;
  await forChange(ctx.db, actor, id);
  if (clearanceRank(input.secrecy) > clearanceRank(actor.clearance)) {
    throw E.field('secrecy_above_clearance', 'secrecy', 'You may not attach a paper above your clearance');
  }
  const settings = await getSettings(ctx.db);
  if (input.secrecy !== 'none' && !maySecretFiles(settings.deploymentProfile)) {
    throw E.secretFileRefused();
  }
  if (input.readerUserIds !== null) {
    await checkUsers(ctx.db, input.readerUserIds, 'readerUserIds');
    if (input.readerUserIds.length === 0) {
      throw E.field(
        'no_readers',
        'readerUserIds',
        'Name at least one reader, or none to let every invitee read it',
      );
    }
  }
  return inTransaction(ctx, async (trx) => {
    await lockMeeting(ctx, trx, id);
    // Two requests racing for the same upload: one waits for the other's commit, then finds it taken.
    await ctx.dialect.lockKey(trx, `meetings.file:${input.fileId}`);
    const f = await trx
      .selectFrom('files')
      .select(['id', 'created_by', 'content_type', 'encryption'])
      .where('id', '=', input.fileId)
      .executeTakeFirst();
    if (!f || f.created_by !== actor.userId) {
      throw E.field('unknown_file', 'fileId', 'No such uploaded file');
    }
    if (await fileTaken(trx, input.fileId)) {
      throw E.field('file_already_attached', 'fileId', 'This file is attached elsewhere; upload it again');
    }
    if (!PROGRESS_FILE_TYPES.has(f.content_type)) {
      throw E.field('file_type', 'fileId', 'Papers are PDF, Word, Excel documents or images');
    }
    if (input.secrecy !== 'none' && f.encryption === null) {
      throw E.field('file_not_encrypted', 'fileId', 'Secret content must be stored encrypted');
    }
    if (input.readerUserIds !== null) {
      const invited = new Set(
        (
          await trx.selectFrom('meeting_invitees').select('user_id').where('meeting_id', '=', id).execute()
        ).map((r) => r.user_id),
      );
      input.readerUserIds.forEach((u, i) => {
        if (!invited.has(u)) {
          throw E.field('reader_not_invited', `readerUserIds.${i}`, 'Readers are chosen among the invitees');
        }
      });
    }
    const row = await trx
      .insertInto('meeting_papers')
      .values({
        meeting_id: id,
        file_id: input.fileId,
        title: input.title.normalize('NFC'),
        secrecy: input.secrecy,
        restricted: input.readerUserIds === null ? 0 : 1,
        created_by: actor.userId,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.readerUserIds !== null && input.readerUserIds.length > 0) {
      await trx
        .insertInto('meeting_paper_readers')
        .values(input.readerUserIds.map((u) => ({ paper_id: row.id, user_id: u })))
        .execute();
    }
    await recordAudit(audited(ctx, trx, by), {
      action: 'meetings.paper_added',
      entityType: 'meeting',
      entityId: id,
      details: {
        paperId: row.id,
        fileId: input.fileId,
        secrecy: input.secrecy,
        readerUserIds: input.readerUserIds,
      },
    });
    return row.id;
  });
}

/** A file belongs to one record: attached again, it would be served under another record's rules. */
async function fileTaken(db: Db, fileId: number): Promise<boolean> {
  const one = async (q: Promise<unknown>) => (await q) !== undefined;
  return (
    (await one(
      db.selectFrom('meeting_papers').select('id').where('file_id', '=', fileId).executeTakeFirst(),
    )) ||
    (await one(
      db.selectFrom('task_progress_files').select('file_id').where('file_id', '=', fileId).executeTakeFirst(),
    )) ||
    (await one(
      db
        .selectFrom('incoming_attachments')
        .select('file_id')
        .where('file_id', '=', fileId)
        .executeTakeFirst(),
    )) ||
    (await one(
      db.selectFrom('outgoing_versions').select('file_id').where('file_id', '=', fileId).executeTakeFirst(),
    )) ||
    (await one(
      db
        .selectFrom('outgoing_documents')
        .select('id')
        .where((eb) => eb.or([eb('docx_file_id', '=', fileId), eb('pdf_file_id', '=', fileId)]))
        .executeTakeFirst(),
    ))
  );
}

export type PaperRow = Awaited<ReturnType<typeof papersOf>>[number];

export function papersOf(db: Db, meetingId: number) {
  return db
    .selectFrom('meeting_papers as p')
    .innerJoin('files as f', 'f.id', 'p.file_id')
    .select(['p.id', 'p.file_id', 'p.title', 'p.secrecy', 'p.restricted', 'p.created_by', 'f.original_name'])
    .where('p.meeting_id', '=', meetingId)
    .orderBy('p.id')
    .execute();
}

/**
 * Whether the actor reads this paper: the uploader; the organiser and the invitees (or only the listed
 * readers of a restricted paper) within their clearance; secret content only while on the isolated LAN.
 */
export function mayReadPaper(
  actor: Actor,
  m: Pick<MeetingRow, 'created_by'>,
  p: { secrecy: string; restricted: number; created_by: number | null },
  facts: { invited: boolean; listedReader: boolean; profile: string },
): boolean {
  if (p.secrecy !== 'none' && !maySecretFiles(facts.profile)) {
    return false;
  }
  if (p.created_by !== null && p.created_by === actor.userId) {
    return true;
  }
  if (clearanceRank(actor.clearance) < clearanceRank(p.secrecy as Actor['clearance'])) {
    return false;
  }
  if (m.created_by !== null && m.created_by === actor.userId) {
    return true;
  }
  return facts.invited && (p.restricted === 0 || facts.listedReader);
}

/** The papers of a meeting the actor may read. */
export async function readablePapers(db: Db, actor: Actor, a: Access): Promise<PaperRow[]> {
  const papers = await papersOf(db, a.meeting.id);
  if (papers.length === 0) {
    return [];
  }
  const profile = (await getSettings(db)).deploymentProfile;
  const listed = new Set(
    (
      await db
        .selectFrom('meeting_paper_readers')
        .select('paper_id')
        .where('user_id', '=', actor.userId)
        .where(
          'paper_id',
          'in',
          papers.map((p) => p.id),
        )
        .execute()
    ).map((r) => r.paper_id),
  );
  return papers.filter((p) =>
    mayReadPaper(actor, a.meeting, p, { invited: a.invited, listedReader: listed.has(p.id), profile }),
  );
}

/** The file of a paper the actor may read (404 otherwise, for the meeting as for the paper); the read is audited. */
export async function readPaper(ctx: Ctx, by: By, id: number, paperId: number): Promise<{ fileId: number }> {
  const { actor } = by;
  const meeting = await loadRow(ctx.db, id);
  const paper = meeting
    ? await ctx.db
        .selectFrom('meeting_papers')
        .selectAll()
        .where('id', '=', paperId)
        .where('meeting_id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!meeting || !paper) {
    throw E.notFound('meeting_paper');
  }
  const invited = !!(await ctx.db
    .selectFrom('meeting_invitees')
    .select('user_id')
    .where('meeting_id', '=', id)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst());
  const listedReader = !!(await ctx.db
    .selectFrom('meeting_paper_readers')
    .select('user_id')
    .where('paper_id', '=', paperId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst());
  const profile = (await getSettings(ctx.db)).deploymentProfile;
  if (!mayReadPaper(actor, meeting, paper, { invited, listedReader, profile })) {
    throw E.notFound('meeting_paper');
  }
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action: 'meetings.paper_read',
      entityType: 'meeting',
      entityId: id,
      details: { paperId, fileId: paper.file_id, secrecy: paper.secrecy },
    }),
  );
  return { fileId: paper.file_id };
}
