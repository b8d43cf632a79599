// Inserts N fictional people (Vietnamese names with diacritics) into the `people` table of an already
// migrated and seeded vanphong database, directly over SQL, in batches.
//
//   node bench/generate-data.mjs --sqlite data/vanphong.sqlite [--n 20000] [--seed 1] [--analyze]
//   node bench/generate-data.mjs --pg postgres://postgres@127.0.0.1:5432/vanphong [--n 20000]
//
// N defaults to 20,000 (a province with its communes has a few thousand cadres; 20,000 is a generous
// ceiling for one installation shared by a province and all its communes). Names are drawn from a
// fixed-seed PRNG, so the same N and seed give the same rows. `full_name_folded` is computed with the
// same folding as apps/server/src/platform/text/fold.ts. The committees, agencies and positions must
// already exist (start the server once with --seed-demo-if-empty); people are spread over them.
// PostgreSQL is ANALYZEd afterwards (autovacuum would do it within a minute anyway); SQLite is not,
// because the application never runs ANALYZE there — pass --analyze to compare.
import { performance } from 'node:perf_hooks';
import { isMain, log, parseArgs, printJson, requireFromRoot, round } from './lib.mjs';

export const DEFAULT_N = 20_000;

/** Same as foldVietnamese() in apps/server/src/platform/text/fold.ts. */
export function foldVietnamese(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

// Surnames with rough real-world weights (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %, …).
const SURNAMES = [
  ['Nguyễn', 380],
  ['Trần', 110],
  ['Lê', 95],
  ['Phạm', 70],
  ['Hoàng', 35],
  ['Huỳnh', 20],
  ['Phan', 45],
  ['Vũ', 25],
  ['Võ', 15],
  ['Đặng', 21],
  ['Bùi', 20],
  ['Đỗ', 14],
  ['Hồ', 13],
  ['Ngô', 13],
  ['Dương', 10],
  ['Lý', 5],
  ['Đinh', 8],
  ['Trịnh', 6],
  ['Đào', 6],
  ['Mai', 4],
  ['Lương', 4],
  ['Tạ', 3],
  ['Hà', 4],
  ['Lâm', 3],
  ['Chu', 2],
  ['Kiều', 1],
  ['Quách', 1],
  ['Triệu', 2],
  ['Tô', 2],
  ['Âu', 1],
  ['Khúc', 1],
  ['Lã', 1],
  ['Thái', 2],
  ['Cao', 3],
  ['Văn', 2],
];
const MIDDLE = {
  male: [
    'Văn',
    'Văn',
    'Văn',
    'Hữu',
    'Đức',
    'Minh',
    'Quang',
    'Công',
    'Thành',
    'Xuân',
    'Ngọc',
    'Đình',
    'Mạnh',
    'Tiến',
    'Trọng',
    'Việt',
    'Anh',
    'Bá',
    'Duy',
    'Hoàng',
  ],
  female: [
    'Thị',
    'Thị',
    'Thị',
    'Thị',
    'Ngọc',
    'Thu',
    'Thanh',
    'Kim',
    'Phương',
    'Minh',
    'Hồng',
    'Bích',
    'Thúy',
    'Diệu',
    'Mỹ',
    'Hải',
    'Khánh',
    'Tuyết',
  ],
};
const GIVEN = {
  male: [
    'Hùng',
    'Dũng',
    'Tuấn',
    'Hải',
    'Long',
    'Nam',
    'Cường',
    'Quân',
    'Thắng',
    'Đạt',
    'Khánh',
    'Phúc',
    'Sơn',
    'Trung',
    'Vinh',
    'Bình',
    'Hoàng',
    'Huy',
    'Kiên',
    'Lâm',
    'Lộc',
    'Nghĩa',
    'Phong',
    'Quý',
    'Tâm',
    'Thịnh',
    'Toàn',
    'Trí',
    'Việt',
    'Đông',
    'Hiếu',
    'Thái',
    'Tùng',
    'Đức',
    'An',
    'Bảo',
    'Chiến',
    'Dương',
    'Giang',
    'Hưng',
    'Khôi',
    'Mạnh',
    'Nhân',
    'Quang',
    'Thành',
  ],
  female: [
    'Lan',
    'Hương',
    'Hoa',
    'Mai',
    'Linh',
    'Trang',
    'Thảo',
    'Hà',
    'Ngọc',
    'Nhung',
    'Phương',
    'Huyền',
    'Hằng',
    'Yến',
    'Vân',
    'Loan',
    'Thủy',
    'Hạnh',
    'Dung',
    'Xuân',
    'Oanh',
    'Giang',
    'Nga',
    'Trinh',
    'Ánh',
    'Diệp',
    'Quyên',
    'Thư',
    'Châu',
    'Tuyết',
    'Liên',
    'My',
    'Nguyệt',
    'Quỳnh',
    'Thắm',
    'Uyên',
    'Vy',
    'Đào',
    'Hiền',
    'Khuê',
  ],
};
const PHONE_PREFIXES = [
  '091',
  '094',
  '088',
  '083',
  '084',
  '096',
  '097',
  '098',
  '086',
  '032',
  '033',
  '035',
  '039',
  '070',
  '077',
  '078',
  '081',
  '085',
];

/** mulberry32: small, fast, reproducible. */
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

function weighted(rand, pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) {
      return v;
    }
  }
  return pairs[pairs.length - 1][0];
}

