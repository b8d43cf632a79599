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

/* ---------------------------------------------------------------- folding with positions */

/**
 * Folds one character at a time so every position in the folded text is the same character of the
 * (NFC) original: marks removed, đ → d, lower case. `keepPunct` keeps "/", "-", "." … (dates);
 * otherwise anything but a letter or digit becomes a space (names).
 */
function foldKeepingPositions(s: string, keepPunct: boolean): string {
  let out = '';
  for (const ch of s) {
    let c = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    c = c === 'đ' || c === 'Đ' ? 'd' : c.toLowerCase();
    if (c.length !== ch.length) {
      c = ch.length === 1 ? ' ' : ' '.repeat(ch.length);
    }
    if (!keepPunct && !/[a-z0-9]/.test(c)) {
      c = ' '.repeat(c.length);
    }
    out += c;
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex source matching a (folded) phrase word by word, on word boundaries. */
function phraseSource(phrase: string): string | null {
  const words = foldKeepingPositions(phrase.normalize('NFC'), false).split(/\s+/).filter(Boolean);
  return words.length === 0 ? null : `(?<![a-z0-9])${words.map(escapeRe).join('\\s+')}(?![a-z0-9])`;
}

/* ---------------------------------------------------------------- bodies */

interface Form {
  re: RegExp;
  bodies: DirectoryBody[];
}

const refOf = (b: DirectoryBody): BodyRef => ({ committeeId: b.committeeId, agencyId: b.agencyId });
const keyOf = (b: { committeeId: number; agencyId: number | null }) => `${b.committeeId}:${b.agencyId ?? ''}`;

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

/** Matches body names in folded text: the compiled forms of one directory. */
export interface BodyMatcher {
  forms: Form[];
}

export function bodyMatcher(directory: DirectoryBody[]): BodyMatcher {
  const byName = new Map<string, DirectoryBody[]>();
  for (const b of directory) {
    for (const n of namesOf(b)) {
      const src = phraseSource(n);
      if (src === null) {
        continue;
      }
      const list = byName.get(src) ?? [];
      if (!list.some((x) => keyOf(x) === keyOf(b))) {
        list.push(b);
      }
      byName.set(src, list);
    }
  }
  const forms: Form[] = [];
  for (const [src, bodies] of byName) {
    // A name two bodies share ("Văn phòng Đảng ủy" of every commune) names neither.
    if (bodies.length === 1) {
      forms.push({ re: new RegExp(src, 'g'), bodies });
    }
  }
  for (const g of GROUPS) {
    const bodies = directory.filter(g.pick);
    const src = phraseSource(g.phrase);
    if (bodies.length > 0 && src !== null) {
      forms.push({ re: new RegExp(src, 'g'), bodies });
    }
  }
  return { forms };
}

interface Mention {
  start: number;
  end: number;
  bodies: DirectoryBody[];
}

/** Non-overlapping mentions of bodies in folded text, longest first, in text order. */
function mentionsIn(folded: string, m: BodyMatcher): Mention[] {
  const all: Mention[] = [];
  for (const f of m.forms) {
    f.re.lastIndex = 0;
    for (let r = f.re.exec(folded); r !== null; r = f.re.exec(folded)) {
      all.push({ start: r.index, end: r.index + r[0].length, bodies: f.bodies });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Mention[] = [];
  for (const x of all) {
    if (!chosen.some((c) => x.start < c.end && c.start < x.end)) {
      chosen.push(x);
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
 */
function bodiesOf(text: string, m: BodyMatcher): Bodies {
  const folded = foldKeepingPositions(text.normalize('NFC'), false);
  const punct = foldKeepingPositions(text.normalize('NFC'), true);
  // "(qua Văn phòng Tỉnh ủy)": where reports go, not who does the work.
  const mentions = mentionsIn(folded, m).filter((x) => !/\(\s*qua\s*$/.test(punct.slice(Math.max(0, x.start - 12), x.start)));
  if (mentions.length === 0) {
    return { lead: null, co: [] };
  }
  const inside = (pos: number) => mentions.some((x) => pos >= x.start && pos < x.end);
  const coRanges: [number, number][] = [];
  const phoiHop = /(?<![a-z0-9])phoi hop(\s+voi)?(?![a-z0-9])/g;
  for (let r = phoiHop.exec(folded); r !== null; r = phoiHop.exec(folded)) {
    const from = r.index + r[0].length;
    let to = folded.length;
    CLAUSE_END.lastIndex = from;
    for (let e = CLAUSE_END.exec(folded); e !== null; e = CLAUSE_END.exec(folded)) {
      if (!inside(e.index)) {
        to = e.index;
        break;
      }
    }
    const stop = /[.;:]/.exec(punct.slice(from));
    if (stop && from + stop.index < to) {
      // A full stop inside a list of names ("Ban Chính sách, chiến lược") is not one: only "." ";" ":".
      to = from + stop.index;
    }
    coRanges.push([from, to]);
  }
  const inCo = (x: Mention) => coRanges.some(([a, b]) => x.start >= a && x.start < b);
  const co = mentions.filter(inCo);
  const rest = mentions.filter((x) => !inCo(x));
  let lead: Mention | undefined;
  // "X chủ trì": the body right before "chủ trì" leads, wherever it stands.
  const chuTri = /(?<![a-z0-9])chu tri(?![a-z0-9])/.exec(folded);
  if (chuTri) {
    lead = [...rest].reverse().find((x) => x.end <= chuTri.index && /^[\s,]*$/.test(folded.slice(x.end, chuTri.index)));
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
const YEAR_SEP = String.raw`\s*(?:/|-|\.|\s+nam\s+)\s*`;

/**
 * The first deadline written in an item, as an ISO date (null if none). `documentDate` (ISO) gives
 * the year of "trước 31/12".
 */
export function deadlineOf(text: string, documentDate: string): string | null {
  const t = foldKeepingPositions(text.normalize('NFC'), true);
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
  const lead = String.raw`(?<![a-z0-9])(truoc|cham nhat(?:\s+la)?|han chot(?:\s+la)?|thoi han(?:\s+hoan thanh)?|thoi gian hoan thanh|hoan thanh|xong|den|trong)\s*:?\s*(?:(?:trong|truoc|vao|trong ngay|truoc ngay)\s+)?(?:ngay\s+)?`;
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
  each(new RegExp(`${lead}(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s*,?\\s*nam\\s+(\\d{4}))?`, 'g'), (r) =>
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
  const r = /(?:^|\n)\s*Số[:\s]+(\d{1,6}\s*-\s*[A-ZĐ]{1,8}\s*\/\s*[A-ZĐ&]{1,12}(?:\s*\/\s*[A-ZĐ]{1,10})?)/u.exec(text.normalize('NFC').slice(0, 3000));
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

function parseTree(text: string): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  let current: Node | null = null;
  for (const raw of text.normalize('NFC').split(/\r?\n/)) {
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

/**
 * The draft items of a conclusion's text. `documentDate` (ISO) is the fallback for the year of dates
 * written without one when the header carries no "ngày … tháng … năm …".
 */
export function parseConclusion(text: string, opts: { directory: DirectoryBody[]; documentDate: string }): DraftItem[] {
  const matcher = bodyMatcher(opts.directory);
  const documentDate = documentDateOf(text) ?? opts.documentDate;
  const out: DraftItem[] = [];
  const walk = (n: Node, inherited: { lead: DirectoryBody[] | null; co: DirectoryBody[]; deadline: string | null; context: string[] }) => {
    const own = joined(n);
    const bodies = n.kind === 'roman' ? { lead: null, co: [] } : bodiesOf(own, matcher);
    // Under an intro that names the lead ("1. Giao Ban Tổ chức Tỉnh ủy chủ trì: a) Hướng dẫn các đảng ủy
    // trực thuộc …"), the bodies an item names are what it works on: the intro's lead stays.
    const here = {
      lead: inherited.lead ?? bodies.lead,
      co: inherited.lead ? [...inherited.co, ...(/phoi hop/.test(foldKeepingPositions(own, false)) ? bodies.co : [])] : bodies.co,
      deadline: (n.kind === 'roman' ? null : deadlineOf(own, documentDate)) ?? inherited.deadline,
      context: n.kind === 'roman' ? [] : [...inherited.context, `${n.label} ${own}`],
    };
    if (n.children.length > 0) {
      for (const c of n.children) {
        walk(c, here);
      }
      return;
    }
    if (n.kind === 'roman') {
      return;
    }
    const leads = here.lead ?? [];
    const base = { label: n.label, content: own, paragraph: here.context.join('\n'), deadline: here.deadline };
    if (leads.length <= 1) {
      const leadKey = leads[0] ? keyOf(leads[0]) : null;
      out.push({ ...base, lead: leads[0] ? refOf(leads[0]) : null, co: dedupe(here.co.filter((b) => keyOf(b) !== leadKey)) });
    } else {
      // A group leads: one task per committee of the group, each its own lead.
      for (const l of leads) {
        out.push({ ...base, lead: refOf(l), co: dedupe(here.co.filter((b) => keyOf(b) !== keyOf(l))) });
      }
    }
  };
  for (const r of parseTree(text)) {
    walk(r, { lead: null, co: [], deadline: null, context: [] });
  }
  return out;
}

function dedupe(bodies: DirectoryBody[]): BodyRef[] {
  const seen = new Set<string>();
  return bodies.filter((b) => !seen.has(keyOf(b)) && (seen.add(keyOf(b)), true)).map(refOf);
}
