#!/usr/bin/env node
// Builds the web UI and runs the Playwright suite against a real server on a fresh SQLite data directory.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
};
run('npm', ['run', 'build', '-w', 'apps/web']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
