import os from 'node:os';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { systemAuditContext } from '../platform/audit/audit.ts';
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { createContext } from '../platform/context.ts';
import { startServer } from '../main.ts';
import { seedDemo, seedReference } from '../modules/seed/seed.ts';
import { registerUserCommands } from './user-commands.ts';
import { registerBackupCommands } from './backup-commands.ts';
import { registerImportCommands } from './import-commands.ts';
import { registerSearchCommands } from './search-commands.ts';

export const cliAuditContext = () => systemAuditContext(`cli:${os.userInfo().username}`);

const out = (s: string) => process.stdout.write(`${s}\n`);

export function registerCommands(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ — run the server (migrates first)')
    .option('--seed-demo-if-empty', 'add demo data when the database holds no organisation (not in production)')
    .action(async (opts: { seedDemoIfEmpty?: boolean }) => {
      const server = await startServer({ config: loadConfig(), seedDemoIfEmpty: Boolean(opts.seedDemoIfEmpty) });
      server.app.log.info({ url: server.url, db: server.ctx.dbKind }, 'vanphong listening');
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'shutting down');
        server.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', () => shutdown('SIGINT'));
      process.once('SIGTERM', () => shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Cập nhật cấu trúc CSDL — run pending migrations')
    .action(async () => {
      const ctx = await createContext({ config: loadConfig() });
      await seedReference(ctx);
      out(`Migrations applied (${ctx.dbKind}).`);
      await ctx.close();
    });

  program
    .command('seed')
    .description('Nạp dữ liệu — load reference data, and demo data with --demo')
    .option('--demo', 'add the fictional demo organisation and users (refused in production)')
    .action(async (opts: { demo?: boolean }) => {
      const config = loadConfig();
      const ctx = await createContext({ config });
      try {
        await seedReference(ctx);
        if (opts.demo) {
          const { users, password } = await seedDemo(ctx, { nodeEnv: config.nodeEnv });
          out(`Demo users: ${users.join(', ')}`);
          out(`Password for all demo users: ${password}`);
        } else {
          out('Reference data present.');
        }
      } catch (err) {
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      } finally {
        await ctx.close();
      }
    });

  const audit = program.command('audit').description('Nhật ký — audit trail');
  audit
    .command('verify')
    .description('Kiểm tra chuỗi băm nhật ký — verify the audit hash chain; names the first broken row')
    .action(async () => {
      const ctx = await createContext({ config: loadConfig() });
      const r = await verifyAuditChain(ctx.db);
      await ctx.close();
      if (r.ok) {
        out(`Audit chain intact: ${r.checked} rows verified.`);
        return;
      }
      const b = r.firstBroken!;
      process.stderr.write(`Audit chain BROKEN at row id=${b.id} seq=${b.seq}: ${b.reason} (${r.checked} rows intact before it)\n`);
      process.exitCode = 2;
    });

  registerUserCommands(program);
  registerBackupCommands(program);
  registerImportCommands(program);
  registerSearchCommands(program);
}
