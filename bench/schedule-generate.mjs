// Builds a benchmark database with ten years of demo-scale work programmes and weekly schedules
// (issue 6 — chương trình công tác, lịch công tác tuần) on SQLite and/or PostgreSQL, from the same
// fixed-seed generator:
//
//   nice -n 10 node bench/schedule-generate.mjs [--years 10] [--engines sqlite,postgres] [--seed 6] [--per-week 15]
//
// 1. A fresh database: SQLite file <tmp>/vp-bench-schedule/y<years>/data/vanphong.sqlite; PostgreSQL
//    database `vp_bench_schedule` (`vp_bench_schedule_<years>` for other spans), dropped and re-created.
// 2. The app itself migrates it and seeds reference + demo data (`vanphong serve --seed-demo-if-empty`,
//    started once, then stopped) — so the demo's own programmes, week and meetings are there too.
// 3. Bulk load outside the app, rows consistent with migration 0014, for every active committee of the
//    demo and every year of the span ending with the current one (2017–2026 by default):
//    - programmes: a yearly programme of BCH (10 items), of BTV (20 items) and of Thường trực (12 items),
//      monthly programmes of BTV and Thường trực for each month (4 items moved in from the year with
//      from_item_id + 2 of their own); status: months before the current one 80 % presented,
//      8 % postponed (carried over to the next month with carried_from_item_id), 4 % dropped, the rest
//      prepared/planned (slipped); the current and later months planned/prepared. A 'created'
//      programme_item_events row per item.
//    - weekly schedule: `perWeek` events a week (Monday–Friday, 08:00/14:00/16:00 Vietnam time, 2 h),
//      two leaders each (people of the committee), a room on a third of them, 5 % cancelled, 3 % changed
//      after publishing; every week published (revision 1) except the current week and the next one
//      (drafts).
//    SQLite: prepared statements in one transaction per batch, then ANALYZE; PostgreSQL: INSERT … SELECT
//    FROM unnest(arrays) per batch, sequences moved past the ids, then VACUUM ANALYZE.
// 4. Prints (and writes to <base>/manifest.json) build times, sizes and row counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PG_ADMIN_URL, isMain, log, parseArgs, printJson, requireFromRoot, round, startServer } from './lib.mjs';

