import type { FacetValue, SearchFacets, SearchHit, SearchQuery, SearchResult } from '@vanphong/contracts';
import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { rarestToken, tokenFrequencies } from '../../platform/db/token-stats.ts';
import { looksLikeNotation, notationKey, queryTokens } from '../../platform/text/tokens.ts';
import type { Actor } from '../auth/auth.models.ts';
import { firstIdOfDay } from './search.index.ts';
import { holdsQuery, queryForms, scoreFields, snippetOf, type QueryForms } from './search.rank.ts';
import { searchSources } from './search.registry.ts';
import type { Described, EntryPredicate, SearchSource } from './search.sources.ts';

/**
 * Matches are counted up to here at most ("1 000+" beyond), facets are counted over them and relevance
 * re-ranks them (docs search-at-scale: exact counts and engine-side ranking over a common word cost
 * 0.25–2.4 s at a million documents; the newest thousand visible matches cost milliseconds).
 */
export const SEARCH_CAP = 1_000;

/**
 * How far a search walks (docs/benchmarks.md, Search): always the first `first` visible matches (or the
 * requested page, if further), then on in growing chunks while the walk has taken less than `budgetMs` —
 * so a common word under a wide viewer counts to SEARCH_CAP, and a walk that finds few visible matches
 * per entry read (a narrow viewer, a filter that keeps few) stops early and says so: `cap` is then what
 * was counted, `totalCapped` true ("more than {cap}"). Counts and facets always cover the same matches.
 * Mutable for tests only.
 */
export const walkTuning = { first: 50, budgetMs: 20 };

/**
 * PostgreSQL: a word held by fewer entries than this share is read from the GIN index and sorted; a
 * commoner one is met soon enough walking the entries in date order (tokenFrequencies: a word absent
 * from the statistics is rarer than every word listed).
 */
const RARE_TOKEN = 0.01;

interface Candidate {
  entryId: number;
  kind: string;
  refId: number;
}

type Mode = SearchResult['mode'];

const SECRECY_LABELS: Record<string, string> = { none: 'Thường', confidential: 'Mật', secret: 'Tối mật', top_secret: 'Tuyệt mật' };

interface WalkSpec {
  mode: Mode;
  q: string;
  dir: 'asc' | 'desc';
  year: number | undefined;
}

/**
 * One statement of the walk: the index in date order under the callers' visibility, from after `cursor`
 * (an entry id, exclusive), at most `limit` rows. `preds` are the kinds' predicates, OR-ed.
 */
async function walkStep(ctx: AppContext, spec: WalkSpec, preds: EntryPredicate[], cursor: number | null, limit: number): Promise<Candidate[]> {
  const { db, dialect: d } = ctx;
  const { mode, q, dir, year } = spec;
  const tokens = mode === 'text' ? queryTokens(q) : [];
  const ftsSqlite = mode === 'text' && d.kind === 'sqlite';
  const idCol = ftsSqlite ? sql`search_fts.rowid` : sql`e.id`;
  let qb = (
    ftsSqlite
      ? db
          .selectFrom(sql`search_fts`.as('search_fts'))
          .crossJoin('search_entries as e')
          .where(sql<SqlBool>`search_fts match ${tokens.map((t) => `"${t}"`).join(' AND ')}`)
          .where(sql<SqlBool>`search_fts.rowid = e.id`)
      : db.selectFrom('search_entries as e')
  ) as unknown as ReturnType<typeof db.selectFrom<'search_entries as e'>>;
  let order = idCol;
  if (mode === 'text' && d.kind === 'postgres') {
    // Tokens are [a-z0-9_] only (tokens.ts), so quoting them keeps tsquery syntax out. The index condition
    // names the rarest token only, the rest is rechecked (incoming.search.ts explains why).
    const full = tokens.map((t) => `'${t}'`).join(' & ');
    const freqs = await tokenFrequencies(db, d, 'search_entries');
    const rarest = freqs ? rarestToken(tokens, freqs) : null;
    qb =
      freqs && tokens.length > 1
        ? qb.where(sql<SqlBool>`e.search_vector @@ ${`'${rarest}'`}::tsquery and coalesce(e.search_vector @@ ${full}::tsquery, false)`)
        : qb.where(sql<SqlBool>`e.search_vector @@ ${full}::tsquery`);
    if (rarest !== null && (freqs!.get(rarest) ?? 0) < RARE_TOKEN) {
      // A rare word: its postings from the GIN index, then sorted. Ordered by the key itself, a short LIMIT
      // makes the planner walk the whole table backwards hoping to meet matches soon (1.8–6.5 s at 1M
      // for a rare or absent word under a limit of 51); `+ 0` takes that plan away.
      order = sql`e.id + 0`;
    }
  }
  if (mode === 'notation') {
    const key = notationKey(q);
    qb = qb.where('e.notation_folded', '>=', key).where('e.notation_folded', '<', `${key}\uffff`);
  }
  if (year !== undefined) {
    // The entry id follows the record's date, which is the date the year filter reads: bound the walk.
    qb = qb.where(sql<SqlBool>`${idCol} >= ${firstIdOfDay(`${year}-01-01`)} and ${idCol} < ${firstIdOfDay(`${year + 1}-01-01`)}`);
  }
  if (cursor !== null) {
    qb = qb.where(dir === 'desc' ? sql<SqlBool>`${idCol} < ${cursor}` : sql<SqlBool>`${idCol} > ${cursor}`);
  }
  const rows = await qb
    .where((eb) => (preds.length === 1 ? preds[0]!(eb as never) : eb.or(preds.map((p) => p(eb as never)))))
    .select(['e.id', 'e.kind', 'e.ref_id'])
    .orderBy(order, dir)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ entryId: Number(r.id), kind: r.kind, refId: r.ref_id }));
}

