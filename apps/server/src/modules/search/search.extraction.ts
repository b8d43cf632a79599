import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import type { ExtractionStatus } from '@vanphong/contracts';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { extractText, makeSearchablePdf, type ExtractOutput } from '../../platform/extract/extract.ts';
import { fileStoreOf, type StagedFile } from '../../platform/files/files.store.ts';
import { getSettings } from '../settings/settings.repository.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { indexRecords } from './search.index.ts';
import { searchSources } from './search.registry.ts';

/**
 * The extraction runner (issue 7 §2): takes queued files one at a time, reads their text outside any
 * transaction (OCR takes seconds per page; on SQLite a transaction would hold the installation's one
 * write lock), reports progress page by page, keeps a searchable PDF beside a scanned original where
 * ocrmypdf is installed, then — in one short transaction — stores the text, re-indexes the records
 * the file belongs to and writes the audit event. Claims are conditional updates, so several processes
 * never take the same file; a claim older than STALE_MS (a crashed process) is taken over.
 */
const STALE_MS = 15 * 60_000;
const MAX_ATTEMPTS = 3;

export interface ExtractionOptions {
  workerId?: string;
  /** PATH to find the tools on (tests). */
  pathEnv?: string;
  /** Stops the running extraction (the process is shutting down); the file goes back to the queue. */
  signal?: AbortSignal;
}

async function claim(ctx: AppContext, workerId: string): Promise<number | null> {
  for (let tries = 0; tries < 5; tries += 1) {
    const now = ctx.clock.now();
    const stale = new Date(now.getTime() - STALE_MS).toISOString();
    // A claim that went stale MAX_ATTEMPTS times (a file that kills its process) is given up.
    await ctx.db
      .updateTable('file_texts')
      .set({ status: 'failed', message: 'Trích xuất bị gián đoạn nhiều lần; đã dừng thử lại.', locked_by: null, locked_at: null, updated_at: now.toISOString() })
      .where('status', '=', 'running')
      .where('locked_at', '<', stale)
      .where('attempts', '>=', MAX_ATTEMPTS)
      .execute();
    const next = await ctx.db
      .selectFrom('file_texts')
      .select('file_id')
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_at', '<', stale)])]))
      .orderBy('updated_at')
      .orderBy('file_id')
      .limit(1)
      .executeTakeFirst();
    if (!next) {
      return null;
    }
    const r = await ctx.db
      .updateTable('file_texts')
      .set((eb) => ({ status: 'running', locked_by: workerId, locked_at: now.toISOString(), attempts: eb('attempts', '+', 1), updated_at: now.toISOString() }))
      .where('file_id', '=', next.file_id)
      .where((eb) => eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb('locked_at', '<', stale)])]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      return next.file_id;
    }
  }
  return null;
}

function statusOf(out: ExtractOutput): { status: ExtractionStatus; message: string | null } {
  const message = out.warnings.length === 0 ? null : out.warnings.map((w) => w.message).join(' · ');
  if (out.text.trim().length > 0) {
    return { status: 'done', message };
  }
  if (out.warnings.some((w) => w.code === 'tool_missing' || w.code === 'ocr_language_missing')) {
    return { status: 'unavailable', message };
  }
  if (out.warnings.some((w) => w.code === 'unreadable')) {
    return { status: 'failed', message };
  }
  return { status: 'done', message };
}

