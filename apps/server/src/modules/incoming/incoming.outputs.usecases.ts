import type { z } from 'zod';
import type { handlingReportQuery, registerBookQuery } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { incomingErrors } from './incoming.errors.ts';
import { assertDateRange, outputFileName, type RegisterBookHeading } from './incoming.outputs.models.ts';
import * as repo from './incoming.outputs.repository.ts';
// The renderers (pdf-lib, fontkit, exceljs) load on first use: the server starts without them in memory.
import type { HandlingReport } from './incoming.report.ts';
const pdfRenderer = () => import('./incoming.register-pdf.ts');
const xlsxRenderer = () => import('./incoming.register-xlsx.ts');
const reports = () => import('./incoming.report.ts');
import { incomingViewer, type IncomingViewer } from './incoming.visibility.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;
interface By {
  actor: Actor;
  audit: AuditContext;
}

export interface OutputFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const audited = (ctx: Ctx, trx: Parameters<typeof recordAudit>[0]['trx'], by: By) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: by.audit,
});

/**
 * The printed incoming register for a period (spec §4): the register must be in the caller's scope
 * (else 404), its lines are the documents the caller may see. Printing a register takes content out of
 * the system, so it is audited like a change (who printed which register, which period, how many lines).
 */
export async function exportRegisterBook(
  ctx: Ctx,
  by: By,
  q: z.infer<typeof registerBookQuery>,
): Promise<OutputFile> {
  assertDateRange(q.from, q.to);
  const viewer = await incomingViewer(ctx.db, by.actor);
  if (!viewer) {
    throw forbidden();
  }
  const register = await repo.findVisibleRegister(ctx.db, viewer, q.registerId);
  if (!register) {
    throw incomingErrors.registerNotFound();
  }
  const entries = await repo.listRegisterBookEntries(ctx.db, viewer, q);
  const heading: RegisterBookHeading = {
    committeeName: register.committeeName,
    registerName: register.name,
    year: register.year,
    from: q.from,
    to: q.to,
  };
  const bytes =
    q.format === 'pdf'
      ? await (await pdfRenderer()).renderRegisterBookPdf(heading, entries)
      : await (await xlsxRenderer()).renderRegisterBookXlsx(heading, entries, ctx.clock.now());
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action: 'incoming.register_exported',
      entityType: 'incoming_register',
      entityId: register.id,
      details: { from: q.from, to: q.to, format: q.format, lines: entries.length },
    }),
  );
  return {
    bytes,
    fileName: outputFileName(register.name, q.from, q.to, q.format),
    contentType: q.format === 'pdf' ? 'application/pdf' : XLSX_TYPE,
  };
}

/**
 * Who may read the report: `incoming.view` sees it over the documents they may see; `reports.view`
 * alone gets the same filter as a reader without the office's wide permissions — only documents they
 * are named on — so statistics never count what the caller could not open.
 */
async function reportViewer(ctx: Ctx, actor: Actor): Promise<IncomingViewer> {
  if (!actor.permissions.has('incoming.view') && !actor.permissions.has('reports.view')) {
    throw forbidden();
  }
  const viewer = await incomingViewer(ctx.db, {
    ...actor,
    permissions: new Set([...actor.permissions, 'incoming.view']),
  });
  return viewer as IncomingViewer;
}

async function buildReport(
  ctx: Ctx,
  actor: Actor,
  q: z.infer<typeof handlingReportQuery>,
): Promise<{ report: HandlingReport; today: string }> {
  assertDateRange(q.from, q.to);
  const viewer = await reportViewer(ctx, actor);
  const today = toVietnamDate(ctx.clock.now());
  const counts = await repo.countHandlingByUnit(ctx.db, viewer, { from: q.from, to: q.to, today });
  const names = await repo.agencyNames(
    ctx.db,
    counts.flatMap((c) => (c.agencyId === null ? [] : [c.agencyId])),
  );
  return { report: (await reports()).buildHandlingReport(counts, names), today };
}

/** The handling report on screen (JSON). */
export async function handlingReport(
  ctx: Ctx,
  actor: Actor,
  q: z.infer<typeof handlingReportQuery>,
): Promise<HandlingReport> {
  return (await buildReport(ctx, actor, q)).report;
}

/** The handling report as a spreadsheet; a file leaving the system, so audited. */
export async function exportHandlingReport(
  ctx: Ctx,
  by: By,
  q: z.infer<typeof handlingReportQuery>,
): Promise<OutputFile> {
  const { report, today } = await buildReport(ctx, by.actor, q);
  const committeeName =
    by.actor.scopeCommitteeId === null ? null : await repo.committeeName(ctx.db, by.actor.scopeCommitteeId);
  const bytes = await (await reports()).renderHandlingReportXlsx(report, {
    from: q.from,
    to: q.to,
    today,
    committeeName,
    generatedAt: ctx.clock.now(),
  });
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action: 'incoming.report_exported',
      entityType: 'incoming_report',
      entityId: null,
      details: { from: q.from, to: q.to, format: q.format, documents: report.totals.total },
    }),
  );
  return {
    bytes,
    fileName: outputFileName('Báo cáo xử lý văn bản đến', q.from, q.to, 'xlsx'),
    contentType: XLSX_TYPE,
  };
}
