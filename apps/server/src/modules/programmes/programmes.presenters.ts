import type { ItemStatus, ProgrammeBody, ProgrammePeriod, programme, programmeBoard, programmeItem, programmeSummary } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../platform/db/schema.ts';
import { bodyNames } from '../tasks/tasks.repository.ts';
import { BODY_ORDER, isSlipped, PERIOD_RANK, progressOf } from './programmes.models.ts';
import * as repo from './programmes.repository.ts';
import type { ItemRow, ProgrammeRow } from './programmes.usecases.ts';

type Db = Kysely<Database>;

export const STATUS_VI: Record<ItemStatus, string> = {
  planned: 'Dự kiến',
  prepared: 'Đã chuẩn bị',
  presented: 'Đã trình',
  postponed: 'Lùi thời gian',
  dropped: 'Không thực hiện',
};

const FIELD_VI: Record<string, string> = {
  content: 'nội dung',
  plannedMonth: 'tháng dự kiến',
  plannedOn: 'ngày dự kiến',
  lead: 'cơ quan chủ trì',
  presenter: 'người trình',
  expectedDocument: 'văn bản dự kiến',
};

const shownDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
/** "11/2026" for a month, "05/11/2026" for a day. */
const when = (v: unknown): string => (typeof v !== 'string' ? '' : v.length === 7 ? `${v.slice(5, 7)}/${v.slice(0, 4)}` : shownDate(v));
const status = (v: unknown): string => STATUS_VI[v as ItemStatus] ?? String(v);

/** One history row as a Vietnamese sentence. */
export function eventSummary(action: string, d: Record<string, unknown>, names: Map<string, string>): string {
  // A postponement or a drop gives its reason; other changes may carry a note (the meeting that took it up).
  const decision = action !== 'status' || d.to === 'postponed' || d.to === 'dropped';
  const reason = typeof d.reason === 'string' && d.reason ? `; ${decision ? 'lý do' : 'ghi chú'}: ${d.reason}` : '';
  switch (action) {
    case 'created': {
      const planned = d.plannedOn ? `, dự kiến ngày ${when(d.plannedOn)}` : d.plannedMonth ? `, dự kiến tháng ${when(d.plannedMonth)}` : '';
      const lead = typeof d.lead === 'string' ? `, ${names.get(d.lead) ?? d.lead} chủ trì` : '';
      return `Đưa vào chương trình${planned}${lead}`;
    }
    case 'updated': {
      const changes = Object.keys((d.changes ?? {}) as Record<string, unknown>).map((k) => FIELD_VI[k] ?? k);
      return `Sửa ${changes.join(', ')}`;
    }
    case 'status': {
      const to = d.postponedTo ? ` sang tháng ${when(d.postponedTo)}` : '';
      const carried = d.carriedToTitle ? `, chuyển tiếp vào ${String(d.carriedToTitle)}` : '';
      return `${status(d.from)} → ${status(d.to)}${to}${carried}${reason}`;
    }
    case 'moved': {
      const r = d.replanned as { to?: string } | undefined;
      return `Đưa vào ${String(d.toTitle)}${r?.to ? ` (dự kiến tháng ${when(r.to)})` : ''}`;
    }
    case 'moved_in':
      return `Chuyển từ ${String(d.fromTitle)}`;
    case 'carried_in':
      return `Chuyển tiếp từ ${String(d.fromTitle)} (lùi thời gian${reason})`;
    case 'replanned':
      return `Lùi sang tháng ${when(d.to)}${reason}`;
    case 'status_from_copy':
      return `${status(d.to)} theo ${String(d.programmeTitle)}`;
    default:
      return action;
  }
}

const index = (p: ProgrammeRow): number | null => (p.period === 'term' || p.period === 'year' ? null : p.period_index);