/**
 * PostgreSQL: a word no entry holds ends the search before any visibility is planned (one GIN probe) —
 * for a narrow viewer the planner may otherwise start by collecting every record he may see (0.4–1 s at 1M
 * for a word nobody wrote: docs/benchmarks.md, Search). Nothing is shown or counted either way.
 */
async function noPosting(ctx: AppContext, spec: WalkSpec): Promise<boolean> {
  if (ctx.dialect.kind !== 'postgres' || spec.mode !== 'text') {
    return false;
  }
  const tokens = queryTokens(spec.q);
  const freqs = await tokenFrequencies(ctx.db, ctx.dialect, 'search_entries');
  if (!freqs) {
    return false;
  }
  const rarest = rarestToken(tokens, freqs);
  if ((freqs.get(rarest) ?? 0) >= RARE_TOKEN) {
    return false;
  }
  // A count, not `limit 1`: under LIMIT 1 the planner scans the table hoping to meet a match (4–7 s for
  // an absent word); counting a rare word's postings reads its GIN entry only.
  const r = await ctx.db
    .selectFrom('search_entries as e')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(sql<SqlBool>`e.search_vector @@ ${`'${rarest}'`}::tsquery`)
    .executeTakeFirstOrThrow();
  return Number(r.n) === 0;
}

/**
 * One step over every kind. PostgreSQL gets one statement per kind: an EXISTS under OR is run as a hashed
 * subplan that first collects every visible record (128,000 for the clerk at 1M), while one kind's EXISTS
 * alone becomes a join that probes each walked entry's record by key (92 → 59 ms for a common word,
 * 466 → 152 ms with a type filter: docs/benchmarks.md, Search). The steps are merged in id order, which is
 * the order of one walk over the union. SQLite walks FTS5 once (a walk per kind would read the postings
 * once per kind).
 */
async function walkAll(ctx: AppContext, spec: WalkSpec, preds: EntryPredicate[], cursor: number | null, limit: number): Promise<Candidate[]> {
  if (ctx.dialect.kind !== 'postgres' || preds.length === 1 || spec.mode === 'notation') {
    // A notation's few entries: under OR each one's record is checked as it comes (a subplan); one kind
    // alone became a semi-join that, for a narrow viewer, first collected every record he may see
    // (chuyenvien at 1M: 43 ms p50 instead of 8).
    return walkStep(ctx, spec, preds, cursor, limit);
  }
  const parts = await Promise.all(preds.map((p) => walkStep(ctx, spec, [p], cursor, limit)));
  const merged = parts.flat().sort((a, b) => (spec.dir === 'desc' ? b.entryId - a.entryId : a.entryId - b.entryId));
  return merged.slice(0, limit);
}

