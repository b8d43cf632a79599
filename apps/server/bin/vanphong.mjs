#!/usr/bin/env node
// The `vanphong` command (works as `npx vanphong …`). Runs the bundle from `npm run build` when it is
// newer than every source file; otherwise the TypeScript sources through tsx (no build step needed).
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const bundle = path.join(here, '../dist/vanphong.mjs');
const sources = [path.join(here, '../src'), path.join(here, '../../../packages/contracts/src')];

function newestMtime(p) {
  const st = fs.statSync(p);
  return st.isDirectory() ? Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f)))) : st.mtimeMs;
}

const fresh =
  process.env.VANPHONG_SOURCE !== '1' &&
  fs.existsSync(bundle) &&
  fs.statSync(bundle).mtimeMs >= Math.max(...sources.filter((s) => fs.existsSync(s)).map(newestMtime));

if (fresh) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
