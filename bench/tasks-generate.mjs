// Builds a benchmark database of N tasks (issue 5 — nhiệm vụ) — by default 200,000 — on SQLite and/or
// PostgreSQL, from the same fixed-seed generator:
//
//   nice -n 10 node bench/tasks-generate.mjs [--n 200000] [--engines sqlite,postgres] [--seed 5] [--batch 5000]
//
// 1. A fresh database: SQLite file <tmp>/vp-bench-tasks/n<N>/data/vanphong.sqlite; PostgreSQL database
//    `vp_bench_tasks` (`vp_bench_tasks_<N>` for other N), dropped and re-created.
// 2. The app itself migrates it and seeds reference + demo data (`vanphong serve --seed-demo-if-empty`,
//    started once), and — through its own API, as admin — creates the unit account `bench_btc` (a
//    specialist of Ban Tổ chức Tỉnh ủy, password `vanphong-demo`); then the server stops.
// 3. Bulk load outside the app, rows consistent with migration 0012: tasks assigned 2024-01-02 … today
//    (Vietnam) by the province (c1, 70 %), one of its agencies (15 %) or a subordinate committee (15 %)
//    to the province's agencies and the subordinate committees (communes), 0–2 co-bodies, deadlines 10–120
//    days after assignment moved off weekends (due_on), ~12 % sub-tasks of an earlier task (depth 1,
//    root_id / root_assigner_key inherited, lead = the parent's lead or one of its agencies). Status mix:
//    past due — 72 % done on time, 14 % done late, 14 % overdue (more of them in the last months);
//    not yet due — 45 % with progress (in progress), the rest not due. Secrecy 95 % none, 4 % Mật,
//    1 % Tối mật. A task_bodies row per lead and co-body, a task_progress row per task with progress
//    (done → 100 %), a 'created' task_events row per task. SQLite: prepared statements in one
//    transaction per batch, then ANALYZE; PostgreSQL: INSERT … SELECT FROM unnest(arrays) per batch,
//    sequences moved past the ids, then VACUUM ANALYZE.
// 4. Prints (and writes to <base>/manifest.json) build times, sizes and the status counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PG_ADMIN_URL, isMain, log, login, parseArgs, printJson, requireFromRoot, round, startServer } from './lib.mjs';

export const DEFAULT_N = 200_000;
const DAY = 86_400_000;