/**
 * The visible matches a search considers, in date order: at least `need` (the page) and `first`, then
 * on in chunks twice the size of what it holds while the time spent predicts the next chunk fits in the
 * budget, up to `cap` (+1 to know there is more). `more` is whether matches exist past those returned.
 */
async function walk(ctx: AppContext, spec: WalkSpec, preds: EntryPredicate[], need: number, cap: number): Promise<{ rows: Candidate[]; more: boolean }> {
  const started = performance.now();
  const rows: Candidate[] = [];
  if (await noPosting(ctx, spec)) {
    return { rows, more: false };
  }
  let want = Math.min(cap, Math.max(need, walkTuning.first));
  for (;;) {
    const step = await walkAll(ctx, spec, preds, rows.length > 0 ? rows[rows.length - 1]!.entryId : null, want - rows.length + 1);
    rows.push(...step);
    if (rows.length <= want) {
      return { rows, more: false };
    }
    rows.pop(); // the one past `want`: there is more
    const spent = performance.now() - started;
    const next = Math.min(cap, want * 2);
    if (want >= cap || spent + (spent / want) * (next - want) > walkTuning.budgetMs) {
      return { rows, more: true };
    }
    want = next;
  }
}

function countBy<T extends Described>(items: T[], key: (d: T) => { value: string; label: string } | null, max = 20): FacetValue[] {
  const m = new Map<string, FacetValue>();
  for (const it of items) {
    const k = key(it);
    if (!k) {
      continue;
    }
    const f = m.get(k.value) ?? { value: k.value, label: k.label, count: 0 };
    f.count += 1;
    m.set(k.value, f);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi')).slice(0, max);
}

function facetsOf(items: (Described & { kind: string })[], labels: Map<string, string>): SearchFacets {
  return {
    kind: countBy(items, (d) => ({ value: d.kind, label: labels.get(d.kind) ?? d.kind })),
    documentType: countBy(items, (d) => (d.documentTypeId ? { value: String(d.documentTypeId), label: d.documentTypeName ?? '' } : null)),
    issuer: countBy(items, (d) => (d.issuerName ? { value: d.issuerName, label: d.issuerName } : null)),
    year: countBy(items, (d) => (d.year ? { value: String(d.year), label: String(d.year) } : null)).sort((a, b) => Number(b.value) - Number(a.value)),
    status: countBy(items, (d) => ({ value: d.status, label: d.statusLabel })),
    secrecy: countBy(items, (d) => ({ value: d.secrecy, label: SECRECY_LABELS[d.secrecy] ?? d.secrecy })),
  };
}

const emptyFacets = (): SearchFacets => ({ kind: [], documentType: [], issuer: [], year: [], status: [], secrecy: [] });

type Row = Described & { kind: string; entryId: number; score: number };

/** Snippets for the page: from the record's title when the words are there, else from its text. */
async function presentPage(ctx: AppContext, page: Row[], forms: QueryForms, mode: Mode, bySource: Map<string, SearchSource>): Promise<SearchHit[]> {
  const needBody = new Map<string, number[]>();
  const fromTitle = new Map<Row, ReturnType<typeof snippetOf>>();
  for (const r of page) {
    // From the title only when it holds the query (one shared syllable is not a match: "Mát" vs "bí mật").
    const s = mode === 'text' && holdsQuery(r.title, forms) ? snippetOf(r.title, forms) : null;
    fromTitle.set(r, s);
    // A secret record's snippet is its title only: reading its body or files is audited on its page.
    if (mode === 'text' && !s && r.secrecy === 'none') {
      needBody.set(r.kind, [...(needBody.get(r.kind) ?? []), r.refId]);
    }
  }
  const bodies = new Map<string, Map<number, string>>();
  for (const [kind, ids] of needBody) {
    bodies.set(kind, await bySource.get(kind)!.bodies(ctx.db, ids));
  }
  return page.map((r) => {
    let snip = fromTitle.get(r) ?? null;
    let matchedIn: SearchHit['matchedIn'] = mode === 'notation' ? 'notation' : snip ? 'metadata' : 'none';
    if (!snip && mode === 'text') {
      // The first 100,000 characters: a snippet's cost must not grow with a 500-page attachment.
      const body = bodies.get(r.kind)?.get(r.refId)?.slice(0, 100_000);
      snip = body ? snippetOf(body, forms) : null;
      matchedIn = snip ? 'text' : 'metadata';
    }
    const fallback = r.title.length > 220 ? `${r.title.slice(0, 219)}…` : r.title;
    return {
      kind: r.kind as SearchHit['kind'],
      id: r.refId,
      title: r.title,
      notation: r.notation,
      snippet: snip?.snippet ?? fallback,
      highlights: snip?.highlights ?? [],
      matchedIn,
      date: r.date,
      documentTypeId: r.documentTypeId,
      documentTypeName: r.documentTypeName,
      issuerName: r.issuerName,
      status: r.status,
      secrecy: r.secrecy as SearchHit['secrecy'],
      urgency: r.urgency as SearchHit['urgency'],
      url: r.url,
      score: r.score,
    };
  });
}

/**
 * The one search. Every kind the caller may read contributes its own visibility rule and filters to
 * a single walk of the index (date order), so results, the count and the facets all come from the same
 * visible matches: nothing hidden is counted, shown or hinted at.
 */
export async function search(ctx: AppContext, actor: Actor, query: SearchQuery): Promise<SearchResult> {
  const started = performance.now();
  const filters = { documentTypeId: query.documentTypeId, issuer: query.issuer, year: query.year, status: query.status, secrecy: query.secrecy };
  const sources = searchSources().filter((s) => query.kind === undefined || s.kind === query.kind);
  const preds: EntryPredicate[] = [];
  const bySource = new Map<string, SearchSource>();
  for (const s of sources) {
    const p = await s.visibility(ctx, actor, filters);
    if (p) {
      preds.push(p);
      bySource.set(s.kind, s);
    }
  }
  const q = query.q.normalize('NFC');
  const mode: Mode = looksLikeNotation(q) ? 'notation' : queryTokens(q).length > 0 ? 'text' : 'filters';
  if (preds.length === 0) {
    return { cap: SEARCH_CAP, limit: query.limit, offset: query.offset, mode, total: 0, totalCapped: false, items: [], facets: emptyFacets(), tookMs: performance.now() - started };
  }
  const spec: WalkSpec = { mode, q, dir: query.sort === 'date_asc' ? 'asc' : 'desc', year: query.year };
  const { rows: counted, more } = await walk(ctx, spec, preds, query.offset + query.limit, SEARCH_CAP);
  // What was counted: SEARCH_CAP, or less when the walk stopped on its time budget ("more than {cap}").
  const cap = more ? counted.length : SEARCH_CAP;
  const base = { cap, limit: query.limit, offset: query.offset, mode };
  const described = new Map<string, Described>();
  for (const [kind, source] of bySource) {
    const ids = counted.filter((c) => c.kind === kind).map((c) => c.refId);
    if (ids.length > 0) {
      for (const x of await source.describe(ctx.db, ids, ctx.clock.now())) {
        described.set(`${kind}:${x.refId}`, x);
      }
    }
  }
  const forms = queryForms(q);
  const notationWanted = mode === 'notation' ? notationKey(q) : '';
  const rows: Row[] = counted.flatMap((c) => {
    const x = described.get(`${c.kind}:${c.refId}`);
    if (!x) {
      return [];
    }
    const score =
      mode === 'text' && query.sort === 'relevance'
        ? scoreFields(x.title, [x.notation, x.issuerName], forms)
        : mode === 'notation' && x.notation && notationKey(x.notation) === notationWanted
          ? 10
          : 0;
    return [{ ...x, kind: c.kind, entryId: c.entryId, score }];
  });
  if (query.sort === 'relevance') {
    rows.sort((a, b) => b.score - a.score); // stable: equal scores keep date order
  }
  const labels = new Map([...bySource].map(([k, s]) => [k, s.label]));
  const items = await presentPage(ctx, rows.slice(query.offset, query.offset + query.limit), forms, mode, bySource);
  return {
    ...base,
    total: rows.length,
    totalCapped: more,
    items,
    facets: facetsOf(rows, labels),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
