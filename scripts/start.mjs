#!/usr/bin/env node
// `npm start`: builds the web UI and the server bundle when their sources are newer than the last
// build, then runs `vanphong serve --seed-demo-if-empty` (migrations, and demo data on an empty database).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');
const built = path.join(web, 'dist/index.html');

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) {
    return st.mtimeMs;
  }
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'public'].map((f) => path.join(web, f)).filter((f) => fs.existsSync(f));
const stale = !fs.existsSync(built) || Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
if (stale) {
  process.stdout.write('Đang build giao diện — building the web UI…\n');
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
}

const server = path.join(root, 'apps/server');
const bundle = path.join(server, 'dist/vanphong.mjs');
const serverSources = [path.join(server, 'src'), path.join(root, 'packages/contracts/src')];
if (!fs.existsSync(bundle) || Math.max(...serverSources.map(newestMtime)) > fs.statSync(bundle).mtimeMs) {
  const r = spawnSync('npm', ['run', 'build', '-w', 'apps/server'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.exit(r.status ?? 1);
  }
}

const child = spawn(process.execPath, [path.join(root, 'apps/server/bin/vanphong.mjs'), 'serve', '--seed-demo-if-empty'], {
  cwd: root,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => child.kill(sig));
}
child.on('exit', (code) => process.exit(code ?? 0));