/** Builds N person rows for the given committees/agencies/positions (pure; used by both engines). */
export function buildPeople({ n, seed = 1, committees, agencies, positions }) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const active = committees.filter((c) => c.active);
  const province = committees.find((c) => c.parent_id === null) ?? committees[0];
  const others = active.filter((c) => c.id !== province.id);
  const agenciesOf = new Map();
  for (const a of agencies) {
    if (!agenciesOf.has(a.committee_id)) {
      agenciesOf.set(a.committee_id, []);
    }
    agenciesOf.get(a.committee_id).push(a.id);
  }
  const positionIds = positions.map((p) => p.id);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const gender = rand() < 0.52 ? 'male' : 'female';
    const surname = weighted(rand, SURNAMES);
    const middle = pick(MIDDLE[gender]);
    // about one in six names has two middle names ("Nguyễn Thị Thu Hà")
    const middle2 =
      rand() < 0.17
        ? ` ${pick(MIDDLE[gender === 'male' ? 'male' : 'female'].filter((m) => m !== middle && m !== 'Thị' && m !== 'Văn'))}`
        : '';
    const given = pick(GIVEN[gender]);
    const fullName = `${surname} ${middle}${middle2} ${given}`.normalize('NFC');
    const folded = foldVietnamese(fullName);
    const committee = rand() < 0.35 || others.length === 0 ? province : pick(others);
    const ags = agenciesOf.get(committee.id) ?? [];
    const agencyId = ags.length && rand() < 0.7 ? pick(ags) : null;
    const parts = folded.split(' ');
    const email =
      rand() < 0.6
        ? `${parts[parts.length - 1]}.${parts
            .slice(0, -1)
            .map((p) => p[0])
            .join('')}${i}@honglam.example`
        : null;
    const phone =
      rand() < 0.7 ? `${pick(PHONE_PREFIXES)}${String(Math.floor(rand() * 1e7)).padStart(7, '0')}` : null;
    rows.push({
      full_name: fullName,
      full_name_folded: folded,
      gender,
      birth_year: 1960 + Math.floor(rand() * 45),
      committee_id: committee.id,
      agency_id: agencyId,
      position_id: positionIds.length && rand() < 0.85 ? pick(positionIds) : null,
      email,
      phone,
      active: rand() < 0.95 ? 1 : 0,
    });
  }
  return rows;
}

const COLUMNS = [
  'full_name',
  'full_name_folded',
  'gender',
  'birth_year',
  'committee_id',
  'agency_id',
  'position_id',
  'email',
  'phone',
  'active',
];

export async function generatePeople({
  sqlitePath = null,
  databaseUrl = null,
  n = DEFAULT_N,
  seed = 1,
  batch = 1000,
  analyze = null,
}) {
  const t0 = performance.now();
  if (sqlitePath) {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(sqlitePath);
    db.pragma('busy_timeout = 10000');
    try {
      const committees = db.prepare('select id, parent_id, active from committees order by id').all();
      if (!committees.length) {
        throw new Error('no committees: start the server once with --seed-demo-if-empty first');
      }
      const rows = buildPeople({
        n,
        seed,
        committees,
        agencies: db.prepare('select id, committee_id from agencies').all(),
        positions: db.prepare('select id from positions').all(),
      });
      const ins = db.prepare(
        `insert into people (${COLUMNS.join(', ')}) values (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
      );
      const insertMany = db.transaction((chunk) => {
        for (const r of chunk) {
          ins.run(r);
        }
      });
      for (let i = 0; i < rows.length; i += batch) {
        insertMany(rows.slice(i, i + batch));
      }
      if (analyze === true) {
        db.exec('analyze');
      }
      const total = db.prepare('select count(*) as n from people').get().n;
      return {
        engine: 'sqlite',
        inserted: rows.length,
        totalPeople: total,
        seed,
        batch,
        analyzed: analyze === true,
        ms: round(performance.now() - t0, 0),
      };
    } finally {
      db.close();
    }
  }
  if (databaseUrl) {
    const pg = requireFromRoot('pg');
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const committees = (await c.query('select id, parent_id, active from committees order by id')).rows;
      if (!committees.length) {
        throw new Error('no committees: start the server once with --seed-demo-if-empty first');
      }
      const rows = buildPeople({
        n,
        seed,
        committees,
        agencies: (await c.query('select id, committee_id from agencies')).rows,
        positions: (await c.query('select id from positions')).rows,
      });
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        const params = [];
        const tuples = chunk.map(
          (r, j) =>
            `(${COLUMNS.map((col, k) => (params.push(r[col]), `$${j * COLUMNS.length + k + 1}`)).join(', ')})`,
        );
        await c.query(`insert into people (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`, params);
      }
      if (analyze !== false) {
        await c.query('analyze');
      }
      const total = Number((await c.query('select count(*) as n from people')).rows[0].n);
      return {
        engine: 'postgres',
        inserted: rows.length,
        totalPeople: total,
        seed,
        batch,
        analyzed: analyze !== false,
        ms: round(performance.now() - t0, 0),
      };
    } finally {
      await c.end();
    }
  }
  throw new Error('give --sqlite <file> or --pg <url>');
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  if (!a.sqlite && !a.pg) {
    process.stderr.write(
      'usage: node bench/generate-data.mjs (--sqlite <file> | --pg <url>) [--n 20000] [--seed 1] [--batch 1000] [--analyze | --no-analyze]\n',
    );
    process.exit(2);
  }
  log(`generating ${a.n ?? DEFAULT_N} people`);
  const r = await generatePeople({
    sqlitePath: a.sqlite || null,
    databaseUrl: a.pg || null,
    n: a.n ?? DEFAULT_N,
    seed: a.seed ?? 1,
    batch: a.batch ?? 1000,
    analyze: a.analyze ? true : a['no-analyze'] ? false : null,
  });
  printJson(r);
}
