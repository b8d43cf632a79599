/**
 * From a conclusion to tasks in one step (issue 5 §2): the text of a conclusion, notice, directive or
 * plan ("Thông báo kết luận của Ban Thường vụ Tỉnh ủy …") becomes draft tasks that a specialist
 * reviews, edits and confirms. Pure: no database; the caller passes the directory of bodies.
 *
 * - Items are the numbered lines "1.", "2.", "a)", "b)", "-", "+", "•"; Roman headings "I.", "II." are
 *   not tasks (their items are), nor is an item that has items of its own (its children are, and
 *   keep its lead, and its deadline when they write none). Wrapped lines are joined to their item; a
 *   new sentence starting a line after a finished one ("… thực hiện.") is a free paragraph and ends
 *   the item, unless it is the item's tail ("Thời gian hoàn thành: …"); "Nơi nhận:" and the signature
 *   block end the list.
 * - Bodies are matched against the directory by their names and common short forms (folded, so marks
 *   and punctuation do not matter; the longest name wins): the first body named outside a "phối hợp"
 *   clause (or the one that "chủ trì") is the lead; bodies after "phối hợp (với)" are co-bodies. A group
 *   ("Ban Thường vụ các đảng ủy xã, phường, đặc khu", "các đảng ủy trực thuộc") as the lead makes one
 *   draft per committee of the group (one lead each); as co-bodies, all of them.
 * - Deadlines: "trước ngày 30/6/2026", "chậm nhất ngày 15-01-2027", "trong tháng 12/2026",
 *   "quý III/2026", "6 tháng đầu năm 2027", "trong năm 2027", "trước 31/12" (the year of the document,
 *   or the next one when that day is already past) → an ISO date; the first one written wins.
 */
import type { BodyRef } from '@vanphong/contracts';

export interface DirectoryBody {
  committeeId: number;
  agencyId: number | null;
  /** The body's name: "Ban Tổ chức Tỉnh ủy", "Văn phòng Đảng ủy", "Đảng ủy xã Tân Phú". */
  name: string;
  abbreviation: string;
  /** The committee's name (for an agency: its committee's). */
  committeeName: string;
  /** For a committee: its level code (commune, direct, …). */
  level: string | null;
  /** True for the actor's own committee's agencies (their short forms "Ban Tổ chức" are unambiguous). */
  own: boolean;
}

export interface DraftItem {
  label: string;
  content: string;
  paragraph: string;
  deadline: string | null;
  lead: BodyRef | null;
  co: BodyRef[];
}

/* ---------------------------------------------------------------- limits */

/**
 * The parse is linear in the text (a pass or two over each item, a word trie for the names), and the
 * input is bounded as well: a conclusion worth splitting is a few pages, not a book. The route refuses
 * more than `MAX_CONCLUSION_CHARS` (422 `tasks.conclusion_too_long`); the parser itself never reads
 * past it. An item's content and its paragraph are cut to `MAX_ITEM_CHARS` (what a task holds), and
 * at most `MAX_DRAFT_ITEMS` drafts are made (a batch confirms 100): a group leading many items would
 * otherwise multiply them.
 */
export const MAX_CONCLUSION_CHARS = 50_000;
export const MAX_ITEM_CHARS = 4000;
export const MAX_DRAFT_ITEMS = 500;
/** An ancestor's line in a paragraph ("1. Giao Ban Tổ chức Tỉnh ủy chủ trì: …") is cut to this. */
const MAX_CONTEXT_LINE_CHARS = 500;

/** Counts the parser's elementary steps (characters folded, words walked, matches read): for tests. */
export interface Meter {
  steps: number;
}

/** `s` cut to `max` characters, ending "…" when cut (never inside a surrogate pair). */
function clip(s: string, max: number): string {
  if (s.length <= max) {
    return s;
  }
  let at = max - 1;
  const c = s.charCodeAt(at - 1);
  if (c >= 0xd800 && c <= 0xdbff) {
    at -= 1;
  }
  return `${s.slice(0, at)}…`;
}

