// Summarises a V8 .cpuprofile (from `node --cpu-prof`) by where the self time goes: each npm package,
// the application source (apps/server/src/<dir>), Node internals, GC, idle — plus the top functions.
//
//   node bench/profile-summary.mjs <file.cpuprofile> [--top 25]
import fs from 'node:fs';
import { isMain, parseArgs, printJson, round } from './lib.mjs';

function bucketOf(url, fn) {
  if (fn === '(garbage collector)') {
    return '(gc)';
  }
  if (fn === '(idle)') {
    return '(idle)';
  }
  if (fn === '(program)') {
    return '(program: native/VM)';
  }
  if (fn === '(root)') {
    return '(root)';
  }
  if (!url) {
    return '(native / builtin)';
  }
  if (url.startsWith('node:')) {
    return `node:${url
      .slice(5)
      .split('/')
      .slice(0, url.startsWith('node:internal/') ? 3 : 1)
      .join('/')}`;
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /\/apps\/server\/src\/(.+)$/.exec(url);
  if (m) {
    const parts = m[1].split('/');
    return `app:${parts.slice(0, Math.min(2, parts.length - 1)).join('/') || parts[0]}`;
  }
  if (url.includes('/packages/contracts/')) {
    return 'app:contracts';
  }
  return url.replace(/^file:\/\//, '');
}

export function summariseProfile(file, { top = 25 } = {}) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const dts = p.timeDeltas;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (dts[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const buckets = new Map();
  const fns = new Map();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const { functionName, url, lineNumber } = n.callFrame;
    const b = bucketOf(url, functionName);
    buckets.set(b, (buckets.get(b) ?? 0) + us);
    const key = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/node_modules\//, '~/').replace(/^file:\/\/.*\/apps\//, 'apps/')}:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const pct = (us) => round((100 * us) / total, 1);
  const busy = total - (buckets.get('(idle)') ?? 0);
  return {
    file,
    totalMs: round(total / 1000, 0),
    busyMs: round(busy / 1000, 0),
    byBucket: [...buckets.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, us]) => ({
        where: k,
        ms: round(us / 1000, 0),
        pct: pct(us),
        pctOfBusy: k === '(idle)' ? null : round((100 * us) / busy, 1),
      })),
    topFunctions: [...fns.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ fn: k, ms: round(us / 1000, 0), pct: pct(us) })),
  };
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const files = process.argv.slice(2).filter((x) => !x.startsWith('--') && x.endsWith('.cpuprofile'));
  for (const f of files) {
    printJson(summariseProfile(f, { top: a.top ?? 25 }));
  }
}
