#!/usr/bin/env node
// Checks the catalogues: every static t('key') used in src exists in vi.json and en.json (plural
// forms _one/_other accepted), and both catalogues have the same keys (ignoring plural suffixes).
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const src = path.join(root, '..', 'src');
const load = (lng) => JSON.parse(fs.readFileSync(path.join(src, 'locales', `${lng}.json`), 'utf8'));
const flat = (o, p = '', out = new Map()) => {
  for (const [k, v] of Object.entries(o)) {
    const key = p ? `${p}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) {flat(v, key, out);}
    else {out.set(key, v);}
  }
  return out;
};
const strip = (k) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const cats = { vi: flat(load('vi')), en: flat(load('en')) };
const base = (m) => new Set([...m.keys()].map(strip));
const has = (lng, key) => base(cats[lng]).has(key);

const files = [];
const walk = (d) => {
  for (const f of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, f.name);
    if (f.isDirectory()) {walk(p);}
    else if (/\.(ts|tsx)$/.test(f.name)) {files.push(p);}
  }
};
walk(src);

let problems = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
    for (const lng of ['vi', 'en']) {
      if (!has(lng, m[1])) {
        console.log(`${path.relative(src, file)}: missing ${lng} key ${m[1]}`);
        problems += 1;
      }
    }
  }
  for (const m of text.matchAll(/\bt\(\s*`([a-zA-Z0-9_.-]+)\.\$\{/g)) {
    for (const lng of ['vi', 'en']) {
      if (![...base(cats[lng])].some((k) => k.startsWith(`${m[1]}.`))) {
        console.log(`${path.relative(src, file)}: missing ${lng} prefix ${m[1]}.*`);
        problems += 1;
      }
    }
  }
}
for (const [a, b] of [
  ['vi', 'en'],
  ['en', 'vi'],
]) {
  for (const k of base(cats[a])) {
    if (!base(cats[b]).has(k)) {
      console.log(`key ${k} in ${a}.json but not in ${b}.json`);
      problems += 1;
    }
  }
}
console.log(problems ? `${problems} problem(s)` : 'i18n: OK');
process.exit(problems ? 1 : 0);