/* ---------------------------------------------------------------- folding with positions */

const foldCache = new Map<string, string>();

/** One non-ASCII character folded: marks removed, đ → d, lower case; spaces when its length changes. */
function foldChar(ch: string): string {
  let c = foldCache.get(ch);
  if (c === undefined) {
    c = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    c = c === 'đ' || c === 'Đ' ? 'd' : c.toLowerCase();
    if (c.length !== ch.length) {
      c = ' '.repeat(ch.length);
    }
    if (foldCache.size < 10_000) {
      foldCache.set(ch, c);
    }
  }
  return c;
}

/**
 * Folds one character at a time so every position in the folded text is the same character of the
 * (NFC) original: marks removed, đ → d, lower case. `keepPunct` keeps "/", "-", "." … (dates);
 * otherwise anything but a letter or digit becomes a space (names).
 */
function foldKeepingPositions(s: string, keepPunct: boolean, meter?: Meter): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    out += code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : foldChar(ch);
  }
  if (meter) {
    meter.steps += s.length;
  }
  return keepPunct ? out : namesOnly(out);
}

/** A folded text with punctuation kept → the same with anything but a letter or digit a space. */
const namesOnly = (punct: string): string => punct.replace(/[^a-z0-9]/g, ' ');

/* ---------------------------------------------------------------- bodies */

const refOf = (b: DirectoryBody): BodyRef => ({ committeeId: b.committeeId, agencyId: b.agencyId });
const keyOf = (b: { committeeId: number; agencyId: number | null }) => `${b.committeeId}:${b.agencyId ?? ''}`;

/** The folded words of a name or phrase ("Ban Tổ chức Tỉnh ủy" → ban, to, chuc, tinh, uy). */
const wordsOf = (phrase: string): string[] => foldKeepingPositions(phrase.normalize('NFC'), false).split(/\s+/).filter(Boolean);

/** The names a body goes by, most specific first. */
function namesOf(b: DirectoryBody): string[] {
  const names = [b.name];
  if (b.agencyId !== null) {
    // "Văn phòng Đảng ủy" of "Đảng ủy xã Tân Phú" → "Văn phòng Đảng ủy xã Tân Phú".
    const m = /^(Đảng ủy|Huyện ủy|Quận ủy|Thị ủy|Thành ủy|Tỉnh ủy)\s+(.+)$/u.exec(b.committeeName);
    if (m && b.name.endsWith(m[1]!)) {
      names.push(`${b.name} ${m[2]}`);
    }
    names.push(`${b.name} ${b.committeeName}`);
    if (b.own) {
      // "Ban Tổ chức Tỉnh ủy" is also written "Ban Tổ chức" inside the province's own documents.
      const short = b.name.replace(/\s+(Tỉnh ủy|Thành ủy|Đảng ủy|Huyện ủy)$/u, '');
      // Not "Văn phòng" alone: every office is one.
      if (short !== b.name && short.split(/\s+/).length >= 3) {
        names.push(short);
      }
    }
    if (b.abbreviation.length >= 4) {
      names.push(b.abbreviation);
    }
  } else {
    // "Đảng ủy xã Tân Phú", also "Ban Thường vụ Đảng ủy xã Tân Phú", "Đảng bộ xã Tân Phú".
    const m = /^Đảng ủy\s+(.+)$/u.exec(b.name);
    if (m) {
      names.push(`Đảng bộ ${m[1]}`, `Ban Thường vụ Đảng ủy ${m[1]}`, `Thường trực Đảng ủy ${m[1]}`, `Ban Chấp hành Đảng bộ ${m[1]}`);
    }
  }
  return names;
}