/** The programme page: its items with their history, progress and what slipped. */
export async function presentProgramme(db: Db, p: ProgrammeRow, abilities: Record<string, boolean>, today: string): Promise<z.infer<typeof programme>> {
  const items = await repo.itemsOf(db, p.id);
  const events = await repo.eventsOf(db, items.map((i) => i.id));
  const parsed = events.map((e) => ({ e, d: JSON.parse(e.details) as Record<string, unknown> }));
  const keys = new Set<string>();
  for (const i of items) {
    if (i.lead_key) {
      keys.add(i.lead_key);
    }
  }
  for (const { d } of parsed) {
    if (typeof d.lead === 'string') {
      keys.add(d.lead);
    }
  }
  const names = await bodyNames(db, keys);
  const history = new Map<number, z.infer<typeof programmeItem>['history']>();
  for (const { e, d } of parsed) {
    const list = history.get(e.item_id) ?? [];
    list.push({ at: e.at, actorName: e.display_name ?? 'Hệ thống', action: e.action, summary: eventSummary(e.action, d, names) });
    history.set(e.item_id, list);
  }
  const shown = items.map((i) => presentItem(i, names, history.get(i.id) ?? [], today));
  return {
    id: p.id,
    committeeId: p.committee_id,
    body: p.body as ProgrammeBody,
    period: p.period as ProgrammePeriod,
    year: p.year,
    index: index(p),
    termId: p.term_id,
    title: p.title,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    items: shown,
    progress: progressOf(items.map((i) => i.status)),
    slipped: shown.filter((i) => i.slipped).map((i) => i.id),
    abilities,
  };
}

function presentItem(i: ItemRow, names: Map<string, string>, history: z.infer<typeof programmeItem>['history'], today: string): z.infer<typeof programmeItem> {
  return {
    id: i.id,
    programmeId: i.programme_id,
    content: i.content,
    plannedMonth: i.planned_month,
    plannedOn: i.planned_on,
    lead:
      i.lead_key === null || i.lead_committee_id === null
        ? null
        : { key: i.lead_key, committeeId: i.lead_committee_id, agencyId: i.lead_agency_id, name: names.get(i.lead_key) ?? i.lead_key },
    presenter: i.presenter,
    expectedDocument: i.expected_document,
    status: i.status as ItemStatus,
    statusReason: i.status_reason,
    fromItemId: i.from_item_id,
    carriedFromItemId: i.carried_from_item_id,
    meetingId: i.meeting_id,
    slipped: isSlipped({ status: i.status, plannedMonth: i.planned_month, plannedOn: i.planned_on }, today),
    version: i.version,
    history,
  };
}

const byPeriod = (a: ProgrammeRow, b: ProgrammeRow) =>
  PERIOD_RANK[a.period as ProgrammePeriod] - PERIOD_RANK[b.period as ProgrammePeriod] || a.starts_on.localeCompare(b.starts_on) || a.id - b.id;

/** Programmes with their items counted (lists and the board). */
export async function presentSummaries(db: Db, rows: ProgrammeRow[], today: string): Promise<z.infer<typeof programmeSummary>[]> {
  const counts = await repo.countsOf(db, rows.map((r) => r.id), today);
  return rows.map((p) => {
    const c = counts.get(p.id) ?? { planned: 0, prepared: 0, presented: 0, postponed: 0, dropped: 0, total: 0, slipped: 0 };
    const counted = c.total - c.dropped;
    return {
      id: p.id,
      committeeId: p.committee_id,
      body: p.body as ProgrammeBody,
      period: p.period as ProgrammePeriod,
      year: p.year,
      index: index(p),
      title: p.title,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      counts: { planned: c.planned, prepared: c.prepared, presented: c.presented, postponed: c.postponed, dropped: c.dropped },
      total: c.total,
      progress: counted === 0 ? 0 : Math.round((100 * c.presented) / counted),
      slipped: c.slipped,
    };
  });
}

export async function presentBoard(
  db: Db,
  committeeId: number,
  year: number,
  rows: ProgrammeRow[],
  abilities: Record<string, boolean>,
  today: string,
): Promise<z.infer<typeof programmeBoard>> {
  const summaries = new Map((await presentSummaries(db, rows, today)).map((s) => [s.id, s]));
  return {
    committeeId,
    year,
    bodies: BODY_ORDER.map((body) => ({
      body,
      programmes: rows
        .filter((r) => r.body === body)
        .sort(byPeriod)
        .map((r) => summaries.get(r.id)!),
    })),
    abilities,
  };
}

export function sortForList(rows: ProgrammeRow[]): ProgrammeRow[] {
  return [...rows].sort(
    (a, b) => b.year - a.year || a.committee_id - b.committee_id || BODY_ORDER.indexOf(a.body as ProgrammeBody) - BODY_ORDER.indexOf(b.body as ProgrammeBody) || byPeriod(a, b),
  );
}
