import type { ExtractionStatus, FileTextView } from '@vanphong/contracts';
import { EXTRACTION_STATUSES } from '@vanphong/contracts';
import { detectTools } from '../../platform/extract/tools.ts';
import type { AppContext } from '../../platform/context.ts';
import type { FileRecord } from '../../platform/files/files.store.ts';
import type { Actor } from '../auth/auth.models.ts';
import { canDownloadFile } from '../files/files.policies.ts';
import { searchSources } from './search.registry.ts';

/**
 * Who may see a file's extraction status: its uploader, or whoever may see one of the records the file
 * belongs to — asked through the same visibility predicates as the search itself.
 */
export async function canReadFileText(ctx: AppContext, actor: Actor, file: Pick<FileRecord, 'id' | 'createdBy'>): Promise<boolean> {
  if (canDownloadFile(actor, file)) {
    return true;
  }
  for (const source of searchSources()) {
    const owners = await source.ownersOfFile(ctx.db, file.id);
    if (owners.length === 0) {
      continue;
    }
    const visible = await source.visibility(ctx, actor, {});
    if (!visible) {
      continue;
    }
    const hit = await ctx.db
      .selectFrom('search_entries as e')
      .select('e.ref_id')
      .where('e.kind', '=', source.kind)
      .where('e.ref_id', 'in', owners)
      .where((eb) => visible(eb))
      .limit(1)
      .executeTakeFirst();
    if (hit) {
      return true;
    }
  }
  return false;
}

export async function fileTextOf(ctx: AppContext, fileId: number): Promise<FileTextView> {
  const r = await ctx.db.selectFrom('file_texts').selectAll().where('file_id', '=', fileId).executeTakeFirst();
  if (!r) {
    // Never queued: a file not attached to any record (or attached to a secret one before extraction existed).
    return { fileId, status: 'unavailable', method: 'none', pages: 0, pagesDone: 0, legacyEncoding: null, chars: 0, searchablePdfFileId: null, message: 'Tệp chưa gắn với văn bản nào được lập chỉ mục.', updatedAt: '' };
  }
  return {
    fileId,
    status: r.status as FileTextView['status'],
    method: r.method as FileTextView['method'],
    pages: r.pages,
    pagesDone: r.pages_done,
    legacyEncoding: r.legacy_encoding as FileTextView['legacyEncoding'],
    chars: r.text.length,
    searchablePdfFileId: r.searchable_file_id,
    message: r.message,
    updatedAt: r.updated_at,
  };
}

export async function searchStatusOf(ctx: AppContext) {
  const [kinds, states, tools] = await Promise.all([
    ctx.db.selectFrom('search_entries').select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('kind').execute(),
    ctx.db.selectFrom('file_texts').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute(),
    detectTools(),
  ]);
  const byKind = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
  const extraction = Object.fromEntries(EXTRACTION_STATUSES.map((s) => [s, 0])) as Record<ExtractionStatus, number>;
  for (const s of states) {
    extraction[s.status as ExtractionStatus] = Number(s.n);
  }
  return { entries: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, extraction, tools };
}
