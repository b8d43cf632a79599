// Builds a benchmark database of N incoming documents (văn bản đến) — by default 1,000,000 — on SQLite
// and/or PostgreSQL, from the same fixed-seed corpus (bench/incoming-corpus.mjs):
//
//   nice -n 10 node bench/incoming-generate.mjs [--n 1000000] [--engines sqlite,postgres] [--seed 7] [--batch 5000]
//
// 1. A fresh database: SQLite file <tmp>/vp-bench-incoming/n<N>/data/vanphong.sqlite (`--dir` to move it);
//    PostgreSQL database `vp_bench_incoming` (`vp_bench_incoming_<N>` for other N), dropped and re-created.
// 2. The app itself migrates it and seeds reference + demo data (`vanphong serve --seed-demo-if-empty`,
//    started once and stopped).
// 3. Bulk load, outside the app: 13 generated committees in two other provinces (the demo province's
//    7 committees — the clerk `vanthu`'s scope — receive ~12.5 % of the documents), ~120 issuers in the
//    organisations directory, one register per committee × year (2022–2026) × kind with last_number equal
//    to the highest number given, documents in arrival order (ids follow dates; working days, office
//    hours), a 'registered' trail row per document plus one for its latest step, recipients for the
//    directed documents of the demo province, and the search index filled with the app's own
//    `indexTokens(summary, notation, issuerName)` (imported from apps/server/src/platform/text/tokens.ts).
//    Secondary indexes are dropped during the load and re-created afterwards; foreign keys are not
//    checked during the load (the rows are consistent by construction). SQLite: one transaction per
//    batch, prepared statements, then ANALYZE and FTS5 'optimize'. PostgreSQL: multi-row INSERT … SELECT
//    FROM unnest(arrays) per batch (overlapping with the SQLite work), then VACUUM ANALYZE.
// 4. Prints (and writes to <dir>/manifest.json) build times, sizes and how many documents — in total
//    and visible to vanthu — each benchmark query matches.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  COMMITTEE_WEIGHTS,
  CHANNEL,
  DIRECTIONS,
  FREE_ISSUERS_LIST,
  GENERATED_ROOTS,
  HISTORIC_UNTIL,
  SEARCH_QUERIES,
  SECRECIES,
  SECRECY,
  SIGNERS,
  STATUS_OLD,
  STATUS_RECENT,
  URGENCIES,
  URGENCY,
  buildIssuers,
  buildSummary,
  pick,
  prng,
  weighted,
} from './incoming-corpus.mjs';
import {
  PG_ADMIN_URL,
  ROOT,
  isMain,
  log,
  parseArgs,
  printJson,
  requireFromRoot,
  round,
  startServer,
} from './lib.mjs';

export const DEFAULT_N = 1_000_000;
export const YEARS = [2022, 2023, 2024, 2025, 2026];
const DEMO_PROVINCE = 'Tỉnh ủy Hồng Lam';