/** Groups of committees as conclusions name them. */
const GROUPS: { phrase: string; pick: (b: DirectoryBody) => boolean }[] = [
  ...['Ban Thường vụ các đảng ủy xã, phường, đặc khu', 'các đảng ủy xã, phường, đặc khu', 'Ban Thường vụ các đảng ủy xã, phường', 'các đảng ủy xã, phường', 'các đảng ủy xã', 'các đảng ủy cấp xã', 'Ban Thường vụ các đảng ủy cấp xã', 'Ban Thường vụ các đảng ủy xã', 'cấp ủy các xã, phường, đặc khu', 'các đảng bộ xã, phường, đặc khu'].map((phrase) => ({
    phrase,
    pick: (b: DirectoryBody) => b.agencyId === null && b.level === 'commune',
  })),
  ...['Ban Thường vụ các đảng ủy trực thuộc Tỉnh ủy', 'Ban Thường vụ các đảng ủy trực thuộc', 'các đảng ủy trực thuộc Tỉnh ủy', 'các đảng ủy trực thuộc', 'các cấp ủy trực thuộc', 'các tổ chức đảng trực thuộc'].map((phrase) => ({
    phrase,
    pick: (b: DirectoryBody) => b.agencyId === null,
  })),
  ...['các ban, cơ quan tham mưu, giúp việc Tỉnh ủy', 'các ban, cơ quan Tỉnh ủy', 'các ban đảng Tỉnh ủy', 'các ban xây dựng Đảng Tỉnh ủy', 'các ban đảng, Văn phòng Tỉnh ủy'].map((phrase) => ({
    phrase,
    pick: (b: DirectoryBody) => b.agencyId !== null && b.own,
  })),
];

/** A node of the word trie a directory's names are compiled into: a name is a path of folded words. */
interface TrieNode {
  next: Map<string, TrieNode>;
  /** The bodies the name ending here names, or null when no name ends here. */
  bodies: DirectoryBody[] | null;
}

/** Matches body names in folded text: the names of one directory as a word trie. */
export interface BodyMatcher {
  root: TrieNode;
}

export function bodyMatcher(directory: DirectoryBody[]): BodyMatcher {
  const byName = new Map<string, { words: string[]; bodies: DirectoryBody[] }>();
  for (const b of directory) {
    for (const n of namesOf(b)) {
      const words = wordsOf(n);
      if (words.length === 0) {
        continue;
      }
      const key = words.join(' ');
      const entry = byName.get(key) ?? { words, bodies: [] };
      if (!entry.bodies.some((x) => keyOf(x) === keyOf(b))) {
        entry.bodies.push(b);
      }
      byName.set(key, entry);
    }
  }
  const root: TrieNode = { next: new Map(), bodies: null };
  const add = (words: string[], bodies: DirectoryBody[]) => {
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), bodies: null };
        node.next.set(w, child);
      }
      node = child;
    }
    // A body's own name before a group phrase spelled the same.
    node.bodies ??= bodies;
  };
  for (const { words, bodies } of byName.values()) {
    // A name two bodies share ("Văn phòng Đảng ủy" of every commune) names neither.
    if (bodies.length === 1) {
      add(words, bodies);
    }
  }
  for (const g of GROUPS) {
    const bodies = directory.filter(g.pick);
    const words = wordsOf(g.phrase);
    if (bodies.length > 0 && words.length > 0) {
      add(words, bodies);
    }
  }
  return { root };
}

interface Mention {
  start: number;
  end: number;
  bodies: DirectoryBody[];
}

/**
 * Non-overlapping mentions of bodies in folded text (names only: every non-letter a space), longest
 * first, in text order. One walk of the trie from each word: at most (words × longest name) steps.
 */
