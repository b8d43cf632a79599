import { TASK_STATUSES, type TaskStatus } from '@vanphong/contracts';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import type { Described, Filters, SearchDb, SearchSource } from '../search/search.sources.ts';
import { inChunks } from '../search/search.sources.ts';
import { statusCondition, statusOf } from './tasks.models.ts';
import { bodyNames, statusLabels } from './tasks.repository.ts';
import { taskViewer, visibleTo } from './tasks.visibility.ts';

type TaskEb = ExpressionBuilder<SearchDb, 'tasks' | 'e'>;

/** Filters of the search page that apply to tasks: year of assignment, status, secrecy, assigning body. */
function filtersOf(f: Filters, today: string, assignerKeys: string[] | null) {
  return (eb: TaskEb): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (f.documentTypeId !== undefined) {
      // Tasks have no document type: a type filter keeps none of them.
      parts.push(sql<SqlBool>`1 = 0`);
    }
    if (assignerKeys !== null) {
      parts.push(assignerKeys.length === 0 ? sql<SqlBool>`1 = 0` : eb('tasks.assigner_key', 'in', assignerKeys));
    }
    if (f.year !== undefined) {
      parts.push(eb.and([eb('tasks.assigned_on', '>=', `${f.year}-01-01`), eb('tasks.assigned_on', '<=', `${f.year}-12-31`)]));
    }
    if (f.status !== undefined) {
      const status = f.status.startsWith('task.') ? (f.status.slice('task.'.length) as TaskStatus) : null;
      parts.push(status !== null && TASK_STATUSES.includes(status) ? (statusCondition(status, today) as unknown as Expression<SqlBool>) : sql<SqlBool>`1 = 0`);
    }
    if (f.secrecy !== undefined) {
      parts.push(eb('tasks.secrecy', '=', f.secrecy));
    }
    return eb.and(parts);
  };
}

/**
 * Tasks (issue 5) in the one search (issue 7), under the tasks' own visibility rule: the content and the
 * source reference are the task's fields; the source paragraph, expected products and progress notes its
 * body; the files of its progress reports its files (none for a secret task: they are not extracted).
 */
export const taskSearchSource: SearchSource = {
  kind: 'task',
  code: 3,
  label: 'Nhiệm vụ',

  async load(db, ids) {
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'assigner_committee_id', 'assigned_on', 'content', 'source_reference', 'source_paragraph', 'expected_products', 'secrecy'])
      .where('id', 'in', ids)
      .execute();
    const progress = await db.selectFrom('task_progress').select(['id', 'task_id', 'note']).where('task_id', 'in', ids).orderBy('id').execute();
    const files = progress.length
      ? await db.selectFrom('task_progress_files').select(['progress_id', 'file_id']).where('progress_id', 'in', progress.map((p) => p.id)).execute()
      : [];
    return rows.map((r) => {
      const mine = progress.filter((p) => p.task_id === r.id);
      const fileIds = files.filter((f) => mine.some((p) => p.id === f.progress_id)).map((f) => f.file_id);
      return {
        refId: r.id,
        committeeId: r.assigner_committee_id,
        date: r.assigned_on,
        notation: null,
        fields: [r.content, r.source_reference],
        body: [r.source_paragraph, r.expected_products, ...mine.map((p) => p.note)].filter((t) => t.length > 0).join('\n'),
        fileIds,
        ownedFileIds: fileIds,
        secret: r.secrecy !== 'none',
      };
    });
  },

  async idsAfter(db, afterId, limit) {
    const rows = await db.selectFrom('tasks').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },

  async ownersOfFile(db, fileId) {
    const rows = await db
      .selectFrom('task_progress_files as pf')
      .innerJoin('task_progress as p', 'p.id', 'pf.progress_id')
      .select('p.task_id')
      .where('pf.file_id', '=', fileId)
      .execute();
    return [...new Set(rows.map((r) => r.task_id))];
  },

  async visibility(ctx, actor, filters) {
    const viewer = await taskViewer(ctx.db, actor);
    if (!viewer) {
      return null;
    }
    const today = toVietnamDate(ctx.clock.now());
    let assignerKeys: string[] | null = null;
    if (filters.issuer !== undefined) {
      const keys = (await ctx.db.selectFrom('tasks').select('assigner_key').distinct().execute()).map((r) => r.assigner_key);
      const names = await bodyNames(ctx.db, keys);
      assignerKeys = [...names].filter(([, n]) => n === filters.issuer).map(([k]) => k);
    }
    const filter = filtersOf(filters, today, assignerKeys);
    return (eb) =>
      eb.and([
        eb('e.kind', '=', 'task'),
        eb.exists(
          eb
            .selectFrom('tasks')
            .select(sql.lit(1).as('one'))
            .whereRef('tasks.id', '=', 'e.ref_id')
            .where((w) => visibleTo(w as never, viewer))
            .where((w) => filter(w)),
        ),
      ]);
  },

  async describe(db, ids, now) {
    const today = toVietnamDate(now);
    const rows = await inChunks(ids, (chunk) =>
      db
        .selectFrom('tasks')
        .select(['id', 'content', 'source_reference', 'assigned_on', 'assigner_key', 'due_on', 'completed_on', 'last_progress_on', 'secrecy'])
        .where('id', 'in', chunk)
        .execute(),
    );
    const [names, labels] = await Promise.all([bodyNames(db, rows.map((r) => r.assigner_key)), statusLabels(db)]);
    return rows.map((r): Described => {
      const status = statusOf({ dueOn: r.due_on, completedOn: r.completed_on, lastProgressOn: r.last_progress_on }, today);
      return {
        refId: r.id,
        title: r.content,
        notation: r.source_reference === '' ? null : r.source_reference,
        date: r.assigned_on,
        year: Number(r.assigned_on.slice(0, 4)),
        documentTypeId: null,
        documentTypeName: null,
        issuerName: names.get(r.assigner_key) ?? null,
        status: `task.${status}`,
        statusLabel: `Nhiệm vụ — ${labels[status]}`,
        secrecy: r.secrecy,
        urgency: null,
        url: `/tasks/${r.id}`,
      };
    });
  },

  async bodies(db, ids) {
    const docs = await taskSearchSource.load(db, ids);
    const texts = await db
      .selectFrom('task_progress_files as pf')
      .innerJoin('task_progress as p', 'p.id', 'pf.progress_id')
      .innerJoin('tasks as t', 't.id', 'p.task_id')
      .innerJoin('file_texts as x', 'x.file_id', 'pf.file_id')
      .select(['p.task_id', 'x.text'])
      .where('p.task_id', 'in', ids)
      .where('t.secrecy', '=', 'none')
      .where('x.status', '=', 'done')
      .execute();
    return new Map(docs.map((d) => [d.refId, [d.body, ...texts.filter((x) => x.task_id === d.refId).map((x) => x.text)].filter((t) => t.length > 0).join('\n')]));
  },
};
