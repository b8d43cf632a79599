/**
 * Bulk import of an incoming register (issue 7 §5). Each row is registered by the incoming module's
 * own registration (numbering, checks, trail, audit, search index) inside a transaction that also
 * marks the row done in `import_rows`: a kill at any moment leaves each row registered and marked, or
 * neither, and a restart skips the marked ones. Rows go in chunks (one transaction, a savepoint per
 * row, so a bad row never takes its neighbours down); a dry run does everything in one transaction
 * and rolls it back. Rows that arrived long ago are filed in the same transaction (import.filing.ts).
 * The batch is audited as `import.started` and `import.finished`, each in its own transaction (a dry
 * run too, marked as such).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { incomingInput, type IncomingInput } from '@vanphong/contracts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import type { StagedFile } from '../../platform/files/files.store.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { isNetworked, isSecret, REGISTER_NAMES, registerKindFor } from '../incoming/incoming.models.ts';
import { ensureRegister } from '../incoming/incoming.repository.ts';
import { registerInTransaction } from '../incoming/incoming.registration.ts';
import { audited, MAX_BACKDATE_DAYS, type By } from '../incoming/incoming.usecases.ts';
import { findHeaderRow, labelOf, mapHeaders, REQUIRED_COLUMNS } from './import.columns.ts';
import { importErrors } from './import.errors.ts';
import { fileImported, statusFor, type ImportStatus } from './import.filing.ts';
import { stageRowFiles, type FileSource } from './import.files.ts';
import { chooseCommittee, clerkActor, documentTypeIndex, organizationIndex } from './import.lookups.ts';
import { issuesOf, warningOf } from './import.messages.ts';
import { readGrid, type SourceEncoding } from './import.read.ts';
import { doneKeys, keepArrivalNumber, markDone, recordFailure } from './import.repository.ts';
import { cleanGrid, parseRow, rowKeys, type ParsedRow, type RowIssue } from './import.rows.ts';

export interface ImportOptions {
  file: string;
  /** Folder the "Tệp" column names files in. */
  filesDir: string | null;
  committeeId: number | null;
  registerKind: 'ordinary' | 'complaint';
  /** Username of the clerk in whose name rows are registered. */
  as: string;
  /** Who runs the import, for the audit trail ("cli:<os user>"). */
  operator: string;
  dryRun: boolean;
  /** Batch name; rows are remembered per batch (default: the file's name). */
  batch: string | null;
  /** keep: a row keeps its "Số đến" when free in the register; new: the register numbers it. */
  numbering: 'keep' | 'new';
  /** Rows per transaction. */
  chunkSize: number;
  /** What a registered row becomes: filed (lưu) or left open; default: filed when it arrived over 31 days ago. */
  status?: ImportStatus;
  onProgress?: (p: ImportProgress) => void;
  onRow?: (r: RowOutcome) => void;
}

export interface ImportProgress {
  total: number;
  processed: number;
  done: number;
  skipped: number;
  failed: number;
}