function mentionsIn(folded: string, m: BodyMatcher, meter?: Meter): Mention[] {
  const words: { start: number; end: number; w: string }[] = [];
  for (const r of folded.matchAll(/[a-z0-9]+/g)) {
    words.push({ start: r.index, end: r.index + r[0].length, w: r[0] });
  }
  const found: (Mention & { first: number; last: number })[] = [];
  for (let i = 0; i < words.length; i++) {
    let node = m.root.next.get(words[i]!.w);
    for (let j = i; node !== undefined; node = words[++j] ? node.next.get(words[j]!.w) : undefined) {
      if (meter) {
        meter.steps += 1;
      }
      if (node.bodies) {
        found.push({ start: words[i]!.start, end: words[j]!.end, bodies: node.bodies, first: i, last: j });
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Mentions cover whole words: a word taken by a longer (or earlier) mention is not another's.
  const taken = new Uint8Array(words.length);
  const chosen: Mention[] = [];
  for (const x of found) {
    let free = true;
    for (let k = x.first; k <= x.last && free; k++) {
      free = taken[k] === 0;
    }
    if (meter) {
      meter.steps += x.last - x.first + 1;
    }
    if (free) {
      taken.fill(1, x.first, x.last + 1);
      chosen.push({ start: x.start, end: x.end, bodies: x.bodies });
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Verbs that end a "phối hợp với …" list (checked outside body names: "Ban Tổ chức", "Ủy ban Kiểm tra"). */
const CLAUSE_END = /(?<![a-z0-9])(tham muu|xay dung|trien khai|to chuc|thuc hien|hoan thanh|bao cao|ra soat|kiem tra|chi dao|de xuat|trinh|huong dan|theo doi|don doc|danh gia|tong ket|so ket|tiep tuc|quan ly|lanh dao|tuyen truyen|chuan bi|nghien cuu|giai quyet|xu ly|bao dam|dam bao|phan dau|ban hanh|cu the hoa|thong nhat|tiep thu|chu tri)(?![a-z0-9])/g;

interface Bodies {
  lead: DirectoryBody[] | null;
  co: DirectoryBody[];
}

/**
 * Lead and co-bodies of one item: mentions after "phối hợp (với)" up to the end of that clause are
 * co-bodies; the lead is the body that "chủ trì", else the first body named elsewhere; without
 * "phối hợp", bodies listed right after the lead ("X, Y và Z") are co-bodies.
 *
 * Linear: the clause ends (verbs outside names, and "." ";" ":") are found in one pass each, and
 * every "phối hợp" takes the next of them with a pointer that only moves forward.
 */
function bodiesOf(punct: string, m: BodyMatcher, meter?: Meter): Bodies {
  const folded = namesOnly(punct);
  // "(qua Văn phòng Tỉnh ủy)": where reports go, not who does the work.
  const mentions = mentionsIn(folded, m, meter).filter((x) => !/\(\s*qua\s*$/.test(punct.slice(Math.max(0, x.start - 12), x.start)));
  if (mentions.length === 0) {
    return { lead: null, co: [] };
  }
  // Verbs ending a clause, outside the names ("Ban Tổ chức" holds "to chuc"): mentions are sorted and disjoint.
  const verbs: number[] = [];
  let k = 0;
  for (const e of folded.matchAll(CLAUSE_END)) {
    while (k < mentions.length && mentions[k]!.end <= e.index) {
      k++;
    }
    if (!(k < mentions.length && mentions[k]!.start <= e.index)) {
      verbs.push(e.index);
    }
  }
  // A full stop inside a list of names ("Ban Chính sách, chiến lược") is not one: only "." ";" ":".
  const stops: number[] = [];
  for (const s of punct.matchAll(/[.;:]/g)) {
    stops.push(s.index);
  }
  if (meter) {
    meter.steps += verbs.length + stops.length + mentions.length;
  }
  const coRanges: [number, number][] = [];
  let v = 0;
  let st = 0;
  for (const r of folded.matchAll(/(?<![a-z0-9])phoi hop(\s+voi)?(?![a-z0-9])/g)) {
    const from = r.index + r[0].length;
    while (v < verbs.length && verbs[v]! < from) {
      v++;
    }
    while (st < stops.length && stops[st]! < from) {
      st++;
    }
    coRanges.push([from, Math.min(verbs[v] ?? folded.length, stops[st] ?? folded.length)]);
    if (meter) {
      meter.steps += 1;
    }
  }
  // A mention is a co-body when it starts inside one of the ranges (their starts ascend).
  const inCo = new Set<Mention>();
  let reach = -1;
  let c = 0;
  for (const x of mentions) {
    while (c < coRanges.length && coRanges[c]![0] <= x.start) {
      reach = Math.max(reach, coRanges[c]![1]);
      c++;
    }
    if (x.start < reach) {
      inCo.add(x);
    }
  }
  const co = mentions.filter((x) => inCo.has(x));
  const rest = mentions.filter((x) => !inCo.has(x));
  let lead: Mention | undefined;
  // "X chủ trì": the body right before "chủ trì" leads, wherever it stands (only the nearest can: the
  // words of any other lie between).
  const chuTri = /(?<![a-z0-9])chu tri(?![a-z0-9])/.exec(folded);
  if (chuTri) {
    let before: Mention | undefined;
    for (const x of rest) {
      if (x.end > chuTri.index) {
        break;
      }
      before = x;
    }
    lead = before && /^[\s,]*$/.test(folded.slice(before.end, chuTri.index)) ? before : undefined;
  }
  lead ??= rest[0];
  const coBodies = co.flatMap((x) => x.bodies);
  if (lead && coRanges.length === 0) {
    // "Giao Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy và Ủy ban Kiểm tra Tỉnh ủy …": the list after the lead.
    let prev = lead;
    for (const x of rest.filter((r) => r.start > lead.start)) {
      if (!/^\s*(,|va|,\s*va)?\s*$/.test(folded.slice(prev.end, x.start).replace(/\s+/g, ' '))) {
        break;
      }
      coBodies.push(...x.bodies);
      prev = x;
    }
  }
  const leadBodies = lead ? lead.bodies : null;
  const leadKeys = new Set((leadBodies ?? []).map(keyOf));
  const seen = new Set<string>();
  return {
    lead: leadBodies,
    co: coBodies.filter((b) => !leadKeys.has(keyOf(b)) && !seen.has(keyOf(b)) && (seen.add(keyOf(b)), true)),
  };
}

/* ---------------------------------------------------------------- deadlines */

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDate = (y: number, m: number, d: number): string | null =>
  y >= 2000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) ? iso(y, m, d) : null;
const monthEnd = (y: number, m: number): string => (m < 1 ? iso(y - 1, 12, 31) : iso(y, m, daysIn(y, m)));
const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
/** "/2026", "-2026", ".2026", " năm 2026": one way only to read a run of spaces (no backtracking blow-up). */
const YEAR_SEP = String.raw`\s*(?:[/.-]\s*|(?<=\s)nam\s+)`;

/**
 * The first deadline written in an item, as an ISO date (null if none). `documentDate` (ISO) gives
 * the year of "trước 31/12".
 */
export function deadlineOf(text: string, documentDate: string): string | null {
  return deadlineIn(foldKeepingPositions(text.normalize('NFC'), true), documentDate);
}

/** `deadlineOf` on text already folded (punctuation kept). */
function deadlineIn(t: string, documentDate: string): string | null {
  const docYear = Number(documentDate.slice(0, 4));
  const found: { at: number; date: string }[] = [];
  const each = (re: RegExp, f: (r: RegExpExecArray) => string | null) => {
    for (let r = re.exec(t); r !== null; r = re.exec(t)) {
      const date = f(r);
      if (date) {
        found.push({ at: r.index, date });
      }
    }
  };
  const lead = String.raw`(?<![a-z0-9])(truoc|cham nhat(?:\s+la)?|han chot(?:\s+la)?|thoi han(?:\s+hoan thanh)?|thoi gian hoan thanh|hoan thanh|xong|den|trong)\s*(?::\s*)?(?:(?:trong|truoc|vao|trong ngay|truoc ngay)\s+)?(?:ngay\s+)?`;
  // trước ngày 30/6/2026 · chậm nhất ngày 15-01-2027 · trước 31/12 · hoàn thành: 30.9.2026
  each(new RegExp(`${lead}(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?(?![\\d/])`, 'g'), (r) => {
    const d = Number(r[2]);
    const m = Number(r[3]);
    if (r[4]) {
      return validDate(Number(r[4]), m, d);
    }
    const same = validDate(docYear, m, d);
    return same && same < documentDate ? validDate(docYear + 1, m, d) : same;
  });
  // trước ngày 30 tháng 6 năm 2026
  each(new RegExp(`${lead}(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*(?:,\\s*)?nam\\s+(\\d{4}))?`, 'g'), (r) =>
    validDate(r[4] ? Number(r[4]) : docYear, Number(r[3]), Number(r[2])),
  );
  // trong tháng 12/2026 · trước tháng 12/2026 (the end of November) · cuối tháng 3 năm 2027
  each(new RegExp(String.raw`(?<![a-z0-9])(trong|truoc|cuoi|hoan thanh trong|xong trong|cham nhat trong|ngay trong)\s+thang\s+(\d{1,2})${YEAR_SEP}(\d{4})`, 'g'), (r) => {
    const m = Number(r[2]);
    const y = Number(r[3]);
    return m < 1 || m > 12 ? null : r[1] === 'truoc' ? monthEnd(y, m - 1) : monthEnd(y, m);
  });
  // quý III/2026 · trong quý 4 năm 2026 · trước quý II/2027 (the end of the first quarter)
  each(new RegExp(String.raw`(?<![a-z0-9])(?:(truoc)\s+)?quy\s+(iv|i{1,3}|[1-4])${YEAR_SEP}(\d{4})`, 'g'), (r) => {
    const q = ROMAN_QUARTER[r[2]!]!;
    const y = Number(r[3]);
    return r[1] ? monthEnd(y, (q - 1) * 3) : monthEnd(y, q * 3);
  });
  // 6 tháng đầu năm 2027 · 9 tháng đầu năm 2027
  each(/(?<![a-z0-9])(6|9|sau|chin) thang dau nam\s+(\d{4})/g, (r) => monthEnd(Number(r[2]), r[1] === '9' || r[1] === 'chin' ? 9 : 6));
  // trong năm 2027 · cuối năm 2026
  each(/(?<![a-z0-9])(trong|cuoi|truoc het|hoan thanh trong)\s+nam\s+(\d{4})(?![\d/])/g, (r) => monthEnd(Number(r[2]), 12));
  found.sort((a, b) => a.at - b.at);
  return found[0]?.date ?? null;
}

/** "Hồng Lam, ngày 20 tháng 11 năm 2026" in the header: the document's date (ISO), or null. */
export function documentDateOf(text: string): string | null {
  const head = foldKeepingPositions(text.normalize('NFC').slice(0, 3000), true);
  const r = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(head);
  return r ? validDate(Number(r[3]), Number(r[2]), Number(r[1])) : null;
}

/** "Số 215-TB/TU" in the header: the notation, or null. */
export function notationOf(text: string): string | null {
  const r = /(?:^|\n)[^\S\n]*Số[:\s]+(\d{1,6}\s*-\s*[A-ZĐ]{1,8}\s*\/\s*[A-ZĐ&]{1,12}(?:\s*\/\s*[A-ZĐ]{1,10})?)/u.exec(text.normalize('NFC').slice(0, 3000));
  return r ? r[1]!.replace(/\s+/g, '') : null;
}

/* ---------------------------------------------------------------- items */

type LabelKind = 'roman' | 'number' | 'letter' | 'dash' | 'plus' | 'dot';

interface Node {
  label: string;
  kind: LabelKind;
  lines: string[];
  children: Node[];
  parent: Node | null;
  /** A free paragraph ended it: later lines are not its. */
  closed: boolean;
}

const LABEL_RES: { kind: LabelKind; re: RegExp }[] = [
  { kind: 'roman', re: /^((?:X{0,3})(?:IX|IV|V?I{0,3}))\s*[.)/]\s+(\S.*)$/u },
  { kind: 'number', re: /^(\d{1,3}(?:\.\d{1,3})?)\s*[.)/]\s*(\S.*)$/u },
  { kind: 'letter', re: /^([a-zđ])\s*[)/]\s*(\S.*)$/u },
  { kind: 'dash', re: /^([-–—])\s*(\S.*)$/u },
  { kind: 'plus', re: /^(\+)\s*(\S.*)$/u },
  { kind: 'dot', re: /^([•·*▪●])\s*(\S.*)$/u },
];

function labelOf(line: string): { kind: LabelKind; label: string; text: string } | null {
  for (const { kind, re } of LABEL_RES) {
    const m = re.exec(line);
    // "-----" under a heading is a rule, not an item: an item has words.
    if (m && m[1] !== '' && m[2] !== undefined && /\p{L}/u.test(m[2])) {
      // "30/6/2026 …" or "1.000 cán bộ": a number glued to digits is not a label.
      if (kind === 'number' && /^\d/.test(m[2])) {
        continue;
      }
      const label = kind === 'roman' || kind === 'number' ? `${m[1]}.` : kind === 'letter' ? `${m[1]})` : m[1]!;
      return { kind, label, text: m[2].trim() };
    }
  }
  return null;
}

/** Where the list ends: the recipients and the signature block. */
const END_OF_LIST = /^(Nơi nhận|T\/M\b|K\/T\b|TM\.|KT\.|TL\.|TUQ\.|Q\.\s)/u;
/** A new sentence that still belongs to the item before it ("Thời gian hoàn thành: …"). */
const ITEM_TAIL = /^(thời gian|thời hạn|hoàn thành|xong trước|chậm nhất|sản phẩm|báo cáo|kết quả)/iu;

function parseTree(text: string, meter?: Meter): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  let current: Node | null = null;
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
    if (meter) {
      meter.steps += 1;
    }
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') {
      continue;
    }
    if (END_OF_LIST.test(line)) {
      break;
    }
    const l = labelOf(line);
    if (l) {
      // A Roman heading starts over; another kind already open goes back to its level; a new kind nests.
      if (l.kind === 'roman') {
        stack.length = 0;
      } else {
        const at = stack.findIndex((n) => n.kind === l.kind);
        if (at >= 0) {
          stack.length = at;
        }
      }
      const parent = stack.at(-1) ?? null;
      const node: Node = { label: l.label, kind: l.kind, lines: [l.text], children: [], parent, closed: false };
      (parent ? parent.children : roots).push(node);
      stack.push(node);
      current = node;
    } else if (current && !current.closed && (!/([.;!?]|\.\/\.)$/u.test(current.lines.at(-1) ?? '') || ITEM_TAIL.test(line) || /^[a-zà-ỹđ(]/u.test(line))) {
      // A wrapped line (the previous one ends mid-sentence), or the item's own tail ("Thời gian hoàn thành: …").
      current.lines.push(line);
    } else if (current) {
      // A free paragraph ("Ban Thường vụ Tỉnh ủy yêu cầu …") closes the item before it.
      current.closed = true;
    }
  }
  return roots;
}

const joined = (n: Node) => n.lines.join(' ').replace(/\s+/g, ' ').trim();

/** The draft items of a conclusion, and whether a limit left something out. */
export interface ConclusionDrafts {
  items: DraftItem[];
  /** The text was longer than MAX_CONCLUSION_CHARS: only its beginning was read. */
  textCut: boolean;
  /** More than MAX_DRAFT_ITEMS drafts: the first ones only. */
  itemsCut: boolean;
}

/**
 * A leaf's paragraph: its own line, after as many of its ancestors' lines (nearest first, each cut to
 * MAX_CONTEXT_LINE_CHARS) as fit in MAX_ITEM_CHARS.
 */
function paragraphOf(ancestors: string[], own: string): string {
  let p = clip(own, MAX_ITEM_CHARS);
  for (let i = ancestors.length - 1; i >= 0 && ancestors[i]!.length + 1 + p.length <= MAX_ITEM_CHARS; i--) {
    p = `${ancestors[i]}\n${p}`;
  }
  return p;
}

/**
 * The draft items of a conclusion's text. `documentDate` (ISO) is the fallback for the year of dates
 * written without one when the header carries no "ngày … tháng … năm …".
 */
export function parseConclusion(text: string, opts: { directory: DirectoryBody[]; documentDate: string }): DraftItem[] {
  return draftConclusion(text, opts).items;
}

/** `parseConclusion` with the limits reported (and an optional step counter). */
export function draftConclusion(text: string, opts: { directory: DirectoryBody[]; documentDate: string; meter?: Meter }): ConclusionDrafts {
  const { meter } = opts;
  const textCut = text.length > MAX_CONCLUSION_CHARS;
  const read = textCut ? text.slice(0, MAX_CONCLUSION_CHARS) : text;
  const matcher = bodyMatcher(opts.directory);
  const documentDate = documentDateOf(read) ?? opts.documentDate;
  const out: DraftItem[] = [];
  let itemsCut = false;
  const push = (d: DraftItem): boolean => {
    if (out.length >= MAX_DRAFT_ITEMS) {
      itemsCut = true;
      return false;
    }
    out.push(d);
    return true;
  };
  /** False once the drafts are full: stop walking. */
  const walk = (n: Node, inherited: { lead: DirectoryBody[] | null; co: DirectoryBody[]; deadline: string | null; context: string[] }): boolean => {
    const own = clip(joined(n), MAX_ITEM_CHARS);
    const punct = n.kind === 'roman' ? '' : foldKeepingPositions(own, true, meter);
    const bodies = n.kind === 'roman' ? { lead: null, co: [] } : bodiesOf(punct, matcher, meter);
    // Under an intro that names the lead ("1. Giao Ban Tổ chức Tỉnh ủy chủ trì: a) Hướng dẫn các đảng ủy
    // trực thuộc …"), the bodies an item names are what it works on: the intro's lead stays.
    const here = {
      lead: inherited.lead ?? bodies.lead,
      co: inherited.lead ? [...inherited.co, ...(/phoi hop/.test(namesOnly(punct)) ? bodies.co : [])] : bodies.co,
      deadline: (n.kind === 'roman' ? null : deadlineIn(punct, documentDate)) ?? inherited.deadline,
      context: n.kind === 'roman' ? [] : [...inherited.context, clip(`${n.label} ${own}`, MAX_CONTEXT_LINE_CHARS)],
    };
    if (n.children.length > 0) {
      return n.children.every((c) => walk(c, here));
    }
    if (n.kind === 'roman') {
      return true;
    }
    const leads = here.lead ?? [];
    const base = { label: n.label, content: own, paragraph: paragraphOf(inherited.context, `${n.label} ${own}`), deadline: here.deadline };
    if (leads.length <= 1) {
      const leadKey = leads[0] ? keyOf(leads[0]) : null;
      return push({ ...base, lead: leads[0] ? refOf(leads[0]) : null, co: dedupe(here.co.filter((b) => keyOf(b) !== leadKey)) });
    }
    // A group leads: one task per committee of the group, each its own lead.
    return leads.every((l) => push({ ...base, lead: refOf(l), co: dedupe(here.co.filter((b) => keyOf(b) !== keyOf(l))) }));
  };
  parseTree(read, meter).every((r) => walk(r, { lead: null, co: [], deadline: null, context: [] }));
  return { items: out, textCut, itemsCut };
}

function dedupe(bodies: DirectoryBody[]): BodyRef[] {
  const seen = new Set<string>();
  return bodies.filter((b) => !seen.has(keyOf(b)) && (seen.add(keyOf(b)), true)).map(refOf);
}
