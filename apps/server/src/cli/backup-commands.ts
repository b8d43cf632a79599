import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { createBackup, databaseChecksums, restoreBackup } from '../platform/backup/backup.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints the error (code first, for scripts) and sets a non-zero exit code. */
async function run(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const msg =
      err instanceof AppError
        ? `${err.code}: ${err.message}`
        : err instanceof Error
          ? err.message
          : String(err);
    process.stderr.write(`${msg}\n`);
    process.exitCode = 1;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Sao lưu — write one archive with the database snapshot, the stored files and a checksummed manifest (safe while the server runs)',
    )
    .option('--out <file>', 'archive path (default: $DATA_DIR/backups/vanphong-<time>.tar.gz)')
    .option('--checksums-only', 'print the per-table checksums of the database and write nothing')
    .action(async (o: { out?: string; checksumsOnly?: boolean }) =>
      run(async () => {
        const config = loadConfig();
        if (o.checksumsOnly) {
          const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
          try {
            out(JSON.stringify(await databaseChecksums(handle.db), null, 2));
          } finally {
            await handle.close();
          }
          return;
        }
        const { file, manifest } = await createBackup({ config, out: o.out });
        const rows = manifest.db.tables.reduce((s, t) => s + t.rows, 0);
        out(`Backup written: ${file}`);
        out(
          `Database (${manifest.db.kind}): ${manifest.db.tables.length} tables, ${rows} rows; files: ${manifest.files.count} (${mb(manifest.files.bytes)})`,
        );
        for (const w of manifest.warnings) {
          process.stderr.write(`warning: ${w}\n`);
        }
      }),
    );

  program
    .command('restore <archive>')
    .description(
      'Khôi phục — restore an archive into DATA_DIR / DATABASE_URL after verifying every checksum (stop the server first)',
    )
    .option('--force', 'replace a target that already holds data')
    .action(async (archive: string, o: { force?: boolean }) =>
      run(async () => {
        const { manifest } = await restoreBackup({ config: loadConfig(), archive, force: Boolean(o.force) });
        const rows = manifest.db.tables.reduce((s, t) => s + t.rows, 0);
        out(
          `Restored backup of ${manifest.createdAt} (version ${manifest.appVersion}, ${manifest.db.kind}): ${rows} rows, ${manifest.files.count} files.`,
        );
      }),
    );
}