export interface RowOutcome {
  rowNumber: number;
  /** done: registered (in a dry run: would be); skipped: imported by an earlier run. */
  status: 'done' | 'skipped' | 'failed';
  incomingId: number | null;
  /** Registered and filed in the same transaction (a historic document). */
  filed: boolean;
  registerName: string | null;
  arrivalNumber: number | null;
  arrivalDate: string | null;
  notation: string;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface ImportSummary extends ImportProgress {
  batch: string;
  /** Of the rows done, those filed. */
  filed: number;
  dryRun: boolean;
  encoding: SourceEncoding;
  legacyEncoding: string | null;
  unknownColumns: string[];
  committee: { id: number; name: string };
  /** Rows that failed or carry warnings, in file order. */
  notable: RowOutcome[];
  /** Seconds spent on the rows (after reading the file and the catalogues). */
  seconds: number;
}

class AlreadyImported extends Error {}

interface Prepared {
  /** Null when the row has issues. */
  input: IncomingInput | null;
  staged: StagedFile[];
  arrivalDate: string;
  old: boolean;
  issues: RowIssue[];
}

const SAVEPOINT = 'import_row';

export async function importIncoming(ctx: AppContext, o: ImportOptions): Promise<ImportSummary> {
  const bytes = await fs.readFile(o.file).catch((err: NodeJS.ErrnoException) => {
    throw importErrors.unusable(`không đọc được tệp ${o.file}: ${err.code ?? err.message}`);
  });
  const grid = await readGrid(bytes);
  const { rows: cells, legacy } = cleanGrid(grid.rows);
  const h = findHeaderRow(cells);
  if (h < 0) {
    throw importErrors.unusable('không tìm thấy dòng tiêu đề (cần các cột như «Số, ký hiệu», «Ngày văn bản», «Tác giả», «Trích yếu»)');
  }
  const map = mapHeaders(cells[h]!.cells);
  const missing = REQUIRED_COLUMNS.filter((f) => map.index[f] === undefined);
  if (missing.length > 0) {
    throw importErrors.unusable(`thiếu cột: ${missing.map((f) => labelOf(map, f)).join('; ')}`);
  }
  const data = cells.slice(h + 1).filter((r) => r.cells.some((c) => c !== ''));
  const parsed = data.map((r) => parseRow(r.number, r.cells, map));
  const keys = rowKeys(parsed);
  const rows: ParsedRow[] = parsed.map((r, i) => ({ ...r, key: keys[i]! }));

  const actor = await clerkActor(ctx.db, o.as);
  const committee = await chooseCommittee(ctx.db, o.committeeId, actor);
  const by: By = { actor, audit: { actorUserId: actor.userId, actorName: `${o.operator} as ${actor.username}`.slice(0, 64), ip: null } };
  const batch = (o.batch ?? path.basename(o.file)).normalize('NFC');
  const types = await documentTypeIndex(ctx.db);
  const orgs = await organizationIndex(ctx.db, rows.map((r) => r.issuer));
  const profile = (await getSettings(ctx.db)).deploymentProfile;
  const networked = isNetworked(profile);
  // Files policy: every stored file is encrypted on the isolated LAN, whatever the row's secrecy.
  const encrypt = encryptsUploads(profile);
  const files: FileSource = { dir: o.filesDir, store: fileStoreOf(ctx), dryRun: o.dryRun };
  const done = await doneKeys(ctx.db, batch);

  const progress: ImportProgress = { total: rows.length, processed: 0, done: 0, skipped: 0, failed: 0 };
  const notable: RowOutcome[] = [];
  let filed = 0;
  const settle = (r: RowOutcome) => {
    progress.processed += 1;
    progress[r.status] += 1;
    filed += r.filed ? 1 : 0;
    if (r.status === 'failed' || r.warnings.length > 0) {
      notable.push(r);
    }
    o.onRow?.(r);
  };
  const outcome = (row: ParsedRow, status: RowOutcome['status'], extra: Partial<RowOutcome> = {}): RowOutcome => ({
    rowNumber: row.rowNumber,
    status,
    incomingId: null,
    filed: false,
    registerName: null,
    arrivalNumber: null,
    arrivalDate: row.arrivalDate,
    notation: row.notation,
    errors: [],
    warnings: [],
    ...extra,
  });

  const started = process.hrtime.bigint();
  const pending: ParsedRow[] = [];
  for (const row of rows) {
    if (done.has(row.key)) {
      settle(outcome(row, 'skipped', { incomingId: done.get(row.key) ?? null }));
    } else {
      pending.push(row);
    }
  }
  o.onProgress?.({ ...progress });

  /** The row as a registration input, its files staged; or the issues that stop it. */
  async function prepare(row: ParsedRow): Promise<Prepared> {
    const issues = [...row.errors];
    const now = ctx.clock.now();
    let arrivedAt: string | undefined;
    let arrivalDate = toVietnamDate(now);
    if (row.arrivalDate) {
      let t = Date.parse(`${row.arrivalDate}T${row.arrivalTime ?? '08:00'}:00+07:00`);
      if (row.arrivalTime === null && row.arrivalDate === arrivalDate && t > now.getTime()) {
        t = now.getTime();
      }
      arrivedAt = new Date(t).toISOString();
      arrivalDate = row.arrivalDate;
    }
    const old = arrivedAt !== undefined && Date.parse(arrivedAt) < now.getTime() - MAX_BACKDATE_DAYS * 86_400_000;
    let documentTypeId: number | null = null;
    if (row.documentType !== '') {
      documentTypeId = types.get(foldVietnamese(row.documentType)) ?? null;
      if (documentTypeId === null) {
        issues.push({ field: labelOf(map, 'documentType'), message: `Loại văn bản «${row.documentType}» không có trong danh mục.` });
      }
    }
    const keptNumber = o.numbering === 'new' && row.arrivalNumber !== null ? `Số đến trong sổ cũ: ${row.arrivalNumber}` : '';
    const parsedInput = incomingInput.safeParse({
      arrivedAt,
      registerKind: o.registerKind,
      channel: 'paper',
      issuerId: orgs.get(foldVietnamese(row.issuer)) ?? null,
      issuerName: row.issuer,
      notation: row.notation || '-',
      documentDate: row.documentDate ?? '2000-01-01',
      documentTypeId,
      summary: row.summary,
      signer: row.signer,
      pageCount: row.pageCount,
      copies: row.copies,
      urgency: row.urgency,
      secrecy: row.secrecy,
      deadline: row.deadline,
      paperLocation: row.paperLocation,
      note: [row.note, keptNumber].filter(Boolean).join('; '),
    });
    if (!parsedInput.success) {
      issues.push(...(issuesOf(parsedInput.error, map) ?? []));
    }
    let staged: StagedFile[] = [];
    if (issues.length === 0 && row.files.length > 0) {
      const secret = isSecret(row.secrecy);
      if (secret && networked) {
        issues.push({
          field: labelOf(map, 'files'),
          message: 'Văn bản mật trên hệ thống nối mạng chỉ vào sổ thông tin quản lý; không đính kèm tệp nội dung.',
        });
      } else {
        const r = await stageRowFiles(files, row.files, { encrypt, label: labelOf(map, 'files') });
        staged = r.staged;
        issues.push(...r.issues);
      }
    }
    return { input: issues.length === 0 && parsedInput.success ? parsedInput.data : null, staged, arrivalDate, old, issues };
  }

  const registers = new Map<string, Awaited<ReturnType<typeof ensureRegister>>>();

  async function register(trx: Trx, row: ParsedRow, p: Prepared & { input: IncomingInput }): Promise<RowOutcome> {
    const at = ctx.clock.now().toISOString();
    const kind = registerKindFor(p.input.secrecy, o.registerKind);
    const year = Number(p.arrivalDate.slice(0, 4));
    const reg = registers.get(`${year}:${kind}`) ?? (await ensureRegister(trx, { committeeId: committee.id, year, kind, name: REGISTER_NAMES[kind], now: at }));
    if (!reg.created) {
      // It existed before this row: safe to reuse (a register opened by this row could still be rolled back).
      registers.set(`${year}:${kind}`, { ...reg, created: false });
    } else {
      await recordAudit(audited(ctx, trx, by), {
        action: 'incoming.register_created',
        entityType: 'incoming_register',
        entityId: reg.id,
        details: { committeeId: reg.committee_id, year: reg.year, kind: reg.kind, name: reg.name, opened: 'by import', batch },
      });
    }
    const store = files.store;
    const attachments = [];
    for (const [i, staged] of p.staged.entries()) {
      const f = await store.register({ staged, createdBy: actor.userId, trx, audit: by.audit });
      attachments.push({ fileId: f.id, main: i === 0 });
    }
    const r = await registerInTransaction(ctx, trx, by, { ...p.input, registerId: reg.id, attachments }, {
      historic: true,
      notify: !p.old,
      takeNumber: o.numbering === 'keep' && row.arrivalNumber !== null ? keepArrivalNumber(row.arrivalNumber) : undefined,
    });
    const filed = statusFor(o.status, p.old) === 'filed';
    if (filed) {
      await fileImported(ctx, trx, by, r.id, batch);
    }
    if (!(await markDone(trx, { batchKey: batch, rowKey: row.key, rowNumber: row.rowNumber, incomingId: r.id, createdBy: actor.userId, at }))) {
      throw new AlreadyImported();
    }
    return outcome(row, 'done', {
      incomingId: r.id,
      filed,
      registerName: `${reg.name} ${reg.year}`,
      arrivalNumber: r.arrivalNumber,
      arrivalDate: p.arrivalDate,
      warnings: r.warnings.map((w) => warningOf(w, map)),
    });
  }

  async function runRows(): Promise<void> {
    const size = o.dryRun ? Math.max(pending.length, 1) : Math.max(1, o.chunkSize);
    for (let start = 0; start < pending.length; start += size) {
      const chunk = pending.slice(start, start + size);
      const prepared: Prepared[] = [];
      for (const row of chunk) {
        prepared.push(await prepare(row));
      }
      // A dry run's outcomes are final row by row (all is rolled back anyway): shown as they come.
      const results: RowOutcome[] = [];
      const emit = (r: RowOutcome) => (o.dryRun ? (settle(r), o.onProgress?.({ ...progress })) : results.push(r));
      const trx = await ctx.db.startTransaction().execute();
      try {
        for (const [i, row] of chunk.entries()) {
          const p = prepared[i]!;
          const fail = async (issues: RowIssue[]) => {
            if (!o.dryRun) {
              const error = JSON.stringify(issues);
              await recordFailure(trx, { batchKey: batch, rowKey: row.key, rowNumber: row.rowNumber, createdBy: actor.userId, at: ctx.clock.now().toISOString(), error });
            }
            emit(outcome(row, 'failed', { errors: issues, arrivalDate: p.arrivalDate }));
          };
          if (p.input === null) {
            await fail(p.issues);
            continue;
          }
          const ready = { ...p, input: p.input };
          const sp = await trx.savepoint(SAVEPOINT).execute();
          try {
            // Queries go through `trx` (same connection as `sp`): per-transaction caches keyed by it stay warm.
            emit(await register(trx, row, ready));
            await sp.releaseSavepoint(SAVEPOINT).execute();
          } catch (err) {
            await sp.rollbackToSavepoint(SAVEPOINT).execute();
            if (err instanceof AlreadyImported) {
              emit(outcome(row, 'skipped'));
              continue;
            }
            const issues =
              issuesOf(err, map) ??
              (ctx.dialect.isUniqueViolation(err) ? [{ field: '', message: 'Xung đột khi ghi (một lượt nhập khác đang chạy?); chạy lại lệnh.' }] : null);
            if (!issues) {
              throw err;
            }
            await fail(issues);
          }
        }
        await (o.dryRun ? trx.rollback() : trx.commit()).execute();
      } catch (err) {
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
        throw err;
      }
      results.forEach(settle);
      o.onProgress?.({ ...progress });
    }
  }

  const file = path.basename(o.file);
  const batchEvent = (action: string, details: Record<string, unknown>) =>
    inTransaction(ctx, (trx) => recordAudit(audited(ctx, trx, by), { action, entityType: 'import_batch', entityId: batch, details: { file, batch, dryRun: o.dryRun, ...details } }));
  await batchEvent('import.started', {
    rows: rows.length,
    alreadyDone: progress.skipped,
    committeeId: committee.id,
    numbering: o.numbering,
    status: o.status ?? 'by-age',
  });
  let failure: unknown = null;
  try {
    await runRows();
  } catch (err) {
    failure = err;
  }
  const counts = { rows: progress.total, processed: progress.processed, done: progress.done, filed, skipped: progress.skipped, failed: progress.failed };
  const error = failure === null ? {} : { error: failure instanceof Error ? failure.message.slice(0, 500) : String(failure) };
  await batchEvent('import.finished', { ...counts, ...error }).catch((err: unknown) => {
    if (failure === null) {
      throw err;
    }
  });
  if (failure !== null) {
    throw failure;
  }

  return {
    ...progress,
    batch,
    filed,
    dryRun: o.dryRun,
    encoding: grid.encoding,
    legacyEncoding: legacy,
    unknownColumns: map.unknown,
    committee,
    notable,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