export function benchPaths({ n = DEFAULT_N, dir = null } = {}) {
  const base = dir ?? path.join(os.tmpdir(), 'vp-bench-tasks', `n${n}`);
  const pgName = n === DEFAULT_N ? 'vp_bench_tasks' : `vp_bench_tasks_${n}`;
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
const vnToday = () => iso(Date.now() + 7 * 3_600_000);
/** Saturday/Sunday → Monday (the bench ignores public holidays). */
const offWeekend = (ms) => {
  const wd = new Date(ms).getUTCDay();
  return wd === 6 ? ms + 2 * DAY : wd === 0 ? ms + DAY : ms;
};

const VERBS = ['Triển khai', 'Tổ chức', 'Xây dựng', 'Rà soát', 'Tổng kết', 'Sơ kết', 'Báo cáo', 'Hướng dẫn', 'Kiểm tra', 'Tham mưu', 'Hoàn thiện', 'Chuẩn bị'];
const OBJECTS = [
  'quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2025–2030',
  'đề án sắp xếp tổ chức bộ máy của hệ thống chính trị',
  'kế hoạch học tập, quán triệt nghị quyết Hội nghị Trung ương',
  'công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
  'việc thực hiện Chỉ thị 05-CT/TW về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'chương trình chuyển đổi số trong các cơ quan Đảng',
  'công tác dân vận, tiếp công dân và giải quyết khiếu nại, tố cáo',
  'báo cáo chính trị trình đại hội đảng bộ',
  'công tác phát triển đảng viên mới',
  'việc thực hiện quy chế dân chủ ở cơ sở',
  'phương án phòng, chống thiên tai và tìm kiếm cứu nạn',
  'công tác bảo vệ chính trị nội bộ',
];
const REFS = ['Kết luận 215-KL/TU', 'Thông báo 1024-TB/TU', 'Chỉ thị 12-CT/TU', 'Kế hoạch 88-KH/TU', 'Hội nghị Ban Thường vụ', 'Nghị quyết 05-NQ/TU'];

/** Removes Vietnamese diacritics like the app's foldVietnamese (NFD, marks dropped, đ → d, lower case). */
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

const TASK_COLUMNS = [
  ['id', 'int'], ['parent_id', 'int'], ['root_id', 'int'], ['depth', 'int'], ['content', 'text'], ['content_folded', 'text'], ['source_kind', 'text'],
  ['source_reference', 'text'], ['source_paragraph', 'text'], ['assigner_committee_id', 'int'], ['assigner_agency_id', 'int'], ['assigner_key', 'text'],
  ['root_assigner_key', 'text'], ['lead_committee_id', 'int'], ['lead_agency_id', 'int'], ['lead_key', 'text'], ['assigned_on', 'text'], ['deadline', 'text'],
  ['due_on', 'text'], ['expected_products', 'text'], ['secrecy', 'text'], ['state', 'text'], ['progress', 'int'], ['last_progress_on', 'text'],
  ['completed_on', 'text'], ['evaluation_comment', 'text'], ['created_by', 'int'], ['created_at', 'text'], ['updated_at', 'text'], ['version', 'int'],
];
const BODY_COLUMNS = [['task_id', 'int'], ['body_key', 'text'], ['committee_id', 'int'], ['agency_id', 'int'], ['role', 'text']];
const PROGRESS_COLUMNS = [['id', 'int'], ['task_id', 'int'], ['at', 'text'], ['reported_on', 'text'], ['actor_id', 'int'], ['percent', 'int'], ['note', 'text'], ['done', 'int']];
const EVENT_COLUMNS = [['id', 'int'], ['task_id', 'int'], ['at', 'text'], ['actor_id', 'int'], ['action', 'text'], ['details', 'text']];

/** The organisation of the demo seed: the province, its agencies, the subordinate committees and their agencies. */
async function orgOf(q) {
  const committees = await q('select id, parent_id, name from committees where active = 1 order by id');
  const province = committees.find((c) => c.name === 'Tỉnh ủy Hồng Lam');
  const subs = committees.filter((c) => c.parent_id === province.id);
  const agencies = await q('select id, committee_id, abbreviation from agencies where active = 1 order by id');
  const users = new Map((await q('select id, username from users')).map((r) => [r.username, r.id]));
  return { province, subs, agencies, users };
}

/** Generates the rows of tasks [from, to) into arrays (same sequence on each engine for the same seed). */
function* generate({ n, seed, batch, org, firstIds, today }) {
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const P = org.province.id;
  const provAgencies = org.agencies.filter((a) => a.committee_id === P);
  const office = provAgencies[0];
  const leadsOfProvince = [...provAgencies.filter((a) => a !== office).map((a) => ({ c: P, a: a.id })), ...org.subs.map((c) => ({ c: c.id, a: null }))];
  const agenciesOf = new Map(org.subs.map((c) => [c.id, org.agencies.filter((a) => a.committee_id === c.id)]));
  const key = (b) => (b.a === null ? `c${b.c}` : `c${b.c}-a${b.a}`);
  const creators = ['chuyenvien', 'chanhvp'].map((u) => org.users.get(u)).filter(Boolean);
  const start = Date.UTC(2024, 0, 2);
  const end = Date.parse(`${today}T00:00:00Z`);
  const span = Math.floor((end - start) / DAY);
  const kept = []; // earlier top-level tasks that may get sub-tasks: [id, leadKeyObj, rootAssignerKey, dueMs, assignedMs]
  let id = firstIds.task;
  let progressId = firstIds.progress;
  let eventId = firstIds.event;
  const counts = { not_due: 0, in_progress: 0, done_on_time: 0, done_late: 0, overdue: 0 };
  for (let done = 0; done < n; ) {
    const rows = { t: [], b: [], p: [], e: [] };
    const size = Math.min(batch, n - done);
    for (let i = 0; i < size; i++, id++) {
      // Assignment dates grow with the ids (tasks are entered over time).
      const assignedMs = start + Math.floor(((done + i) / n) * span) * DAY;
      let assigner;
      let lead;
      let parent = null;
      if (kept.length > 50 && rnd() < 0.12) {
        parent = kept[Math.floor(kept.length - 1 - rnd() * Math.min(kept.length, 3000))];
        assigner = parent.lead;
        const own = parent.lead.a === null ? agenciesOf.get(parent.lead.c) ?? [] : [];
        lead = own.length > 0 && rnd() < 0.7 ? { c: parent.lead.c, a: pick(own).id } : parent.lead;
      } else {
        const r = rnd();
        if (r < 0.7) {
          assigner = { c: P, a: null };
          lead = pick(leadsOfProvince);
        } else if (r < 0.85) {
          const a = pick(provAgencies);
          assigner = { c: P, a: a.id };
          lead = pick(leadsOfProvince.filter((l) => l.a !== a.id));
        } else {
          const c = pick(org.subs);
          assigner = { c: c.id, a: null };
          const own = agenciesOf.get(c.id) ?? [];
          lead = own.length > 0 ? { c: c.id, a: pick(own).id } : { c: c.id, a: null };
        }
      }
      let dueMs = offWeekend(assignedMs + (10 + Math.floor(rnd() * 110)) * DAY);
      if (parent && dueMs > parent.dueMs) {
        dueMs = parent.dueMs;
      }
      if (dueMs < assignedMs) {
        dueMs = assignedMs;
      }
      const deadline = iso(dueMs);
      const due = deadline;
      let completed = null;
      let lastProgress = null;
      let progress = 0;
      let status;
      if (due < today) {
        const recent = end - dueMs < 120 * DAY;
        const r = rnd();
        const overdueShare = recent ? 0.3 : 0.08;
        if (r < overdueShare) {
          status = 'overdue';
          if (rnd() < 0.6) {
            lastProgress = iso(Math.min(end, dueMs - Math.floor(rnd() * 10) * DAY));
            progress = 20 + Math.floor(rnd() * 70);
          }
        } else if (r < overdueShare + 0.16) {
          status = 'done_late';
          completed = iso(Math.min(end, dueMs + (1 + Math.floor(rnd() * 30)) * DAY));
        } else {
          status = 'done_on_time';
          completed = iso(Math.max(assignedMs, dueMs - Math.floor(rnd() * 8) * DAY));
        }
      } else if (rnd() < 0.45 && assignedMs < end) {
        status = 'in_progress';
        lastProgress = iso(assignedMs + Math.floor(rnd() * Math.max(1, (end - assignedMs) / DAY)) * DAY);
        progress = 10 + Math.floor(rnd() * 80);
      } else {
        status = 'not_due';
      }
      if (completed !== null) {
        lastProgress = completed;
        progress = 100;
      }
      counts[status]++;
      const secrecy = rnd() < 0.95 ? 'none' : rnd() < 0.8 ? 'confidential' : 'secret';
      const content = `${pick(VERBS)} ${pick(OBJECTS)}${rnd() < 0.5 ? ` năm ${2024 + Math.floor(rnd() * 3)}` : ''}`;
      const ref = rnd() < 0.7 ? `${pick(REFS)} ngày ${iso(assignedMs).split('-').reverse().join('/')}, mục ${1 + Math.floor(rnd() * 9)}` : '';
      const assignerKey = key(assigner);
      const rootAssigner = parent ? parent.rootAssigner : assignerKey;
      const at = `${iso(assignedMs)}T02:30:00.000Z`;
      const creator = pick(creators);
      rows.t.push([
        id, parent ? parent.id : null, parent ? parent.root : id, parent ? 1 : 0, content, fold(content), ref ? 'meeting' : 'ad_hoc', ref, '',
        assigner.c, assigner.a, assignerKey, rootAssigner, lead.c, lead.a, key(lead), iso(assignedMs), deadline, due, '', secrecy,
        completed ? 'reported_done' : 'open', progress, lastProgress, completed, '', creator, at, at, 1,
      ]);
      rows.b.push([id, key(lead), lead.c, lead.a, 'lead']);
      const coCount = rnd() < 0.5 ? 0 : rnd() < 0.6 ? 1 : 2;
      const used = new Set([key(lead)]);
      for (let k = 0; k < coCount; k++) {
        const co = pick(leadsOfProvince);
        if (!used.has(key(co))) {
          used.add(key(co));
          rows.b.push([id, key(co), co.c, co.a, 'co']);
        }
      }
      if (lastProgress !== null) {
        rows.p.push([progressId++, id, `${lastProgress}T08:00:00.000Z`, lastProgress, creator, progress, completed ? 'Đã hoàn thành' : 'Đang triển khai', completed ? 1 : 0]);
      }
      rows.e.push([eventId++, id, at, creator, 'created', '{}']);
      if (!parent && kept.length < 1_000_000) {
        kept.push({ id, lead, rootAssigner: assignerKey, dueMs, root: id });
      }
    }
    done += size;
    yield { rows, done };
  }
  return counts;
}

function sqliteTarget(file) {
  const Database = requireFromRoot('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const ins = (table, cols) => db.prepare(`insert into ${table} (${cols.map(([c]) => c).join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  const st = { t: ins('tasks', TASK_COLUMNS), b: ins('task_bodies', BODY_COLUMNS), p: ins('task_progress', PROGRESS_COLUMNS), e: ins('task_events', EVENT_COLUMNS) };
  const write = db.transaction((rows) => {
    for (const k of ['t', 'b', 'p', 'e']) {
      for (const r of rows[k]) {
        st[k].run(r);
      }
    }
  });
  return {
    kind: 'sqlite',
    query: async (s, p = []) => {
      const st = db.prepare(s);
      return st.reader ? st.all(...p) : (st.run(...p), []);
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
  const sqlOf = (table, cols) =>
    `insert into ${table} (${cols.map(([x]) => x).join(', ')}) select * from unnest(${cols.map(([, ty], i) => `$${i + 1}::${ty === 'int' ? 'int' : 'text'}[]`).join(', ')})`;
  const cols = (rows, n) => Array.from({ length: n }, (_, j) => rows.map((r) => r[j]));
  const tables = { t: ['tasks', TASK_COLUMNS], b: ['task_bodies', BODY_COLUMNS], p: ['task_progress', PROGRESS_COLUMNS], e: ['task_events', EVENT_COLUMNS] };
  return {
    kind: 'postgres',
    query: async (s, p = []) => (await c.query(s, p)).rows,
    write: async (rows) => {
      await c.query('begin');
      for (const [k, [table, cs]] of Object.entries(tables)) {
        if (rows[k].length) {
          await c.query(sqlOf(table, cs), cols(rows[k], cs.length));
        }
      }
      await c.query('commit');
    },
    finish: async () => {
      for (const t of ['tasks', 'task_progress', 'task_events']) {
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

/** Migrates and seeds through the app, and creates the unit account through its API. */
async function seedThroughApp(engine, paths) {
  const server = await startServer(engine === 'sqlite' ? { engine, dataDir: paths.dataDir } : { engine, databaseUrl: paths.pgUrl });
  try {
    const admin = await login(server.url, 'admin');
    // Demo seed order: agency 2 is Ban Tổ chức Tỉnh ủy (checked after the load).
    const body = { username: 'bench_btc', password: 'vanphong-demo', displayName: 'Chuyên viên Ban Tổ chức (bench)', personId: null, roleCodes: ['specialist'], clearance: 'none', scopeCommitteeId: 1, scopeAgencyId: 2 };
    const r = await fetch(`${server.url}/api/users`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (r.status !== 201) {
      throw new Error(`creating bench_btc: ${r.status} ${await r.text()}`);
    }
  } finally {
    await server.stop({ keepData: true });
  }
}

export async function generateTasks({ n = DEFAULT_N, engines = ['sqlite', 'postgres'], seed = 5, batch = 5000, dir = null } = {}) {
  const paths = benchPaths({ n, dir });
  const manifest = { n, seed, generatedAt: new Date().toISOString(), today: vnToday(), engines: {} };
  for (const engine of engines) {
    const t0 = performance.now();
    if (engine === 'sqlite') {
      fs.rmSync(paths.dataDir, { recursive: true, force: true });
      fs.mkdirSync(paths.dataDir, { recursive: true });
    } else {
      await freshPg(paths.pgName);
    }
    log(`${engine}: migrating and seeding through the app`);
    await seedThroughApp(engine, paths);
    const t = engine === 'sqlite' ? sqliteTarget(paths.sqlitePath) : await pgTarget(paths.pgUrl);
    await t.query(`update users set must_change_password = 0 where username = 'bench_btc'`);
    const org = await orgOf(t.query);
    const btc = (await t.query(`select abbreviation from agencies where id = 2`))[0];
    if (btc?.abbreviation !== 'BTCTU') {
      throw new Error('agency 2 is not Ban Tổ chức Tỉnh ủy: the demo seed changed');
    }
    const maxOf = async (table) => Number((await t.query(`select coalesce(max(id), 0) as m from ${table}`))[0].m);
    const firstIds = { task: (await maxOf('tasks')) + 1, progress: (await maxOf('task_progress')) + 1, event: (await maxOf('task_events')) + 1 };
    const tLoad = performance.now();
    const it = generate({ n, seed, batch, org, firstIds, today: manifest.today });
    let step = it.next();
    while (!step.done) {
      await t.write(step.value.rows);
      if (step.value.done % 50_000 === 0) {
        log(`${engine}: ${step.value.done} tasks (${round((performance.now() - tLoad) / 1000)} s)`);
      }
      step = it.next();
    }
    const counts = step.value;
    const tFinish = performance.now();
    const totals = (await t.query('select (select count(*) from tasks) as tasks, (select count(*) from task_bodies) as bodies, (select count(*) from task_progress) as progress, (select count(*) from task_events) as events'))[0];
    await t.finish();
    const size = engine === 'sqlite' ? fs.statSync(paths.sqlitePath).size : null;
    manifest.engines[engine] = {
      loadSeconds: round((tFinish - tLoad) / 1000),
      analyzeSeconds: round((performance.now() - tFinish) / 1000),
      totalSeconds: round((performance.now() - t0) / 1000),
      rows: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)])),
      statusMix: counts,
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
  printJson(await generateTasks({ n: args.n ?? DEFAULT_N, engines, seed: args.seed ?? 5, batch: args.batch ?? 5000, dir: args.dir ?? null }));
}
