/** Shapes of the schedule, programme and meeting API (issue 6): the zod schemas in packages/contracts/src/schedule.ts. */
import type {
  leaderConflict,
  meeting,
  programme,
  programmeBoard,
  programmeItem,
  programmeSummary,
  scheduleEvent,
  scheduleWeek,
} from '@vanphong/contracts';

/** The parsed type of a zod schema (the web bundle takes only types from the contracts). */
type Out<T> = T extends { _output: infer O } ? O : never;

export type ProgrammeBody = 'bch' | 'btv' | 'thuong_truc';
export type ProgrammePeriod = 'term' | 'year' | 'half' | 'quarter' | 'month';
export type ItemStatus = 'planned' | 'prepared' | 'presented' | 'postponed' | 'dropped';
export type MeetingKind = 'bch' | 'btv' | 'thuong_truc' | 'giao_ban';
export type MeetingStatus = 'planned' | 'held' | 'closed';
export type Secrecy = 'none' | 'confidential' | 'secret' | 'top_secret';

export type Programme = Out<typeof programme>;
export type ProgrammeItem = Out<typeof programmeItem>;
export type ProgrammeSummary = Out<typeof programmeSummary>;
export type ProgrammeBoard = Out<typeof programmeBoard>;
export type ScheduleEvent = Out<typeof scheduleEvent>;
export type ScheduleWeek = Out<typeof scheduleWeek>;
export type LeaderConflict = Out<typeof leaderConflict>;
export type Meeting = Out<typeof meeting>;

export interface BodyRef {
  committeeId: number;
  agencyId: number | null;
}

/** GET /api/schedule/months/:month (schedule.models.ts scheduleMonth). */
export interface ScheduleMonth {
  month: string;
  committeeId: number;
  startsOn: string;
  endsOn: string;
  weeks: { week: string; status: 'draft' | 'published'; revision: number }[];
  events: ScheduleEvent[];
  abilities: Record<string, boolean>;
}

export interface Resource {
  id: number;
  committeeId: number;
  kind: 'room' | 'car';
  name: string;
  note: string;
  active: boolean;
}

/** POST /api/schedule/events (eventInput). */
export interface EventInputBody {
  committeeId: number;
  startsAt: string;
  endsAt: string;
  content: string;
  place: string;
  leaderIds: number[];
  preparingBody: BodyRef | null;
  participants: string;
  notes: string;
  resourceIds: number[];
  meetingId?: number | null;
}

export interface MeetingSummary {
  id: number;
  committeeId: number;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  chair: { id: number; name: string };
  status: MeetingStatus;
}
