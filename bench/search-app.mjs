// In-process access to the server's own search code for the search benchmarks (issue 7): the modules
// loaded once through tsx (one module graph), an AppContext built by the app's own `createContext` on a
// benchmark database, a statement timer (a Kysely plugin on that context: every statement the app issues,
// with its SQL, parameters and time), and an Actor built the way the session hook builds it.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, requireFromRoot, round } from './lib.mjs';

const SRC = path.join(ROOT, 'apps/server/src');
/** Kysely's `sql` tag (the same package the app uses). */
export const { sql } = requireFromRoot('kysely');
let loaded = null;

export async function searchModules() {
  if (loaded) {
    return loaded;
  }
  const { register } = await import('tsx/esm/api');
  register();
  const m = (p) => import(path.join(SRC, p));
  const [config, context, rebuild, query, authRepo, tokens, registry, contracts] = await Promise.all([
    m('config.ts'),
    m('platform/context.ts'),
    m('modules/search/search.rebuild.ts'),
    m('modules/search/search.query.ts'),
    m('modules/auth/auth.repository.ts'),
    m('platform/text/tokens.ts'),
    m('modules/search/search.registry.ts'),
    import(path.join(ROOT, 'packages/contracts/src/index.ts')),
  ]);
  loaded = { config, context, rebuild, query, authRepo, tokens, registry, contracts };
  return loaded;
}

/** The app's own context on the benchmark database of `engine` (`paths` from incoming-generate's benchPaths). */
export async function appContext(engine, paths) {
  const { config, context } = await searchModules();
  const cfg = config.loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATA_DIR: paths.dataDir,
    DATABASE_URL: engine === 'postgres' ? paths.pgUrl : '',
  });
  return context.createContext({ config: cfg });
}

/**
 * A copy of `ctx` whose database handle times every statement (plugins apply inside transactions too).
 * A statement's time runs from Kysely handing it to the driver's compile step to its result: the engine,
 * the driver and Kysely compiling that one statement. `records` collects { node, ms, queryId }; `sqlOf`
 * compiles a record's node to { sql, parameters } for printing, classifying and re-running it.
 */
export function timedContext(ctx, { onRecord = null } = {}) {
  const started = new WeakMap();
  const records = [];
  const plugin = {
    transformQuery({ node, queryId }) {
      started.set(queryId, { t: performance.now(), node });
      return node;
    },
    async transformResult({ result, queryId }) {
      const s = started.get(queryId);
      if (s && onRecord) {
        onRecord(s.node, performance.now() - s.t);
      } else if (s) {
        records.push({ node: s.node, queryId, ms: performance.now() - s.t });
      }
      return result;
    },
  };
  const db = ctx.db.withPlugin(plugin);
  const sqlOf = (r) => {
    const c = db.getExecutor().compileQuery(r.node, r.queryId);
    return { sql: c.sql, parameters: [...c.parameters] };
  };
  return { ctx: { ...ctx, db }, records, sqlOf };
}

/** Self time by function (top `top`) and by area of a V8 CPU profile. */
export function summariseProfile(profile, top = 25) {
  const self = new Map();
  const dt = profile.timeDeltas;
  const idx = new Map(profile.nodes.map((n, i) => [n.id, i]));
  const hits = new Array(profile.nodes.length).fill(0);
  for (let i = 0; i < profile.samples.length; i++) {
    hits[idx.get(profile.samples[i])] += dt[i] ?? 0;
  }
  let total = 0;
  const byArea = new Map();
  profile.nodes.forEach((n, i) => {
    const us = hits[i];
    if (!us) {
      return;
    }
    total += us;
    const f = n.callFrame;
    const file = f.url.replace(/^file:\/\//, '').replace(/.*\/(apps|packages|node_modules)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + us);
    const area = !f.url
      ? f.functionName.startsWith('(')
        ? f.functionName
        : 'native'
      : f.url.includes('node_modules/kysely')
        ? 'kysely'
        : f.url.includes('node_modules/better-sqlite3')
          ? 'better-sqlite3'
          : f.url.includes('node_modules/pg')
            ? 'pg'
            : f.url.includes('platform/text')
              ? 'app: text (fold, tokens)'
              : f.url.includes('apps/server')
                ? 'app: other'
                : f.url.startsWith('node:')
                  ? 'node core'
                  : 'other';
    byArea.set(area, (byArea.get(area) ?? 0) + us);
  });
  const pct = (us) => round((100 * us) / total, 1);
  return {
    sampledS: round(total / 1e6, 1),
    byArea: [...byArea].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, pct: pct(us) })),
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, pct: pct(us) })),
  };
}

