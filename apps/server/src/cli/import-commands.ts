import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { importIncoming, type ImportProgress, type ImportSummary, type RowOutcome } from '../modules/import/import.usecases.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);
const n = (x: number) => x.toLocaleString('vi-VN');

/**
 * RFC 4180 field. A text starting with = + - @ (or a tab or CR) is what a spreadsheet reads as a
 * formula (the messages quote the file's own cells and headers): it gets a leading apostrophe.
 */
const csvField = (s: string | number) => {
  const t = typeof s === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : String(s);
  return /[",\r\n;]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** The per-row report: UTF-8 with BOM (Excel opens it with the right letters), one line per problem. */
export function reportCsv(rows: RowOutcome[]): string {
  const lines = [['Dòng', 'Cột', 'Nội dung', 'Mức'].join(',')];
  for (const r of rows) {
    for (const e of r.errors) {
      lines.push([r.rowNumber, e.field, e.message, 'lỗi'].map(csvField).join(','));
    }
    for (const w of r.warnings) {
      lines.push([r.rowNumber, w.field, w.message, 'cảnh báo'].map(csvField).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A bar rewritten in place on a terminal; a plain line every `every` rows otherwise (logs, pipes). */
function progressPrinter({ rowsOnStdout }: { rowsOnStdout: boolean }): { update(p: ImportProgress): void; end(): void } {
  // A dry run prints its rows on stdout: on one terminal a bar rewritten in place would break them up.
  const tty = Boolean(process.stderr.isTTY) && !(rowsOnStdout && process.stdout.isTTY);
  const started = Date.now();
  let lastDraw = 0;
  let lastLine = 0;
  let drawn = false;
  return {
    update(p) {
      const pending = p.total - p.processed;
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 100 && pending > 0) {
          return;
        }
        lastDraw = now;
        const width = 30;
        const ratio = p.total === 0 ? 1 : p.processed / p.total;
        const bar = '█'.repeat(Math.round(ratio * width)).padEnd(width, '░');
        const secs = (now - started) / 1000;
        const rate = secs > 0 ? (p.done + p.failed) / secs : 0;
        const eta = rate > 0 ? ` · còn ~${Math.ceil(pending / rate)} s` : '';
        process.stderr.write(
          `\r${bar} ${Math.floor(ratio * 100)}% ${n(p.processed)}/${n(p.total)} · lỗi ${n(p.failed)} · ${rate.toFixed(0)} dòng/s${eta}\x1b[K`,
        );
        drawn = true;
        return;
      }
      const every = Math.max(100, Math.ceil(p.total / 20 / 100) * 100);
      if (p.processed - lastLine >= every || (pending === 0 && p.processed !== lastLine)) {
        lastLine = p.processed;
        err(`Đã xử lý ${n(p.processed)}/${n(p.total)} dòng: vào sổ ${n(p.done)}, bỏ qua ${n(p.skipped)}, lỗi ${n(p.failed)}`);
      }
    },
    end() {
      if (drawn) {
        process.stderr.write('\n');
      }
    },
  };
}

function describeRow(r: RowOutcome, dryRun: boolean): string {
  if (r.status === 'failed') {
    return `Dòng ${r.rowNumber}: LỖI ${r.errors.map((e) => (e.field ? `[${e.field}] ${e.message}` : e.message)).join(' ')}`;
  }
  if (r.status === 'skipped') {
    return `Dòng ${r.rowNumber}: đã nhập trước (văn bản id ${r.incomingId ?? '?'}), bỏ qua`;
  }
  const verb = dryRun ? 'sẽ vào' : 'đã vào';
  const warn = r.warnings.length > 0 ? ` — cảnh báo: ${r.warnings.map((w) => w.message).join(' ')}` : '';
  const filed = r.filed ? ` — ${dryRun ? 'sẽ lưu' : 'đã lưu'} (văn bản cũ)` : '';
  return `Dòng ${r.rowNumber}: ${verb} «${r.registerName}» số đến ${r.arrivalNumber} ngày ${r.arrivalDate} — ${r.notation}${filed}${warn}`;
}

function printSummary(s: ImportSummary, reportPath: string | null): void {
  const source = [s.encoding === 'xlsx' ? 'XLSX' : `CSV ${s.encoding}`, s.legacyEncoding ? `mã cũ ${s.legacyEncoding.toUpperCase()} đã chuyển sang Unicode` : null]
    .filter(Boolean)
    .join(', ');
  out(`${s.dryRun ? 'Chạy thử (--dry-run), không ghi gì: ' : ''}lô «${s.batch}» (${source}) → ${s.committee.name}`);
  if (s.unknownColumns.length > 0) {
    out(`Cột không dùng: ${s.unknownColumns.join('; ')}`);
  }
  const warned = s.notable.filter((r) => r.warnings.length > 0).length;
  out(
    `Tổng ${n(s.total)} dòng: ${s.dryRun ? 'sẽ vào sổ' : 'vào sổ'} ${n(s.done)}, bỏ qua (đã nhập trước) ${n(s.skipped)}, lỗi ${n(s.failed)}, cảnh báo ${n(warned)}.`,
  );
  if (s.filed > 0) {
    out(`Trong đó ${n(s.filed)} văn bản ${s.dryRun ? 'sẽ' : 'đã'} lưu (--status filed; mặc định: đến trước hôm nay quá 31 ngày), không chờ xử lý.`);
  }
  const worked = s.done + s.failed;
  if (worked > 0) {
    out(`Thời gian: ${s.seconds.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} s (${n(Math.round(worked / Math.max(s.seconds, 0.001)))} dòng/s)`);
  }
  if (reportPath) {
    out(`Báo cáo từng dòng: ${reportPath}`);
  } else if (s.failed > 0 || warned > 0) {
    out('Thêm --report <tệp.csv> để ghi báo cáo lỗi từng dòng.');
  }
}

export function registerImportCommands(program: Command): void {
  const imp = program.command('import').description('Nhập dữ liệu — bulk import');
  imp
    .command('incoming <file>')
    .description('Nhập sổ văn bản đến từ CSV/XLSX — import an incoming register; resumable, each row once')
    .requiredOption('--as <username>', 'the clerk in whose name rows are registered')
    .option('--files <dir>', 'folder holding the files the "Tệp" column names (several separated by ";")')
    .option('--committee <id>', "committee id (default: the clerk's, else the first)")
    .option('--register-kind <kind>', 'ordinary | complaint (secret rows always go to the secret register)', 'ordinary')
    .option('--numbering <mode>', 'keep: a row keeps its "Số đến" when free in the register; new: the register numbers every row', 'keep')
    .option('--status <status>', 'filed | registered: what a registered row becomes (default: filed when it arrived more than 31 days ago, else registered)')
    .option('--dry-run', 'check every row and show what would happen; write nothing')
    .option('--report <path>', 'write the per-row report (CSV: row, column, message, level)')
    .option('--batch <name>', 'batch name rows are remembered under (default: the file name)')
    .option('--chunk <rows>', 'rows per transaction', '50')
    .action(async (file: string, o: {
      as: string; files?: string; committee?: string; registerKind: string; numbering: string;
      dryRun?: boolean; report?: string; batch?: string; chunk: string; status?: string;
    }) => {
      if (!['ordinary', 'complaint'].includes(o.registerKind) || !['keep', 'new'].includes(o.numbering) || !['filed', 'registered', undefined].includes(o.status)) {
        err('--register-kind is ordinary or complaint; --numbering is keep or new; --status is filed or registered');
        process.exitCode = 2;
        return;
      }
      const chunk = Number(o.chunk);
      const committee = o.committee === undefined ? null : Number(o.committee);
      if (!Number.isInteger(chunk) || chunk < 1 || (committee !== null && !Number.isInteger(committee))) {
        err('--chunk and --committee take whole numbers');
        process.exitCode = 2;
        return;
      }
      const ctx = await createContext({ config: loadConfig() });
      const progress = progressPrinter({ rowsOnStdout: Boolean(o.dryRun) });
      try {
        const summary = await importIncoming(ctx, {
          file: path.resolve(file),
          filesDir: o.files ? path.resolve(o.files) : null,
          committeeId: committee,
          registerKind: o.registerKind as 'ordinary' | 'complaint',
          as: o.as,
          operator: `cli:${os.userInfo().username}`,
          dryRun: Boolean(o.dryRun),
          batch: o.batch ?? null,
          numbering: o.numbering as 'keep' | 'new',
          chunkSize: chunk,
          status: o.status as 'filed' | 'registered' | undefined,
          onProgress: (p) => progress.update(p),
          onRow: o.dryRun ? (r) => out(describeRow(r, true)) : undefined,
        });
        progress.end();
        if (!o.dryRun) {
          const failed = summary.notable.filter((r) => r.status === 'failed');
          failed.slice(0, 20).forEach((r) => err(describeRow(r, false)));
          if (failed.length > 20) {
            err(`… và ${n(failed.length - 20)} dòng lỗi nữa.`);
          }
        }
        const reportPath = o.report ? path.resolve(o.report) : null;
        if (reportPath) {
          await fs.writeFile(reportPath, reportCsv(summary.notable));
        }
        printSummary(summary, reportPath);
        process.exitCode = summary.failed > 0 ? 1 : 0;
      } catch (e) {
        progress.end();
        err(e instanceof AppError ? `${e.code}: ${e.message}` : e instanceof Error ? (e.stack ?? e.message) : String(e));
        process.exitCode = 2;
      } finally {
        await ctx.close();
      }
    });
}
