#!/usr/bin/env node
// `npm test`: typecheck and lint, unit + integration suites on SQLite and again on PostgreSQL (each
// suite creates and drops its own database), then the Playwright suite in Debian Chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const pgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function step(title, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`--- ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
}

async function requirePostgres() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
  } catch (err) {
    process.stderr.write(
      `PostgreSQL is not reachable at ${pgUrl} (${err.message}).\n` +
        'The suite runs on SQLite and on PostgreSQL; start PostgreSQL or set TEST_PG_URL (see README).\n',
    );
    process.exit(1);
  }
}

const npx = (...args) => ['npx', args];
step('typecheck', ...npx('tsc', '-p', 'packages/contracts'));
step('typecheck server', ...npx('tsc', '-p', 'apps/server'));
step('typecheck web', ...npx('tsc', '-p', 'apps/web'));
step('lint', ...npx('eslint', '.', '--max-warnings=0'));
step('translation catalogues (vi, en)', 'npm', ['run', 'check:i18n', '-w', 'apps/web']);
step('unit + integration on SQLite', ...npx('vitest', 'run'), { TEST_DB: 'sqlite' });
await requirePostgres();
step('unit + integration on PostgreSQL', ...npx('vitest', 'run'), { TEST_DB: 'postgres', TEST_PG_URL: pgUrl });
step('end-to-end (Playwright, Chromium)', process.execPath, [path.join(root, 'scripts/e2e.mjs')]);
process.stdout.write('\nAll suites passed.\n');
