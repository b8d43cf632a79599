import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createContext } from '../platform/context.ts';
import { drainExtractions } from '../modules/search/search.extraction.ts';
import { rebuildSearchIndex } from '../modules/search/search.rebuild.ts';
import { searchStatusOf } from '../modules/search/search.usecases.ts';
import { cliAuditContext } from './commands.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

/** `vanphong search rebuild | extract | status` — the search index and text extraction (issue 7). */
export function registerSearchCommands(program: Command): void {
  const search = program.command('search').description('Tìm kiếm — the search index and text extraction');

  search
    .command('rebuild')
    .description('Dựng lại chỉ mục — empty and rebuild the search index from every module (safe while the server runs)')
    .option('--batch <n>', 'records per transaction', '2000')
    .action(async (o: { batch: string }) => {
      const ctx = await createContext({ config: loadConfig() });
      try {
        let last = 0;
        const r = await rebuildSearchIndex(ctx, cliAuditContext(), {
          batch: Math.max(100, Number(o.batch) || 2000),
          onProgress: (kind, done) => {
            if (process.stderr.isTTY) {
              process.stderr.write(`\r${kind}: ${done.toLocaleString('vi-VN')}   `);
            } else if (done - last >= 50_000) {
              process.stderr.write(`${kind}: ${done}\n`);
              last = done;
            }
          },
        });
        if (process.stderr.isTTY) {
          process.stderr.write('\n');
        }
        out(`Indexed ${Object.entries(r.indexed).map(([k, n]) => `${k} ${n}`).join(', ')} in ${r.seconds.toFixed(1)} s (${Math.round(r.perSecond)} records/s).`);
      } finally {
        await ctx.close();
      }
    });

  search
    .command('extract')
    .description('Trích xuất nội dung — extract the text of every queued file now (the server does it in the background)')
    .action(async () => {
      const ctx = await createContext({ config: loadConfig() });
      try {
        const n = await drainExtractions(ctx);
        out(`Extracted ${n} file(s).`);
      } finally {
        await ctx.close();
      }
    });

  search
    .command('status')
    .description('Tình trạng — index size, extraction queue and the tools found on this machine')
    .action(async () => {
      const ctx = await createContext({ config: loadConfig() });
      try {
        out(JSON.stringify(await searchStatusOf(ctx), null, 2));
      } finally {
        await ctx.close();
      }
    });
}
