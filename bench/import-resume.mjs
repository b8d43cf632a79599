// Bulk import of an incoming register (issue 7 §5, acceptance: "10,000 rows resumable"): on a fresh
// demo database of each engine, `vanphong import incoming` runs on N generated rows (default 10,000; one
// row in 100 names an attachment), is killed with SIGKILL once half the rows are in, and is started
// again with the same command. Then the database is checked: every row once, arrival numbers 1…N in
// file order without gap or duplicate, the ledger all done, the audit chain intact. Rows per second are
// the command's own figure (rows handled / time on the rows, without process start and file reading).
//
//   nice -n 10 node bench/import-resume.mjs [--n 10000] [--engines sqlite,postgres] [--chunk 50]
//
// Writes bench/results/import-latest.json.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BIN, ROOT, createPgDatabase, engineVersions, log, machineInfo, parseArgs, printJson, requireFromRoot, sleep, tmpDir } from './lib.mjs';

const execFileP = promisify(execFile);
const args = parseArgs();
const N = args.n ?? 10_000;
const ENGINES = String(args.engines ?? 'sqlite,postgres').split(',');
const CHUNK = args.chunk ?? 50;

// The generator the test suite uses (TypeScript, loaded through tsx).
const { register } = await import('tsx/esm/api');
register();
const { generateRegister } = await import('../apps/server/src/modules/import/import.fixtures.ts');

const rate = (out) => {
  const m = /Thời gian: ([\d.,]+) s \(([\d.]+) dòng\/s\)/.exec(out);
  return m ? { seconds: Number(m[1].replace(/\./g, '').replace(',', '.')), rowsPerSecond: Number(m[2].replace(/\./g, '')) } : null;
};

/** A small query helper on the engine's database, outside the command. */
function opener(engine, dataDir, url) {
  if (engine === 'sqlite') {
    const Database = requireFromRoot('better-sqlite3');
    const db = new Database(path.join(dataDir, 'vanphong.sqlite'), { readonly: true });
    db.pragma('busy_timeout = 5000');
    return { one: async (sql) => db.prepare(sql).get(), close: async () => db.close() };
  }
  const pg = requireFromRoot('pg');
  const c = new pg.Client({ connectionString: url });
  const ready = c.connect();
  return {
    one: async (sql) => {
      await ready;
      return (await c.query(sql)).rows[0];
    },
    close: async () => c.end(),
  };
}

async function runEngine(engine) {
  const dataDir = tmpDir('vp-bench-import-');
  const pgdb = engine === 'postgres' ? await createPgDatabase() : null;
  const env = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pgdb?.url ?? '' };
  const vanphong = async (a) => {
    try {
      const r = await execFileP(process.execPath, [BIN, ...a], { env, maxBuffer: 256 * 1024 * 1024 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      return { code: e.code, out: e.stdout, err: e.stderr };
    }
  };
  try {
    await vanphong(['seed', '--demo']);
    const g = generateRegister({ rows: N, year: 2024, fileEvery: 100, distinctFiles: 5 });
    const file = path.join(dataDir, 'so-den-2024.csv');
    const filesDir = path.join(dataDir, 'tep');
    fs.writeFileSync(file, g.csv);
    fs.mkdirSync(filesDir);
    for (const f of g.files) {
      fs.writeFileSync(path.join(filesDir, f.name), f.bytes);
    }
    const cmd = ['import', 'incoming', file, '--as', 'vanthu', '--files', filesDir, '--chunk', String(CHUNK)];
    const q = opener(engine, dataDir, pgdb?.url);
    const doneCount = async () => {
      try {
        return Number((await q.one("select count(*) as n from import_rows where status = 'done'")).n);
      } catch {
        return 0; // table not there yet (the command migrates at start)
      }
    };

    log(`${engine}: ${N} rows, killing at half`);
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, ...cmd], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    let firstRowAt = null;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`import ended before the kill: ${stderr}`);
      }
      const d = await doneCount();
      if (d > 0 && firstRowAt === null) {
        firstRowAt = Date.now();
      }
      if (d >= N / 2) {
        child.kill('SIGKILL');
        break;
      }
      await sleep(100);
    }
    const killedBy = await exited;
    const killedAt = Date.now();
    const inAtKill = await doneCount();
    log(`${engine}: killed (${killedBy}) with ${inAtKill} rows in after ${((killedAt - t0) / 1000).toFixed(1)} s`);

    const t1 = Date.now();
    const second = await vanphong(cmd);
    const t2 = Date.now();
    if (second.code !== 0) {
      throw new Error(`restart failed (${second.code}): ${second.err}`);
    }
    const check = await q.one(
      `select count(*) as docs, count(distinct d.arrival_number) as numbers, min(d.arrival_number) as lo, max(d.arrival_number) as hi,
              count(distinct d.notation) as notations
         from incoming_documents d join incoming_registers r on r.id = d.register_id where r.year = 2024`,
    );
    const ledger = await q.one("select count(*) as n, count(distinct incoming_id) as ids from import_rows where status = 'done'");
    const verify = await vanphong(['audit', 'verify']);
    await q.close();
    const ok =
      Number(check.docs) === N &&
      Number(check.numbers) === N &&
      Number(check.lo) === 1 &&
      Number(check.hi) === N &&
      Number(check.notations) === N &&
      Number(ledger.n) === N &&
      Number(ledger.ids) === N &&
      verify.out.includes('intact');
    const result = {
      engine,
      rows: N,
      chunk: CHUNK,
      killedBy,
      rowsInAtKill: inAtKill,
      firstRunWallSeconds: (killedAt - t0) / 1000,
      firstRunRowsPerSecondWall: firstRowAt ? Math.round(inAtKill / ((killedAt - firstRowAt) / 1000)) : null,
      restartWallSeconds: (t2 - t1) / 1000,
      restart: rate(second.out),
      summary: second.out.split('\n').find((l) => l.startsWith('Tổng')),
      check: { ...Object.fromEntries(Object.entries(check).map(([k, v]) => [k, Number(v)])), ledgerDone: Number(ledger.n), auditChain: verify.out.trim() },
      ok,
    };
    log(`${engine}: ${ok ? 'OK' : 'FAILED'} — ${JSON.stringify(result.restart)}`);
    return result;
  } finally {
    await pgdb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (const engine of ENGINES) {
  results.push(await runEngine(engine));
}
const out = { benchmark: 'import-resume', machine: machineInfo(), engines: await engineVersions(), results };
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/import-latest.json'), `${JSON.stringify(out, null, 2)}\n`);
printJson(out);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