export const DEFAULT_YEARS = 10;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export function benchPaths({ years = DEFAULT_YEARS, dir = null } = {}) {
  const base = dir ?? path.join(os.tmpdir(), 'vp-bench-schedule', `y${years}`);
  const pgName = years === DEFAULT_YEARS ? 'vp_bench_schedule' : `vp_bench_schedule_${years}`;
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${pgName}`;
  return { base, dataDir: path.join(base, 'data'), sqlitePath: path.join(base, 'data', 'vanphong.sqlite'), manifest: path.join(base, 'manifest.json'), pgName, pgUrl: u.toString() };
}

/** Mulberry32: a small fixed-seed generator (same rows on both engines). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
/** Today in Vietnam (UTC+7, no daylight saving). */
export const vnToday = () => iso(Date.now() + 7 * HOUR);
const pad = (n) => String(n).padStart(2, '0');
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** ISO week label (YYYY-Www) of a date given as UTC midnight ms (the label of the week's Thursday's year). */
export function isoWeekOf(ms) {
  const d = new Date(ms);
  const wd = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(ms - wd * DAY + 3 * DAY);
  const y = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(y, 0, 1)) / (7 * DAY));
  return `${y}-W${pad(week)}`;
}

/** Monday (UTC midnight ms) of ISO week 1 of year y. */
function mondayOfWeek1(y) {
  const jan4 = Date.UTC(y, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
}

const BODY_NAMES = { bch: 'Ban Chấp hành', btv: 'Ban Thường vụ', thuong_truc: 'Thường trực' };
const SUBJECTS = [
  'Báo cáo tình hình thực hiện nghị quyết đại hội đảng bộ',
  'Sơ kết công tác xây dựng Đảng và hệ thống chính trị',
  'Đề án nâng cao chất lượng tổ chức cơ sở đảng và đảng viên',
  'Báo cáo kết quả công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
  'Kế hoạch học tập, quán triệt nghị quyết Hội nghị Trung ương',
  'Báo cáo tình hình an ninh chính trị, trật tự, an toàn xã hội',
  'Tổng kết công tác tuyên giáo và dân vận',
  'Chương trình chuyển đổi số trong các cơ quan Đảng',
  'Quy hoạch cán bộ lãnh đạo, quản lý',
  'Báo cáo công tác tiếp công dân, giải quyết khiếu nại, tố cáo',
  'Dự toán ngân sách và tài chính đảng',
  'Công tác phát triển đảng viên mới',
];
const DOCS = ['Báo cáo', 'Tờ trình, dự thảo Đề án', 'Dự thảo Kết luận', 'Kế hoạch', 'Dự thảo Nghị quyết'];
const EVENT_TEXT = [
  'Dự Hội nghị Ban Thường vụ',
  'Làm việc với các ban, ngành về tình hình thực hiện nhiệm vụ',
  'Giao ban Thường trực',
  'Tiếp công dân định kỳ',
  'Kiểm tra tình hình thực hiện nghị quyết tại cơ sở',
  'Dự lễ kỷ niệm, gặp mặt',
  'Làm việc với đoàn công tác Trung ương',
];

const PROGRAMME_COLUMNS = ['id', 'committee_id', 'body', 'period', 'year', 'period_index', 'term_id', 'title', 'starts_on', 'ends_on', 'created_by', 'created_at'];
const ITEM_COLUMNS = [
  'id', 'programme_id', 'content', 'planned_month', 'planned_on', 'lead_key', 'lead_committee_id', 'lead_agency_id', 'presenter', 'expected_document',
  'status', 'status_reason', 'from_item_id', 'carried_from_item_id', 'meeting_id', 'sort', 'version', 'updated_at',
];
const ITEM_EVENT_COLUMNS = ['id', 'item_id', 'at', 'actor_id', 'action', 'details'];
const WEEK_COLUMNS = ['committee_id', 'iso_week', 'status', 'revision', 'published_at', 'published_by'];
const EVENT_COLUMNS = [
  'id', 'committee_id', 'iso_week', 'starts_at', 'ends_at', 'content', 'place', 'preparing_key', 'participants', 'notes', 'meeting_id', 'cancelled',
  'changed_after_publish', 'created_by', 'created_at', 'updated_at', 'version',
];
const LEADER_COLUMNS = ['event_id', 'person_id'];
const RESOURCE_COLUMNS = ['event_id', 'resource_id'];
const TABLES = {
  programmes: PROGRAMME_COLUMNS,
  programme_items: ITEM_COLUMNS,
  programme_item_events: ITEM_EVENT_COLUMNS,
  schedule_weeks: WEEK_COLUMNS,
  schedule_events: EVENT_COLUMNS,
  schedule_event_leaders: LEADER_COLUMNS,
  schedule_event_resources: RESOURCE_COLUMNS,
};
const INT = new Set(['id', 'committee_id', 'year', 'period_index', 'term_id', 'created_by', 'programme_id', 'lead_committee_id', 'lead_agency_id', 'from_item_id', 'carried_from_item_id', 'meeting_id', 'sort', 'version', 'item_id', 'actor_id', 'revision', 'published_by', 'cancelled', 'changed_after_publish', 'event_id', 'person_id', 'resource_id']);
const emptyRows = () => Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));

/** The rows of one committee over the span, as arrays in the TABLES column order. */
function generateCommittee({ rnd, c, years, today, ids, creator }) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const rows = emptyRows();
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const at = (date) => `${date}T02:30:00.000Z`;
  const agencies = c.agencies.length ? c.agencies : [null];
  const lead = () => {
    const a = pick(agencies);
    return a === null ? [`c${c.id}`, c.id, null] : [`c${c.id}-a${a}`, c.id, a];
  };
  const counts = { programmes: 0, items: 0, events: 0, weeks: 0 };
  for (let y = thisYear - years + 1; y <= thisYear; y++) {
    for (const body of ['bch', 'btv', 'thuong_truc']) {
      const yearId = ids.programme++;
      rows.programmes.push([yearId, c.id, body, 'year', y, 0, null, `Chương trình công tác năm ${y} của ${BODY_NAMES[body]}`, `${y}-01-01`, `${y}-12-31`, creator, at(`${y - 1}-12-20`)]);
      counts.programmes++;
      const yearItems = [];
      const n = body === 'bch' ? 10 : body === 'btv' ? 20 : 12;
      for (let i = 0; i < n; i++) {
        const month = `${y}-${pad(1 + Math.floor((i * 12) / n))}`;
        yearItems.push({ id: ids.item++, month, content: `${pick(SUBJECTS)} (${month.split('-').reverse().join('/')})` });
      }
      // Monthly programmes (BTV and Thường trực): items moved in from the year and some of their own.
      const moved = new Map();
      const carry = new Map(); // month → [{ fromId, content }]
      if (body !== 'bch') {
        for (let m = 1; m <= 12; m++) {
          const month = `${y}-${pad(m)}`;
          if (month > thisMonth) {
            break;
          }
          const progId = ids.programme++;
          rows.programmes.push([progId, c.id, body, 'month', y, m, null, `Chương trình công tác tháng ${m}/${y} của ${BODY_NAMES[body]}`, `${month}-01`, `${month}-${pad(lastDay(y, m))}`, creator, at(`${month}-01`)]);
          counts.programmes++;
          const fromYear = yearItems.filter((it) => it.month === month).slice(0, 4);
          const own = [...fromYear.map((it) => ({ from: it.id, content: it.content })), ...(carry.get(month) ?? []), { content: `${pick(EVENT_TEXT)} tháng ${m}/${y}` }, { content: `${pick(SUBJECTS)} — bổ sung` }];
          own.forEach((it, k) => {
            const id = ids.item++;
            const day = `${month}-${pad(1 + Math.floor(rnd() * 28))}`;
            const past = month < thisMonth;
            const r = rnd();
            let status = 'planned';
            let reason = '';
            if (past) {
              if (r < 0.8) {
                status = 'presented';
                reason = `Hội nghị ngày ${day.split('-').reverse().join('/')}`;
              } else if (r < 0.88 && m < 12) {
                status = 'postponed';
                reason = 'Chờ bổ sung số liệu';
                const next = `${y}-${pad(m + 1)}`;
                carry.set(next, [...(carry.get(next) ?? []), { carried: id, content: it.content }]);
              } else if (r < 0.92) {
                status = 'dropped';
                reason = 'Không còn phù hợp';
              } else {
                status = r < 0.96 ? 'prepared' : 'planned';
              }
            } else {
              status = r < 0.3 ? 'prepared' : 'planned';
            }
            const [lk, lc, la] = lead();
            rows.programme_items.push([id, progId, it.content, month, rnd() < 0.5 ? day : null, lk, lc, la, 'Văn phòng', pick(DOCS), status, reason, it.from ?? null, it.carried ?? null, null, k + 1, 1, at(day)]);
            rows.programme_item_events.push([ids.itemEvent++, id, at(`${month}-01`), creator, it.from ? 'moved_in' : it.carried ? 'carried_over' : 'created', '{}']);
            counts.items++;
            if (it.from) {
              moved.set(it.from, status);
            }
          });
        }
      }
      yearItems.forEach((it, k) => {
        const past = it.month < thisMonth;
        const r = rnd();
        const status = moved.get(it.id) ?? (past ? (r < 0.85 ? 'presented' : r < 0.92 ? 'dropped' : 'prepared') : r < 0.2 ? 'prepared' : 'planned');
        const [lk, lc, la] = lead();
        rows.programme_items.push([it.id, yearId, it.content, it.month, null, lk, lc, la, 'Văn phòng', pick(DOCS), status, status === 'dropped' ? 'Không còn phù hợp' : '', null, null, null, k + 1, 1, at(`${y}-01-05`)]);
        rows.programme_item_events.push([ids.itemEvent++, it.id, at(`${y - 1}-12-20`), creator, 'created', '{}']);
        counts.items++;
      });
    }
  }
  // Weekly schedule: ISO weeks whose Monday falls in the span, up to the week after this one.
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const currentWeek = isoWeekOf(todayMs);
  const nextWeek = isoWeekOf(todayMs + 7 * DAY);
  const leaders = c.people.length ? c.people : [];
  for (let monday = mondayOfWeek1(thisYear - years + 1); monday <= todayMs + 7 * DAY; monday += 7 * DAY) {
    const week = isoWeekOf(monday);
    const draft = week === currentWeek || week === nextWeek;
    rows.schedule_weeks.push([c.id, week, draft ? 'draft' : 'published', draft ? 0 : 1, draft ? null : `${iso(monday - 3 * DAY)}T09:00:00.000Z`, draft ? null : creator]);
    counts.weeks++;
    for (let i = 0; i < c.perWeek; i++) {
      const id = ids.event++;
      // Vietnam 08:00 / 14:00 / 16:00 = 01:00 / 07:00 / 09:00 UTC, same calendar day.
      const start = monday + (i % 5) * DAY + (i < 5 ? 1 : i < 10 ? 7 : 9) * HOUR;
      const s = new Date(start).toISOString();
      const cancelled = rnd() < 0.05 ? 1 : 0;
      const changed = !draft && rnd() < 0.03 ? 1 : 0;
      rows.schedule_events.push([id, c.id, week, s, new Date(start + 2 * HOUR).toISOString(), pick(EVENT_TEXT), rnd() < 0.3 ? 'Phòng họp tầng 2' : 'Hội trường', lead()[0], 'Theo giấy mời', '', null, cancelled, changed, creator, s, s, 1]);
      counts.events++;
      if (leaders.length) {
        const a = leaders[(i + Math.floor(rnd() * 3)) % leaders.length];
        const b = leaders[(i + 1) % leaders.length];
        for (const p of new Set([a, b])) {
          rows.schedule_event_leaders.push([id, p]);
        }
      }
      if (i % 3 === 0 && c.room !== null) {
        rows.schedule_event_resources.push([id, c.room]);
      }
    }
  }
  return { rows, counts };
}

function sqliteTarget(file) {
  const Database = requireFromRoot('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const st = Object.fromEntries(Object.entries(TABLES).map(([t, cols]) => [t, db.prepare(`insert into ${t} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)]));
  const write = db.transaction((rows) => {
    for (const t of Object.keys(TABLES)) {
      for (const r of rows[t]) {
        st[t].run(r);
      }
    }
  });
  return {
    query: async (s, p = []) => {
      const q = db.prepare(s);
      return q.reader ? q.all(...p) : (q.run(...p), []);
    },
    write: async (rows) => write(rows),
    finish: async () => {
      db.exec('analyze');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

async function pgTarget(url) {
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const sqlOf = (t, cols) => `insert into ${t} (${cols.join(', ')}) select * from unnest(${cols.map((x, i) => `$${i + 1}::${INT.has(x) ? 'int' : 'text'}[]`).join(', ')})`;
  return {
    query: async (s, p = []) => (await c.query(s, p)).rows,
    write: async (rows) => {
      await c.query('begin');
      for (const [t, cols] of Object.entries(TABLES)) {
        const rs = rows[t];
        for (let k = 0; k < rs.length; k += 20_000) {
          const part = rs.slice(k, k + 20_000);
          await c.query(sqlOf(t, cols), cols.map((_, j) => part.map((r) => r[j])));
        }
      }
      await c.query('commit');
    },
    finish: async () => {
      for (const t of ['programmes', 'programme_items', 'programme_item_events', 'schedule_weeks', 'schedule_events', 'resources']) {
        await c.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
      }
      await c.query('vacuum analyze');
      await c.end();
    },
  };
}

async function freshPg(name) {
  const pg = requireFromRoot('pg');
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

export async function generateSchedule({ years = DEFAULT_YEARS, engines = ['sqlite', 'postgres'], seed = 6, perWeek = 15, dir = null } = {}) {
  const paths = benchPaths({ years, dir });
  const manifest = { years, perWeek, seed, generatedAt: new Date().toISOString(), today: vnToday(), engines: {} };
  for (const engine of engines) {
    const t0 = performance.now();
    if (engine === 'sqlite') {
      fs.rmSync(paths.dataDir, { recursive: true, force: true });
      fs.mkdirSync(paths.dataDir, { recursive: true });
    } else {
      await freshPg(paths.pgName);
    }
    log(`${engine}: migrating and seeding through the app`);
    const server = await startServer(engine === 'sqlite' ? { engine, dataDir: paths.dataDir } : { engine, databaseUrl: paths.pgUrl });
    await server.stop({ keepData: true });
    const t = engine === 'sqlite' ? sqliteTarget(paths.sqlitePath) : await pgTarget(paths.pgUrl);
    const creator = Number((await t.query(`select id from users where username = 'chanhvp'`))[0].id);
    const committees = await t.query('select id from committees where active = 1 order by id');
    const maxOf = async (table) => Number((await t.query(`select coalesce(max(id), 0) as m from ${table}`))[0].m);
    // Programme periods are unique per committee/body/period/year/index: the span stops before the demo's own year programmes.
    const demo = new Set((await t.query('select committee_id, body, period, year, period_index from programmes')).map((r) => `${r.committee_id}/${r.body}/${r.period}/${r.year}/${r.period_index}`));
    const demoWeeks = new Set((await t.query('select committee_id, iso_week from schedule_weeks')).map((r) => `${r.committee_id}/${r.iso_week}`));
    const ids = { programme: (await maxOf('programmes')) + 1, item: (await maxOf('programme_items')) + 1, itemEvent: (await maxOf('programme_item_events')) + 1, event: (await maxOf('schedule_events')) + 1 };
    const rnd = prng(seed);
    const tLoad = performance.now();
    const counts = { committees: committees.length, programmes: 0, items: 0, events: 0, weeks: 0 };
    for (const { id } of committees) {
      const cid = Number(id);
      const people = (await t.query(`select id from people where committee_id = ${cid} order by id`)).map((r) => Number(r.id)).slice(0, 6);
      const agencies = (await t.query(`select id from agencies where committee_id = ${cid} and active = 1 order by id`)).map((r) => Number(r.id));
      await t.query(`insert into resources (committee_id, kind, name, note, active) values (${cid}, 'room', 'Phòng họp (bench)', '', 1)`);
      const room = await maxOf('resources');
      const { rows, counts: cc } = generateCommittee({ rnd, c: { id: cid, people, agencies, room, perWeek }, years, today: manifest.today, ids, creator });
      rows.programmes = rows.programmes.filter((r) => !demo.has(`${r[1]}/${r[2]}/${r[3]}/${r[4]}/${r[5]}`));
      const kept = new Set(rows.programmes.map((r) => r[0]));
      rows.programme_items = rows.programme_items.filter((r) => kept.has(r[1]));
      const keptItems = new Set(rows.programme_items.map((r) => r[0]));
      rows.programme_item_events = rows.programme_item_events.filter((r) => keptItems.has(r[1]));
      rows.programme_items = rows.programme_items.map((r) => (r[12] !== null && !keptItems.has(r[12]) ? Object.assign([...r], { 12: null }) : r));
      rows.schedule_weeks = rows.schedule_weeks.filter((r) => !demoWeeks.has(`${r[0]}/${r[1]}`));
      await t.write(rows);
      counts.programmes += rows.programmes.length;
      counts.items += rows.programme_items.length;
      counts.events += cc.events;
      counts.weeks += rows.schedule_weeks.length;
      log(`${engine}: committee ${cid}: ${rows.programmes.length} programmes, ${rows.programme_items.length} items, ${cc.events} events (${round((performance.now() - tLoad) / 1000)} s)`);
    }
    const tFinish = performance.now();
    const totals = (
      await t.query(
        'select (select count(*) from programmes) as programmes, (select count(*) from programme_items) as items, (select count(*) from schedule_events) as events, (select count(*) from schedule_event_leaders) as leaders, (select count(*) from schedule_weeks) as weeks',
      )
    )[0];
    await t.finish();
    const size = engine === 'sqlite' ? fs.statSync(paths.sqlitePath).size : null;
    manifest.engines[engine] = {
      loadSeconds: round((tFinish - tLoad) / 1000),
      analyzeSeconds: round((performance.now() - tFinish) / 1000),
      totalSeconds: round((performance.now() - t0) / 1000),
      generated: counts,
      rows: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)])),
      sizeMB: size === null ? null : round(size / 1e6),
      ...(engine === 'sqlite' ? { sqlitePath: paths.sqlitePath } : { pgUrl: paths.pgUrl }),
    };
    log(`${engine}: done in ${manifest.engines[engine].totalSeconds} s`);
  }
  fs.mkdirSync(paths.base, { recursive: true });
  const old = fs.existsSync(paths.manifest) ? JSON.parse(fs.readFileSync(paths.manifest, 'utf8')) : { engines: {} };
  const merged = { ...manifest, engines: { ...old.engines, ...manifest.engines } };
  fs.writeFileSync(paths.manifest, JSON.stringify(merged, null, 2));
  return merged;
}

if (isMain(import.meta.url)) {
  const args = parseArgs();
  const engines = String(args.engines ?? 'sqlite,postgres').split(',');
  printJson(await generateSchedule({ years: args.years ?? DEFAULT_YEARS, engines, seed: args.seed ?? 6, perWeek: args['per-week'] ?? 15, dir: args.dir ?? null }));
}
