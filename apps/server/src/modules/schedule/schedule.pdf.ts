/**
 * The printed leaders' week (lịch công tác tuần) as PDF: A4 landscape, the committee header on the first
 * page, the usual columns (Thứ/ngày, Thời gian, Nội dung, Lãnh đạo dự, Địa điểm, Đơn vị chuẩn bị, Thành
 * phần) repeated on every page, every cell wrapped (nothing cut off), "Trang i/n" at the foot — drawn by
 * the shared table of platform/pdf (like the incoming register). Changes after publishing are marked
 * "[Điều chỉnh]"; a cancellation after publishing "[Hoãn]".
 */
import { MARGIN, PAGE_W, renderTablePdf, type Pen, type TableColumn } from '../../platform/pdf/table.ts';
import { shownDate, timeRange, vnDay } from './schedule.models.ts';
import type { ScheduleEvent } from './schedule.presenters.ts';

export const WEEK_COLUMNS: readonly TableColumn[] = [
  { title: 'Thứ/ngày', weight: 62 },
  { title: 'Thời gian', weight: 72 },
  { title: 'Nội dung', weight: 205 },
  { title: 'Lãnh đạo dự', weight: 150 },
  { title: 'Địa điểm', weight: 90 },
  { title: 'Đơn vị chuẩn bị', weight: 95 },
  { title: 'Thành phần', weight: 120 },
];

export interface WeekHeading {
  committeeName: string;
  /** The office that issues the schedule ("Văn phòng Tỉnh ủy"); empty when none. */
  officeName: string;
  week: string;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'published';
  revision: number;
  publishedAt: string | null;
  draft: boolean;
}

/** The cells of each event; the day is printed on the first event of that day only. */
export function weekCells(events: ScheduleEvent[]): string[][] {
  let lastDay = '';
  return events.map((e) => {
    const day = vnDay(e.startsAt);
    const dayCell = day.ymd === lastDay ? '' : `${day.weekday} ${day.date}`;
    lastDay = day.ymd;
    const mark = e.cancelled ? '[Hoãn] ' : e.changedAfterPublish ? '[Điều chỉnh] ' : '';
    const leaders = e.leaders.map((l) => (l.position ? `Đ/c ${l.name} (${l.position})` : `Đ/c ${l.name}`)).join('\n');
    const place = [e.place, ...e.resources.filter((r) => r.kind === 'room' && !e.place.includes(r.name)).map((r) => r.name)].filter((s) => s !== '').join(', ');
    const cars = e.resources.filter((r) => r.kind === 'car').map((r) => r.name);
    const participants = [e.participants, cars.length ? `Xe: ${cars.join(', ')}` : ''].filter((s) => s !== '').join('\n');
    return [dayCell, timeRange(e.startsAt, e.endsAt), `${mark}${e.content}`, leaders, place, e.preparingBody?.name ?? '', participants];
  });
}

function titleBlock(h: WeekHeading) {
  return (ink: Pen, top: number): number => {
    const leftCx = MARGIN.left + 130;
    ink.centred(h.committeeName.normalize('NFC').toLocaleUpperCase('vi'), { cx: leftCx, y: top - 12, size: 12, face: 'regular' });
    if (h.officeName) {
      ink.centred(h.officeName.normalize('NFC').toLocaleUpperCase('vi'), { cx: leftCx, y: top - 27, size: 12, face: 'bold' });
    }
    ink.centred('*', { cx: leftCx, y: top - 41, size: 12, face: 'regular' });
    const rightCx = PAGE_W - MARGIN.right - 170;
    ink.centred('ĐẢNG CỘNG SẢN VIỆT NAM', { cx: rightCx, y: top - 12, size: 12, face: 'bold' });
    const cx = PAGE_W / 2;
    const n = Number(h.week.slice(6));
    ink.centred(`LỊCH CÔNG TÁC TUẦN ${n}`, { cx, y: top - 64, size: 15, face: 'bold' });
    ink.centred(`của Thường trực, Ban Thường vụ ${h.committeeName}`, { cx, y: top - 80, size: 12, face: 'bold' });
    ink.centred(`(Từ ngày ${shownDate(h.startsOn)} đến ngày ${shownDate(h.endsOn)})`, { cx, y: top - 95, size: 12, face: 'italic' });
    const state = h.draft
      ? 'Bản dự thảo — chưa phát hành'
      : h.publishedAt
        ? `Phát hành lần ${h.revision}, ngày ${shownDate(vnDay(h.publishedAt).ymd)}. Nội dung đánh dấu [Điều chỉnh], [Hoãn] thay đổi sau khi phát hành.`
        : '';
    if (state) {
      ink.centred(state, { cx, y: top - 110, size: 10, face: 'italic' });
    }
    return top - 120;
  };
}

export async function renderWeekPdf(h: WeekHeading, events: ScheduleEvent[]): Promise<Uint8Array> {
  return renderTablePdf({
    spec: { columns: WEEK_COLUMNS, centred: new Set([0, 1]), keyColumn: 0 },
    title: titleBlock(h),
    rows: weekCells(events),
    emptyNote: 'Không có lịch công tác trong tuần này.',
    meta: { title: `Lịch công tác tuần ${h.week} – ${h.committeeName}`, author: h.officeName || h.committeeName },
  });
}