/** Where the data of a given N lives (shared with the measurement scripts). */
export function benchPaths({ n = DEFAULT_N, dir = null } = {}) {
  const base = dir ?? path.join(os.tmpdir(), 'vp-bench-incoming', `n${n}`);
  const dbName = n === DEFAULT_N ? 'vp_bench_incoming' : `vp_bench_incoming_${n}`;
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${dbName}`;
  return {
    base,
    dataDir: path.join(base, 'data'),
    sqlitePath: path.join(base, 'data', 'vanphong.sqlite'),
    manifest: path.join(base, 'manifest.json'),
    pgName: dbName,
    pgUrl: u.toString(),
  };
}

/** The app's own text functions (TypeScript, loaded through tsx). */
export async function appText() {
  const { tsImport } = await import('tsx/esm/api');
  const here = pathToFileURL(path.join(ROOT, 'bench', 'x.mjs')).href;
  const tokens = await tsImport('../apps/server/src/platform/text/tokens.ts', here);
  const fold = await tsImport('../apps/server/src/platform/text/fold.ts', here);
  return { ...tokens, foldVietnamese: fold.foldVietnamese };
}

const DOC_COLUMNS = [
  ['id', 'int'],
  ['register_id', 'int'],
  ['committee_id', 'int'],
  ['arrival_number', 'int'],
  ['arrived_at', 'text'],
  ['arrival_date', 'text'],
  ['channel', 'text'],
  ['issuer_id', 'int'],
  ['issuer_name', 'text'],
  ['notation', 'text'],
  ['notation_folded', 'text'],
  ['document_number', 'int'],
  ['document_date', 'text'],
  ['document_type_id', 'int'],
  ['summary', 'text'],
  ['signer', 'text'],
  ['page_count', 'int'],
  ['copies', 'int'],
  ['urgency', 'text'],
  ['urgency_rank', 'int'],
  ['deliver_by', 'text'],
  ['secrecy', 'text'],
  ['secrecy_rank', 'int'],
  ['stub', 'int'],
  ['deadline', 'text'],
  ['status', 'text'],
  ['paper_location', 'text'],
  ['note', 'text'],
  ['presented_to', 'int'],
  ['direction', 'text'],
  ['lead_agency_id', 'int'],
  ['lead_user_id', 'int'],
  ['directed_at', 'text'],
  ['result_note', 'text'],
  ['reply_outgoing_id', 'int'],
  ['cancel_reason', 'text'],
  ['completed_at', 'text'],
  ['completed_on', 'text'],
  ['attachment_count', 'int'],
  ['created_by', 'int'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];
const RECIPIENT_COLUMNS = [
  ['id', 'int'],
  ['document_id', 'int'],
  ['role', 'text'],
  ['agency_id', 'int'],
  ['user_id', 'int'],
  ['active', 'int'],
  ['created_at', 'text'],
];
const TRAIL_COLUMNS = [
  ['id', 'int'],
  ['document_id', 'int'],
  ['action', 'text'],
  ['actor_id', 'int'],
  ['actor_name', 'text'],
  ['at', 'text'],
  ['from_status', 'text'],
  ['to_status', 'text'],
  ['note', 'text'],
  ['details', 'text'],
];
const LOADED_TABLES = ['incoming_documents', 'incoming_recipients', 'incoming_trail'];

// ---------------------------------------------------------------------------------------------------
// dates (Vietnam = UTC+7, no DST)

const DAY = 86_400_000;
const VN = 7 * 3_600_000;
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
/** Working days (Mon–Fri) from 2022-01-03 to today (Vietnam date), as UTC-midnight ms of the Vietnam date. */
function workingDays(todayVn) {
  const out = [];
  for (let d = Date.UTC(2022, 0, 3); d <= Date.parse(`${todayVn}T00:00:00Z`); d += DAY) {
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) {
      out.push(d);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// the targets: one SQLite file and/or one PostgreSQL database, same logical rows

/**
 * Reference rows both targets need, created if missing, and the id maps of each target:
 * committees by name, organisations by folded name, registers by "committee|year|kind", users by
 * username, province agencies by abbreviation, document types by abbreviation.
 */
async function prepareTarget(t, { fold, issuers, now }) {
  const q = t.query;
  const run = t.run;
  const committees = new Map((await q('select id, name from committees')).map((r) => [r.name, r.id]));
  const province = committees.get(DEMO_PROVINCE);
  if (!province) {
    throw new Error(`${t.kind}: the demo committee "${DEMO_PROVINCE}" is missing (demo seed not run?)`);
  }
  for (const root of GENERATED_ROOTS) {
    if (!committees.has(root.name)) {
      await run(
        `insert into committees (parent_id, level_code, name, superior_line, place_name, abbreviation, numbering_rule, active, created_at, updated_at) values (null, 'province', $1, $2, $3, $4, 'party_term', 1, $5, $5)`,
        [root.name, root.superiorLine, root.placeName, root.abbreviation, now],
      );
      committees.set(root.name, (await q('select id from committees where name = $1', [root.name]))[0].id);
    }
    for (const child of root.children) {
      if (!committees.has(child)) {
        const level = child.includes('các cơ quan') ? 'direct' : 'commune';
        const place = child.replace(/^Đảng ủy (xã|phường|đặc khu) /, '');
        await run(
          `insert into committees (parent_id, level_code, name, superior_line, place_name, abbreviation, numbering_rule, active, created_at, updated_at) values ($1, $2, $3, $4, $5, 'ĐU', 'party_term', 1, $6, $6)`,
          [committees.get(root.name), level, child, root.superiorLine, place, now],
        );
        committees.set(child, (await q('select id from committees where name = $1', [child]))[0].id);
      }
    }
  }
  for (const iss of issuers) {
    await run(
      `insert into organizations (name, name_folded, code, kind, active, created_at) values ($1, $2, $3, $4, 1, $5) on conflict (name_folded) do nothing`,
      [iss.name, fold(iss.name), iss.code, iss.kind, now],
    );
  }
  const orgs = new Map(
    (await q('select id, name_folded from organizations')).map((r) => [r.name_folded, r.id]),
  );
  const registers = new Map();
  const lastNumbers = new Map();
  for (const [name] of COMMITTEE_WEIGHTS) {
    const cid = committees.get(name);
    for (const year of YEARS) {
      for (const [kind, label] of [
        ['ordinary', `Sổ đăng ký văn bản đến năm ${year}`],
        ['secret', `Sổ đăng ký văn bản mật đến năm ${year}`],
        ['complaint', `Sổ đăng ký đơn thư năm ${year}`],
      ]) {
        const key = `${name}|${year}|${kind}`;
        let row = (
          await q(
            'select id, last_number from incoming_registers where scope_key = $1 and year = $2 and kind = $3',
            [`c${cid}`, year, kind],
          )
        )[0];
        if (!row) {
          await run(
            `insert into incoming_registers (committee_id, agency_id, scope_key, year, kind, name, last_number, created_at) values ($1, null, $2, $3, $4, $5, 0, $6)`,
            [cid, `c${cid}`, year, kind, label, `${year}-01-01T00:00:00.000Z`],
          );
          row = (
            await q(
              'select id, last_number from incoming_registers where scope_key = $1 and year = $2 and kind = $3',
              [`c${cid}`, year, kind],
            )
          )[0];
        }
        registers.set(key, row.id);
        lastNumbers.set(key, Number(row.last_number));
      }
    }
  }
  const users = new Map((await q('select id, username from users')).map((r) => [r.username, r.id]));
  const agencies = new Map(
    (await q('select id, abbreviation from agencies where committee_id = $1', [province])).map((r) => [
      r.abbreviation,
      r.id,
    ]),
  );
  const docTypes = new Map(
    (await q('select id, abbreviation from document_types')).map((r) => [r.abbreviation, r.id]),
  );
  const maxId = async (table) => Number((await q(`select coalesce(max(id), 0) as m from ${table}`))[0].m);
  return {
    committees,
    orgs,
    registers,
    lastNumbers,
    users,
    agencies,
    docTypes,
    base: {
      doc: await maxId('incoming_documents'),
      rec: await maxId('incoming_recipients'),
      trail: await maxId('incoming_trail'),
    },
    existingDocs: Number((await q('select count(*) as c from incoming_documents'))[0].c),
  };
}

function sqliteTarget(file) {
  const Database = requireFromRoot('better-sqlite3');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  // $1-style placeholders of the shared setup SQL → @p1 named parameters
  const conv = (s) => s.replace(/\$(\d+)/g, '@p$1');
  const named = (p) => Object.fromEntries(p.map((v, i) => [`p${i + 1}`, v]));
  const t = {
    kind: 'sqlite',
    db,
    query: async (s, p = []) => (p.length ? db.prepare(conv(s)).all(named(p)) : db.prepare(s).all()),
    run: async (s, p = []) => void (p.length ? db.prepare(conv(s)).run(named(p)) : db.prepare(s).run()),
  };
  return t;
}

async function pgTarget(url) {
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return {
    kind: 'postgres',
    client: c,
    query: async (s, p = []) => (await c.query(s, p)).rows,
    run: async (s, p = []) => void (await c.query(s, p)),
  };
}

/** Secondary (non-unique, non-constraint) indexes of the loaded tables: dropped before the load, re-created after. */
async function secondaryIndexes(t) {
  if (t.kind === 'sqlite') {
    return t.db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${LOADED_TABLES.map(() => '?').join(',')}) and sql not like 'CREATE UNIQUE%'`,
      )
      .all(...LOADED_TABLES);
  }
  return (
    await t.client.query(
      `select c.relname as name, pg_get_indexdef(i.indexrelid) as sql
         from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class tb on tb.oid = i.indrelid
        where tb.relname = any($1) and not i.indisunique
          and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
      [LOADED_TABLES],
    )
  ).rows;
}

/** Checks that every column we fill exists and no other NOT NULL column lacks a default (schema drift). */
async function checkColumns(t, table, cols) {
  let rows;
  if (t.kind === 'sqlite') {
    rows = t.db
      .prepare(`pragma table_info(${table})`)
      .all()
      .map((r) => ({
        name: r.name,
        notnull: r.notnull === 1,
        hasDefault: r.dflt_value !== null || r.pk === 1,
      }));
  } else {
    rows = (
      await t.client.query(
        `select column_name as name, is_nullable = 'NO' as notnull, column_default is not null as "hasDefault" from information_schema.columns where table_name = $1`,
        [table],
      )
    ).rows;
  }
  const names = new Set(rows.map((r) => r.name));
  const ours = new Set(cols.map(([c]) => c));
  const missing = cols.filter(([c]) => !names.has(c)).map(([c]) => c);
  const unfilled = rows.filter((r) => r.notnull && !r.hasDefault && !ours.has(r.name)).map((r) => r.name);
  if (missing.length || unfilled.length) {
    throw new Error(
      `${t.kind} ${table}: schema drift — columns missing: [${missing}], NOT NULL without default not filled: [${unfilled}]`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// rows

/**
 * Generates the logical documents in arrival order, batch by batch. Each document is an object with
 * symbolic references (committee name, register key, issuer, agency abbreviation, usernames) that
 * each target maps to its own ids.
 */
function* documents({ n, seed, batch, text, issuers, todayVn }) {
  const rand = prng(seed);
  const days = workingDays(todayVn);
  const perDay = n / days.length;
  const committeePick = weighted(COMMITTEE_WEIGHTS);
  const issuerPick = weighted(issuers.map((iss, i) => [i, iss.weight]));
  const recentFrom = Date.parse(`${todayVn}T00:00:00Z`) - 60 * DAY;
  const todayMs = Date.parse(`${todayVn}T00:00:00Z`);
  const provinceAgencies = ['VPTU', 'BTCTU', 'UBKTTU', 'BTGDVTU', 'BNCTU', 'BCSCLTU'];
  let out = [];
  for (let i = 0; i < n; i++) {
    const dayIdx = Math.min(days.length - 1, Math.floor(i / perDay));
    const dayMs = days[dayIdx];
    const k = i - Math.ceil(dayIdx * perDay);
    // 07:30–17:00 Vietnam time, spread evenly, ids follow time
    const vnMs =
      dayMs +
      7.5 * 3_600_000 +
      Math.floor((Math.max(0, k) / (perDay + 1)) * 9.5 * 3_600_000) +
      Math.floor(rand() * 1000);
    const arrivedAt = new Date(vnMs - VN).toISOString();
    const arrivalDate = isoDate(dayMs);
    const year = Number(arrivalDate.slice(0, 4));
    let committee = committeePick(rand);
    if (committee === 'Huyện ủy Sơn Hà' && arrivalDate > HISTORIC_UNTIL) {
      committee = 'Đảng ủy xã Tân Phú';
    }
    const secrecy = SECRECY(rand);
    const secrecyRank = SECRECIES.indexOf(secrecy);
    const complaint = secrecy === 'none' && rand() < 0.02;
    const kind = secrecy !== 'none' ? 'secret' : complaint ? 'complaint' : 'ordinary';
    const registerKey = `${committee}|${year}|${kind}`;
    let issuerIdx = null;
    let issuerName;
    let notation;
    let docNumber;
    let typeAbbr;
    const docDateMs = dayMs - Math.floor(rand() * rand() * 12) * DAY;
    if (complaint) {
      issuerName = pick(rand, FREE_ISSUERS_LIST);
      notation = `Đơn ngày ${isoDate(docDateMs).split('-').reverse().join('/')}`;
      docNumber = null;
      typeAbbr = null;
    } else if (rand() < 0.08) {
      issuerName = pick(rand, FREE_ISSUERS_LIST);
      docNumber = 1 + Math.floor(rand() * 300);
      notation = `${docNumber}/CV`;
      typeAbbr = 'CV';
    } else {
      issuerIdx = issuerPick(rand);
      const iss = issuers[issuerIdx];
      issuerName = iss.name;
      const nt = iss.notation(rand, year);
      notation = nt.notation;
      docNumber = nt.number;
      typeAbbr = nt.typeAbbr;
    }
    const urgency = URGENCY(rand);
    const urgencyRank = URGENCIES.indexOf(urgency);
    const topSecret = secrecy === 'top_secret';
    const summary = topSecret ? null : buildSummary(rand);
    const recent = dayMs >= recentFrom;
    const status = (recent ? STATUS_RECENT : STATUS_OLD)(rand);
    const hasDeadline = urgencyRank >= 1 || rand() < 0.35;
    const deadline = hasDeadline
      ? isoDate(dayMs + (urgencyRank >= 3 ? 1 : 3 + Math.floor(rand() * 18)) * DAY)
      : null;
    const inProvince = committee === DEMO_PROVINCE;
    const reached = {
      presented: status !== 'registered' && status !== 'cancelled',
      directed: ['directed', 'in_progress', 'done'].includes(status),
    };
    const leadAgency = reached.directed && inProvince ? pick(rand, provinceAgencies) : null;
    const leadUser = leadAgency === 'VPTU' && rand() < 0.3 ? 'chuyenvien' : null;
    const directedMs = reached.directed
      ? Math.min(vnMs - VN + (1 + Math.floor(rand() * 3)) * DAY, Date.now())
      : null;
    const doneMs =
      status === 'done'
        ? Math.min((directedMs ?? vnMs - VN) + (1 + Math.floor(rand() * 25)) * DAY, Date.now())
        : null;
    const lastMs = doneMs ?? directedMs ?? vnMs - VN;
    const recipients = [];
    if (leadAgency) {
      recipients.push({ role: 'lead', agency: leadAgency, user: null });
      if (rand() < 0.3) {
        recipients.push({
          role: 'co',
          agency: pick(
            rand,
            provinceAgencies.filter((a) => a !== leadAgency),
          ),
          user: null,
        });
      }
      if (rand() < 0.2) {
        recipients.push({ role: 'info', agency: null, user: 'chuyenvien' });
      }
    }
    const clerk = inProvince ? 'vanthu' : null;
    const trail = [
      {
        action: 'registered',
        actor: clerk,
        actorName: inProvince ? 'Nguyễn Thị Thu Hà' : 'Văn thư',
        at: arrivedAt,
        from: null,
        to: 'registered',
      },
    ];
    if (status !== 'registered') {
      const action = {
        presented: 'presented',
        directed: 'directed',
        in_progress: 'started',
        done: 'completed',
        filed: 'filed',
        cancelled: 'cancelled',
      }[status];
      trail.push({
        action,
        actor: inProvince && reached.directed ? 'bithu' : null,
        actorName: 'Lãnh đạo',
        at: new Date(lastMs).toISOString(),
        from: 'registered',
        to: status,
      });
    }
    const tokens = text.indexTokens(summary, notation, issuerName);
    out.push({
      i,
      committee,
      registerKey,
      arrivedAt,
      arrivalDate,
      channel: CHANNEL(rand),
      issuerIdx,
      issuerName,
      notation,
      notationFolded: text.notationKey(notation),
      docNumber,
      documentDate: isoDate(docDateMs),
      typeAbbr,
      summary,
      signer: complaint ? '' : pick(rand, SIGNERS),
      pageCount: 1 + Math.floor(rand() * rand() * 40),
      copies: rand() < 0.9 ? 1 : 2 + Math.floor(rand() * 4),
      urgency,
      urgencyRank,
      deliverBy: urgency === 'flash_timed' ? new Date(vnMs - VN + 4 * 3_600_000).toISOString() : null,
      secrecy,
      secrecyRank,
      stub: topSecret ? 1 : 0,
      deadline,
      status,
      paperLocation: secrecyRank > 0 ? `Tủ mật số ${1 + Math.floor(rand() * 4)}` : '',
      presentedTo: reached.presented && inProvince ? (rand() < 0.7 ? 'bithu' : 'chanhvp') : null,
      direction: reached.directed ? pick(rand, DIRECTIONS) : '',
      leadAgency,
      leadUser,
      directedAt: directedMs ? new Date(directedMs).toISOString() : null,
      resultNote: status === 'done' ? 'Đã hoàn thành, báo cáo lãnh đạo.' : '',
      cancelReason: status === 'cancelled' ? 'Cơ quan ban hành thu hồi văn bản.' : '',
      completedAt: doneMs ? new Date(doneMs).toISOString() : null,
      completedOn: doneMs ? isoDate(doneMs + VN) : null,
      createdBy: clerk,
      updatedAt: new Date(lastMs).toISOString(),
      version: trail.length,
      recipients,
      trail,
      tokens,
      overdue:
        deadline !== null &&
        deadline < todayVn &&
        ['registered', 'presented', 'directed', 'in_progress'].includes(status),
      todayMs,
    });
    if (out.length === batch) {
      yield out;
      out = [];
    }
  }
  if (out.length) {
    yield out;
  }
}

/** Maps a logical batch to the column arrays of one target (ids offset by the target's existing rows). */
function rowsFor(ids, docs, counters) {
  const d = [];
  const r = [];
  const tr = [];
  const fts = [];
  const idOf = (m, k, what) => {
    if (k === null || k === undefined) {
      return null;
    }
    const v = m.get(k);
    if (v === undefined) {
      throw new Error(`unknown ${what} "${k}"`);
    }
    return v;
  };
  for (const x of docs) {
    const id = ids.base.doc + x.i + 1;
    const number = counters.get(x.registerKey) + 1;
    counters.set(x.registerKey, number);
    d.push([
      id,
      idOf(ids.registers, x.registerKey, 'register'),
      idOf(ids.committees, x.committee, 'committee'),
      number,
      x.arrivedAt,
      x.arrivalDate,
      x.channel,
      x.issuerIdx === null ? null : ids.issuerIds[x.issuerIdx],
      x.issuerName,
      x.notation,
      x.notationFolded,
      x.docNumber,
      x.documentDate,
      x.typeAbbr ? (ids.docTypes.get(x.typeAbbr) ?? null) : null,
      x.summary,
      x.signer,
      x.pageCount,
      x.copies,
      x.urgency,
      x.urgencyRank,
      x.deliverBy,
      x.secrecy,
      x.secrecyRank,
      x.stub,
      x.deadline,
      x.status,
      x.paperLocation,
      '',
      idOf(ids.users, x.presentedTo, 'user'),
      x.direction,
      idOf(ids.agencies, x.leadAgency, 'agency'),
      idOf(ids.users, x.leadUser, 'user'),
      x.directedAt,
      x.resultNote,
      null,
      x.cancelReason,
      x.completedAt,
      x.completedOn,
      0,
      idOf(ids.users, x.createdBy, 'user'),
      x.arrivedAt,
      x.updatedAt,
      x.version,
    ]);
    for (const rc of x.recipients) {
      r.push([
        ids.base.rec + ++ids.recSeq,
        id,
        rc.role,
        idOf(ids.agencies, rc.agency, 'agency'),
        idOf(ids.users, rc.user, 'user'),
        1,
        x.directedAt ?? x.arrivedAt,
      ]);
    }
    for (const t of x.trail) {
      tr.push([
        ids.base.trail + ++ids.trailSeq,
        id,
        t.action,
        idOf(ids.users, t.actor, 'user'),
        t.actorName,
        t.at,
        t.from,
        t.to,
        '',
        '{}',
      ]);
    }
    fts.push([id, x.tokens.join(' ')]);
  }
  return { d, r, tr, fts };
}

function sqliteWriter(t) {
  const ins = (table, cols) =>
    t.db.prepare(
      `insert into ${table} (${cols.map(([c]) => c).join(', ')}) values (${cols.map(() => '?').join(', ')})`,
    );
  const sd = ins('incoming_documents', DOC_COLUMNS);
  const sr = ins('incoming_recipients', RECIPIENT_COLUMNS);
  const st = ins('incoming_trail', TRAIL_COLUMNS);
  const sf = t.db.prepare('insert into incoming_fts (rowid, tokens) values (?, ?)');
  return t.db.transaction(({ d, r, tr, fts }) => {
    for (const row of d) {
      sd.run(row);
    }
    for (const row of r) {
      sr.run(row);
    }
    for (const row of tr) {
      st.run(row);
    }
    for (const row of fts) {
      sf.run(row);
    }
  });
}

/** INSERT … SELECT FROM unnest($1::int[], $2::text[], …): one statement per table per batch. */
function pgInsertSql(table, cols, extra = null) {
  const names = cols.map(([c]) => c);
  const params = cols.map(([, ty], i) => `$${i + 1}::${ty === 'int' ? 'int' : 'text'}[]`);
  if (extra) {
    return `insert into ${table} (${names.join(', ')}, ${extra.column}) select ${names.map((c) => `u.${c}`).join(', ')}, ${extra.expr} from unnest(${params.join(', ')}, $${cols.length + 1}::text[]) as u(${names.join(', ')}, extra__)`;
  }
  return `insert into ${table} (${names.join(', ')}) select * from unnest(${params.join(', ')})`;
}
const columnsOf = (rows, ncols) => Array.from({ length: ncols }, (_, j) => rows.map((row) => row[j]));

async function pgWrite(t, { d, r, tr, fts }) {
  const c = t.client;
  await c.query('begin');
  await c.query(t.sqlDocs, [...columnsOf(d, DOC_COLUMNS.length), fts.map((f) => f[1])]);
  if (r.length) {
    await c.query(t.sqlRec, columnsOf(r, RECIPIENT_COLUMNS.length));
  }
  await c.query(t.sqlTrail, columnsOf(tr, TRAIL_COLUMNS.length));
  await c.query('commit');
}

// ---------------------------------------------------------------------------------------------------

export async function generateIncoming({
  n = DEFAULT_N,
  engines = ['sqlite', 'postgres'],
  seed = 7,
  batch = 5000,
  dir = null,
} = {}) {
  const paths = benchPaths({ n, dir });
  const text = await appText();
  const issuers = buildIssuers();
  const todayVn = isoDate(Date.now() + VN);
  const now = new Date().toISOString();
  const timings = {};
  const targets = [];

  // 1–2. fresh databases, migrated and seeded by the app itself
  const t0 = performance.now();
  if (engines.includes('sqlite')) {
    fs.rmSync(paths.base, { recursive: true, force: true });
    fs.mkdirSync(paths.dataDir, { recursive: true });
    log(`incoming-generate: sqlite ${paths.sqlitePath}: migrate + seed through the app`);
    const s = await startServer({
      engine: 'sqlite',
      dataDir: paths.dataDir,
      seedDemo: true,
      logLevel: 'warn',
    });
    await s.stop({ keepData: true });
    targets.push(sqliteTarget(paths.sqlitePath));
  } else {
    fs.mkdirSync(paths.base, { recursive: true });
  }
  if (engines.includes('postgres')) {
    const pg = requireFromRoot('pg');
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${paths.pgName} with (force)`);
    await admin.query(`create database ${paths.pgName}`);
    await admin.end();
    log(`incoming-generate: postgres ${paths.pgName}: migrate + seed through the app`);
    const s = await startServer({
      engine: 'postgres',
      databaseUrl: paths.pgUrl,
      seedDemo: true,
      logLevel: 'warn',
    });
    await s.stop({ keepData: true });
    targets.push(await pgTarget(paths.pgUrl));
  }
  timings.migrateAndSeedS = round((performance.now() - t0) / 1000, 1);

  // 3. reference rows, then the bulk load
  const fold = text.foldVietnamese;
  for (const t of targets) {
    await checkColumns(t, 'incoming_documents', DOC_COLUMNS);
    await checkColumns(t, 'incoming_recipients', RECIPIENT_COLUMNS);
    await checkColumns(t, 'incoming_trail', TRAIL_COLUMNS);
    t.ids = await prepareTarget(t, { fold, issuers, now });
    t.ids.issuerIds = issuers.map((iss) => t.ids.orgs.get(fold(iss.name)));
    t.ids.recSeq = 0;
    t.ids.trailSeq = 0;
    t.counters = new Map(t.ids.lastNumbers);
    t.indexes = await secondaryIndexes(t);
    t.loadMs = 0;
    if (t.kind === 'sqlite') {
      for (const ix of t.indexes) {
        t.db.exec(`drop index ${ix.name}`);
      }
      t.write = sqliteWriter(t);
    } else {
      await t.client.query('set session_replication_role = replica'); // no FK triggers during the load
      await t.client.query('set synchronous_commit = off');
      for (const ix of t.indexes) {
        await t.client.query(`drop index ${ix.name}`);
      }
      t.sqlDocs = pgInsertSql('incoming_documents', DOC_COLUMNS, {
        column: 'search_vector',
        expr: "array_to_tsvector(string_to_array(u.extra__, ' '))",
      });
      t.sqlRec = pgInsertSql('incoming_recipients', RECIPIENT_COLUMNS);
      t.sqlTrail = pgInsertSql('incoming_trail', TRAIL_COLUMNS);
    }
    log(
      `incoming-generate: ${t.kind}: ${t.indexes.length} secondary indexes dropped for the load; ${t.ids.existingDocs} documents already there`,
    );
  }
  if (targets.length === 2) {
    const [a, b] = targets;
    for (const [k, v] of a.ids.lastNumbers) {
      if (b.ids.lastNumbers.get(k) !== v) {
        log(
          `incoming-generate: warning: register ${k} starts at ${v} on ${a.kind} and ${b.ids.lastNumbers.get(k)} on ${b.kind}`,
        );
      }
    }
  }

  // match counts of the benchmark queries (same tokenisation as the app's query side)
  const stats = SEARCH_QUERIES.map((s) => ({
    ...s,
    notation: text.looksLikeNotation(s.q),
    key: text.looksLikeNotation(s.q) ? text.notationKey(s.q) : null,
    tokens: text.looksLikeNotation(s.q) ? [] : text.queryTokens(s.q),
    all: 0,
    vanthu: 0,
  }));
  const demoTree = new Set(COMMITTEE_WEIGHTS.slice(0, 7).map(([c]) => c));
  const counts = {
    docs: 0,
    vanthu: 0,
    overdueAll: 0,
    overdueVanthu: 0,
    secret: 0,
    recipients: 0,
    trail: 0,
    byStatus: {},
    byUrgency: {},
    vanthuByYear: {},
  };

  const tLoad = performance.now();
  let pgPending = null;
  for (const docs of documents({ n, seed, batch, text, issuers, todayVn })) {
    for (const t of targets) {
      const rows = rowsFor(t.ids, docs, t.counters);
      if (t.kind === 'sqlite') {
        const a = performance.now();
        t.write(rows);
        t.loadMs += performance.now() - a;
      } else {
        // overlap: PostgreSQL works on this batch while Node generates the next one
        if (pgPending) {
          await pgPending;
        }
        const a = performance.now();
        pgPending = pgWrite(t, rows).then(() => {
          t.loadMs += performance.now() - a;
        });
      }
    }
    for (const x of docs) {
      const visible = demoTree.has(x.committee) && x.secrecyRank <= 2;
      counts.docs++;
      counts.byStatus[x.status] = (counts.byStatus[x.status] ?? 0) + 1;
      counts.byUrgency[x.urgency] = (counts.byUrgency[x.urgency] ?? 0) + 1;
      counts.secret += x.secrecyRank > 0 ? 1 : 0;
      counts.recipients += x.recipients.length;
      counts.trail += x.trail.length;
      if (x.overdue) {
        counts.overdueAll++;
      }
      if (visible) {
        counts.vanthu++;
        counts.overdueVanthu += x.overdue ? 1 : 0;
        const y = x.arrivalDate.slice(0, 4);
        counts.vanthuByYear[y] = (counts.vanthuByYear[y] ?? 0) + 1;
      }
      const set = new Set(x.tokens);
      for (const s of stats) {
        const hit = s.notation
          ? x.notationFolded.startsWith(s.key)
          : s.tokens.length > 0 && s.tokens.every((tk) => set.has(tk));
        if (hit) {
          s.all++;
          s.vanthu += visible ? 1 : 0;
        }
      }
    }
    if (counts.docs % 100_000 < batch) {
      log(
        `incoming-generate: ${counts.docs.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} (${round((performance.now() - tLoad) / 1000, 0)} s)`,
      );
    }
  }
  if (pgPending) {
    await pgPending;
  }
  timings.generateAndLoadS = round((performance.now() - tLoad) / 1000, 1);

  // 4. registers' counters, indexes, statistics
  const sizes = {};
  for (const t of targets) {
    const a = performance.now();
    for (const [key, last] of t.counters) {
      if (last !== t.ids.lastNumbers.get(key)) {
        await t.run('update incoming_registers set last_number = $1 where id = $2', [
          last,
          t.ids.registers.get(key),
        ]);
      }
    }
    if (t.kind === 'sqlite') {
      for (const ix of t.indexes) {
        t.db.exec(ix.sql);
      }
      const idx = performance.now();
      t.db.exec(`insert into incoming_fts (incoming_fts) values ('optimize')`);
      const opt = performance.now();
      t.db.exec('analyze');
      t.db.pragma('wal_checkpoint(TRUNCATE)');
      t.db.pragma('foreign_keys = ON');
      const fk = t.db.prepare('pragma foreign_key_check(incoming_documents)').all().length;
      const dbstat = (names) =>
        t.db
          .prepare(
            `select coalesce(sum(pgsize), 0) as b from dbstat where name in (${names.map(() => '?').join(',')})`,
          )
          .get(...names).b;
      const ftsNames = t.db
        .prepare(`select name from sqlite_master where name like 'incoming_fts%' and type = 'table'`)
        .all()
        .map((r) => r.name);
      const docIndexes = t.db
        .prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'incoming_documents'`)
        .all()
        .map((r) => r.name);
      sizes.sqlite = {
        fileMB: round(fs.statSync(paths.sqlitePath).size / 1e6, 0),
        documentsTableMB: round(dbstat(['incoming_documents']) / 1e6, 0),
        documentsIndexesMB: round(dbstat(docIndexes) / 1e6, 0),
        ftsMB: round(dbstat(ftsNames) / 1e6, 0),
        trailAndRecipientsMB: round(
          dbstat(
            t.db
              .prepare(
                `select name from sqlite_master where tbl_name in ('incoming_trail', 'incoming_recipients')`,
              )
              .all()
              .map((r) => r.name),
          ) / 1e6,
          0,
        ),
      };
      timings.sqlite = {
        loadS: round(t.loadMs / 1000, 1),
        indexesS: round((idx - a) / 1000, 1),
        ftsOptimizeS: round((opt - idx) / 1000, 1),
        analyzeS: round((performance.now() - opt) / 1000, 1),
        foreignKeyViolations: fk,
      };
      t.db.close();
    } else {
      const c = t.client;
      await c.query('set session_replication_role = origin');
      await c.query(`set maintenance_work_mem = '512MB'`);
      for (const ix of t.indexes) {
        await c.query(ix.sql);
      }
      for (const table of ['incoming_documents', 'incoming_recipients', 'incoming_trail']) {
        await c.query(
          `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
        );
      }
      const idx = performance.now();
      await c.query(
        'vacuum analyze incoming_documents, incoming_recipients, incoming_trail, incoming_registers, organizations, committees',
      );
      const size = async (s) => Number((await c.query(s)).rows[0].b);
      sizes.postgres = {
        databaseMB: round((await size(`select pg_database_size(current_database()) as b`)) / 1e6, 0),
        documentsTableMB: round((await size(`select pg_table_size('incoming_documents') as b`)) / 1e6, 0),
        documentsIndexesMB: round((await size(`select pg_indexes_size('incoming_documents') as b`)) / 1e6, 0),
        ginMB: round((await size(`select pg_relation_size('incoming_search') as b`)) / 1e6, 0),
        trailAndRecipientsMB: round(
          ((await size(`select pg_total_relation_size('incoming_trail') as b`)) +
            (await size(`select pg_total_relation_size('incoming_recipients') as b`))) /
            1e6,
          0,
        ),
      };
      timings.postgres = {
        loadS: round(t.loadMs / 1000, 1),
        indexesS: round((idx - a) / 1000, 1),
        vacuumAnalyzeS: round((performance.now() - idx) / 1000, 1),
      };
      await c.end();
    }
  }
  // flush the gigabytes just written, so the benchmarks that follow do not wait behind the writeback
  execFileSync('sync');
  timings.totalS = round((performance.now() - t0) / 1000, 1);
  const manifest = {
    n,
    seed,
    builtAt: now,
    todayVn,
    engines,
    paths: {
      sqlite: engines.includes('sqlite') ? paths.sqlitePath : null,
      postgres: engines.includes('postgres') ? paths.pgName : null,
    },
    timings,
    sizes,
    counts: { ...counts, vanthuShare: round(counts.vanthu / counts.docs, 3) },
    queries: stats.map(({ cls, q, tokens, key, all, vanthu }) => ({
      cls,
      q,
      tokens,
      notationKey: key,
      all,
      vanthu,
      shareAll: round(all / counts.docs, 4),
    })),
    committees: COMMITTEE_WEIGHTS.length,
    issuers: issuers.length,
  };
  fs.writeFileSync(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const m = await generateIncoming({
    n: a.n ?? DEFAULT_N,
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
    seed: a.seed ?? 7,
    batch: a.batch ?? 5000,
    dir: a.dir ?? null,
  });
  printJson(m);
}