/** Extracts one queued file; false when nothing is queued. */
export async function runExtractionOnce(ctx: AppContext, opts: ExtractionOptions = {}): Promise<boolean> {
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}`;
  const fileId = await claim(ctx, workerId);
  if (fileId === null) {
    return false;
  }
  const store = fileStoreOf(ctx);
  const dir = await fs.mkdtemp(path.join(tmpdir(), 'vp-extract-'));
  // The claim is renewed at every page; when the row was taken over or deleted (the record turned
  // secret), the extraction stops at once.
  const abort = new AbortController();
  const onStop = () => abort.abort(new Error('stopping'));
  opts.signal?.addEventListener('abort', onStop, { once: true });
  if (opts.signal?.aborted) {
    onStop(); // stopped between the claim and here
  }
  const renew = async () => {
    const r = await ctx.db
      .updateTable('file_texts')
      .set({ locked_at: ctx.clock.now().toISOString() })
      .where('file_id', '=', fileId)
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      abort.abort(new Error('claim lost'));
    }
  };
  // Also between pages (a long page, the searchable PDF): the claim never looks stale while worked on.
  const heartbeat = setInterval(() => void renew().catch(() => undefined), 60_000);
  let out: ExtractOutput;
  let searchable: StagedFile | null = null;
  try {
    const { record, bytes } = await store.read(fileId);
    const input = path.join(dir, `in-${randomUUID()}`);
    await fs.writeFile(input, bytes);
    out = await extractText({
      file: input,
      contentType: record.contentType,
      pathEnv: opts.pathEnv,
      signal: abort.signal,
      onProgress: async (done, pages) => {
        const r = await ctx.db
          .updateTable('file_texts')
          .set({ pages, pages_done: done, locked_at: ctx.clock.now().toISOString() })
          .where('file_id', '=', fileId)
          .where('locked_by', '=', workerId)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) {
          abort.abort(new Error('claim lost'));
        }
      },
    });
    if (out.method === 'ocr' && record.contentType === 'application/pdf') {
      const output = path.join(dir, 'searchable.pdf');
      const made = await makeSearchablePdf(input, output, { pathEnv: opts.pathEnv, signal: abort.signal });
      if (made.made) {
        const { deploymentProfile } = await getSettings(ctx.db);
        const name = record.originalName.replace(/\.pdf$/i, '') + ' (tìm kiếm được).pdf';
        searchable = await store.stage({ bytes: await fs.readFile(output), name, encrypt: encryptsUploads(deploymentProfile) });
      } else if (made.warning && made.warning.code !== 'already_has_text') {
        out.warnings.push(made.warning);
      }
    }
  } catch (err) {
    if (abort.signal.aborted) {
      if (opts.signal?.aborted) {
        // Shutting down: hand the file back at once rather than after the stale timeout.
        await ctx.db
          .updateTable('file_texts')
          .set((eb) => ({ status: 'queued', locked_by: null, locked_at: null, attempts: eb('attempts', '-', 1) }))
          .where('file_id', '=', fileId)
          .where('locked_by', '=', workerId)
          .execute();
      }
      return true;
    }
    await giveBack(ctx, fileId, workerId, err);
    return true;
  } finally {
    clearInterval(heartbeat);
    opts.signal?.removeEventListener('abort', onStop);
    await fs.rm(dir, { recursive: true, force: true });
  }
  try {
    await finish(ctx, store, fileId, workerId, out, searchable);
  } catch (err) {
    await giveBack(ctx, fileId, workerId, err);
  }
  return true;
}

/** A failed attempt: queued again, or failed for good after MAX_ATTEMPTS, with the reason. */
async function giveBack(ctx: AppContext, fileId: number, workerId: string, err: unknown): Promise<void> {
  const attempts = (await ctx.db.selectFrom('file_texts').select('attempts').where('file_id', '=', fileId).executeTakeFirst())?.attempts ?? MAX_ATTEMPTS;
  await ctx.db
    .updateTable('file_texts')
    .set({
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
      message: err instanceof Error ? err.message.slice(0, 500) : String(err),
      locked_by: null,
      locked_at: null,
      updated_at: ctx.clock.now().toISOString(),
    })
    .where('file_id', '=', fileId)
    .where('locked_by', '=', workerId)
    .execute();
}

async function finish(ctx: AppContext, store: ReturnType<typeof fileStoreOf>, fileId: number, workerId: string, out: ExtractOutput, searchable: StagedFile | null): Promise<void> {
  const { status, message } = statusOf(out);
  await ctx.db.transaction().execute(async (trx) => {
    const audit = { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: systemAuditContext('extraction') };
    const extra = searchable ? await store.register({ staged: searchable, createdBy: null, trx, audit: audit.ctx }) : null;
    const r = await trx
      .updateTable('file_texts')
      .set({
        status,
        method: out.method,
        pages: out.pages,
        pages_done: out.pages,
        legacy_encoding: out.legacyEncoding,
        text: out.text,
        message,
        searchable_file_id: extra?.id ?? null,
        locked_by: null,
        locked_at: null,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('file_id', '=', fileId)
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      throw new Error(`extraction of file ${fileId} was taken over by another process`);
    }
    for (const source of searchSources()) {
      const owners = await source.ownersOfFile(trx, fileId);
      await indexRecords(trx, ctx.dialect, source.kind, owners, ctx.clock.now());
    }
    await recordAudit(audit, {
      action: 'files.text_extracted',
      entityType: 'files',
      entityId: fileId,
      details: { status, method: out.method, pages: out.pages, chars: out.text.length, legacyEncoding: out.legacyEncoding, searchableFileId: extra?.id ?? null },
    });
  });
}

/** Runs every queued extraction now (tests, the CLI). */
export async function drainExtractions(ctx: AppContext, opts: ExtractionOptions = {}): Promise<number> {
  let n = 0;
  while (!opts.signal?.aborted && (await runExtractionOnce(ctx, opts))) {
    n += 1;
  }
  return n;
}

export interface ExtractionRunner {
  stop(): Promise<void>;
}

/** Polls for queued files in the server (and worker) process. */
export function startExtractionRunner(ctx: AppContext, { everyMs = 3_000 } = {}): ExtractionRunner {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const stopping = new AbortController();
  const loop = () => {
    if (stopped) {
      return;
    }
    running = drainExtractions(ctx, { workerId, signal: stopping.signal })
      .catch((err: unknown) => process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'extraction failed', err: String(err) })}\n`))
      .finally(() => {
        running = null;
        if (!stopped) {
          timer = setTimeout(loop, everyMs);
        }
      });
  };
  timer = setTimeout(loop, 500);
  return {
    async stop() {
      stopped = true;
      stopping.abort();
      if (timer) {
        clearTimeout(timer);
      }
      await running;
    },
  };
}