/** The Actor the session hook would build for `username` (auth.repository.ts actorFromSessionRow). */
export async function actorOf(ctx, username) {
  const { authRepo } = await searchModules();
  const u = await authRepo.findUserByUsername(ctx.db, username);
  if (!u) {
    throw new Error(`no user ${username}`);
  }
  const roles = await authRepo.rolesOfUser(ctx.db, u.id);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: roles.codes,
    permissions: roles.permissions,
    clearance: u.clearance,
    scopeCommitteeId: u.scope_committee_id,
    scopeAgencyId: u.scope_agency_id,
    sessionId: 'bench',
  };
}

const tableOf = (x) =>
  !x
    ? ''
    : x.kind === 'TableNode'
      ? x.table.identifier.name
      : x.kind === 'AliasNode'
        ? tableOf(x.node)
        : x.kind === 'RawNode'
          ? x.sqlFragments.join('?')
          : x.kind;

/**
 * The same labels as `classify`, from the operation node without compiling it (the rebuild's inserts
 * carry megabytes of tokens: compiling them twice would distort what is measured).
 */
export function classifyNode(node) {
  switch (node.kind) {
    case 'InsertQueryNode':
      return `insert ${tableOf(node.into)}`;
    case 'DeleteQueryNode':
      return tableOf(node.from?.froms?.[0]) === 'search_entries'
        ? 'clear'
        : `delete ${tableOf(node.from?.froms?.[0])}`;
    case 'RawNode': {
      const s = node.sqlFragments.join('?').trim().toLowerCase();
      return s.startsWith('insert into search_fts (rowid') ? 'insert search_fts' : classify(s);
    }
    case 'SelectQueryNode': {
      const t = tableOf(node.from?.froms?.[0]);
      const cols = JSON.stringify(node.selections ?? []);
      if (t === 'incoming_documents' || t === 'outgoing_documents') {
        return node.selections?.length === 1 && node.orderBy ? 'ids of a batch' : 'load: records';
      }
      if (t === 'incoming_attachments' || t === 'outgoing_attachments' || t === 'outgoing_versions') {
        return 'load: attachments';
      }
      if (t === 'file_texts') {
        return cols.includes('"text"') ? 'read file texts' : 'queue file texts';
      }
      return `select ${t}`;
    }
    default:
      return node.kind;
  }
}

/** A short label for a statement of the search or of the rebuild, from its SQL. */
export function classify(sql) {
  const s = sql.replace(/\s+/g, ' ').toLowerCase();
  if (s.startsWith('insert into "search_entries"') || s.startsWith('insert into search_entries')) {
    return 'insert search_entries';
  }
  if (s.startsWith('insert into search_fts')) {
    return s.includes("'optimize'")
      ? 'fts5 optimize'
      : s.includes("'delete-all'")
        ? 'clear'
        : 'insert search_fts';
  }
  if (s.startsWith('delete from "search_entries"') || s.startsWith('delete from search_entries')) {
    return 'clear';
  }
  if (s.startsWith('analyze')) {
    return 'analyze';
  }
  if (
    s.includes('from "search_fts"') ||
    s.includes('from search_fts') ||
    (s.includes('"search_entries" as "e"') && s.includes(' limit '))
  ) {
    return 'walk';
  }
  if (s.includes('from "incoming_documents" as "d"') || s.includes('from "outgoing_documents" as "d"')) {
    return 'describe';
  }
  if (s.includes('"file_texts" as "x"')) {
    return 'bodies (snippets)';
  }
  if (s.includes('from "file_texts"') && s.includes('"text"')) {
    return 'read file texts';
  }
  if (s.includes('file_texts')) {
    return 'queue file texts';
  }
  if (s.includes('from "incoming_attachments"')) {
    return 'load: attachments';
  }
  if (
    s.startsWith('select "id" from "incoming_documents"') ||
    s.startsWith('select "id" from "outgoing_documents"')
  ) {
    return 'ids of a batch';
  }
  if (s.includes('from "incoming_documents"') || s.includes('from "outgoing_documents"')) {
    return 'load: records';
  }
  if (s.includes('pg_stats')) {
    return 'token statistics';
  }
  if (s.includes('audit')) {
    return 'audit';
  }
  if (s.includes('committees') || s.includes('agencies') || s.includes('users') || s.includes('roles')) {
    return 'viewer (scope, roles)';
  }
  return 'other';
}
