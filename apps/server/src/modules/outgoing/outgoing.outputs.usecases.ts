import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../auth/auth.models.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { outputFileName } from '../incoming/incoming.outputs.models.ts';
import { defaultRetainLine, headerLines } from './outgoing.models.ts';
import {
  parseIssuerKey,
  resolvePeriod,
  toEntry,
  type OutgoingRegisterEntry,
  type RegisterKind,
} from './outgoing.outputs.models.ts';
import * as outputs from './outgoing.outputs.repository.ts';
import type { IssuedReportQuery, OutgoingRegisterQuery } from './outgoing.outputs.schemas.ts';
import type { OutgoingRegisterHeading } from './outgoing.register-pdf.ts';
import type { IssuedReport } from './outgoing.report.ts';
import * as repo from './outgoing.repository.ts';
import { audited, viewerOrDeny, type By, type Ctx } from './outgoing.usecases.ts';

// The renderers (pdf-lib, fontkit, exceljs) load on first use: the server starts without them in memory.
const pdfRenderer = () => import('./outgoing.register-pdf.ts');
const xlsxRenderer = () => import('./outgoing.register-xlsx.ts');
const reports = () => import('./outgoing.report.ts');

export interface OutputFile {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface OutgoingRegister {
  heading: OutgoingRegisterHeading & { issuerKey: string; from: string; to: string };
  entries: OutgoingRegisterEntry[];
}

const today = (ctx: Ctx) => toVietnamDate(ctx.clock.now());

/**
 * The register of one issuing body for a period (spec §4): documents that took a number — issued,
 * recalled, issuing — that the caller may see, ordinary or secret (separate registers, spec §3).
 * An unknown issuing body answers 404.
 */
export async function outgoingRegister(
  ctx: Ctx,
  actor: Actor,
  q: OutgoingRegisterQuery,
): Promise<OutgoingRegister> {
  const period = resolvePeriod(q, today(ctx));
  const viewer = await viewerOrDeny(ctx, actor);
  const ids = parseIssuerKey(q.issuerKey);
  const issuer = ids && (await repo.issuerOf(ctx.db, ids.committeeId, ids.agencyId));
  if (!issuer) {
    throw notFound('outgoing_issuer');
  }
  const lines = headerLines({ committee: issuer.committee, agency: issuer.agency });
  const rows = await outputs.listRegisterRows(ctx.db, viewer, {
    issuerKey: q.issuerKey,
    kind: q.kind,
    from: period.from,
    to: period.to,
    defaultRetainLine: defaultRetainLine(issuer),
  });
  return {
    heading: {
      issuerKey: q.issuerKey,
      kind: q.kind,
      superiorLine: lines.superiorLine,
      issuerLine: lines.issuerLine,
      issuerName: issuer.name,
      periodLabel: period.label,
      from: period.from,
      to: period.to,
    },
    entries: rows.map(toEntry),
  };
}

const registerStem = (kind: RegisterKind, issuerName: string) =>
  `${kind === 'secret' ? 'Sổ văn bản mật đi' : 'Sổ văn bản đi'} ${issuerName}`;

/**
 * The register printed as PDF or XLSX. Printing a register takes content out of the system, so it is
 * audited like a change (who printed which body's register, which kind and period, how many lines).
 */
export async function exportOutgoingRegister(
  ctx: Ctx,
  by: By,
  q: OutgoingRegisterQuery,
  format: 'pdf' | 'xlsx',
): Promise<OutputFile> {
  const { heading, entries } = await outgoingRegister(ctx, by.actor, q);
  const bytes =
    format === 'pdf'
      ? await (await pdfRenderer()).renderOutgoingRegisterPdf(heading, entries)
      : await (await xlsxRenderer()).renderOutgoingRegisterXlsx(heading, entries, ctx.clock.now());
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action: 'outgoing.register_exported',
      entityType: 'outgoing_register',
      entityId: heading.issuerKey,
      details: { kind: heading.kind, from: heading.from, to: heading.to, format, lines: entries.length },
    }),
  );
  return {
    bytes,
    fileName: outputFileName(
      registerStem(heading.kind, heading.issuerName),
      heading.from,
      heading.to,
      format,
    ),
    contentType: format === 'pdf' ? 'application/pdf' : XLSX_TYPE,
  };
}

/** Documents issued in the period that the caller may see, by issuing body and type, with totals. */
export async function issuedReport(ctx: Ctx, actor: Actor, q: IssuedReportQuery): Promise<IssuedReport> {
  const period = resolvePeriod(q, today(ctx));
  const viewer = await viewerOrDeny(ctx, actor);
  const counts = await outputs.countIssued(ctx.db, viewer, {
    from: period.from,
    to: period.to,
    issuerKey: q.issuerKey,
  });
  const names = await outputs.namesFor(ctx.db, {
    committees: counts.map((c) => c.committeeId),
    agencies: counts.flatMap((c) => (c.agencyId === null ? [] : [c.agencyId])),
    types: counts.map((c) => c.documentTypeId),
  });
  return (await reports()).buildIssuedReport(counts, names, period);
}

/** The report as a spreadsheet; a file leaving the system, so audited. */
export async function exportIssuedReport(ctx: Ctx, by: By, q: IssuedReportQuery): Promise<OutputFile> {
  const report = await issuedReport(ctx, by.actor, q);
  const scope = by.actor.scopeCommitteeId;
  const committeeName =
    scope === null
      ? null
      : ((await outputs.namesFor(ctx.db, { committees: [scope], agencies: [], types: [] })).committees.get(
          scope,
        ) ?? null);
  const bytes = await (
    await reports()
  ).renderIssuedReportXlsx(report, {
    committeeName,
    generatedAt: ctx.clock.now(),
    today: today(ctx),
  });
  await inTransaction(ctx, (trx) =>
    recordAudit(audited(ctx, trx, by), {
      action: 'outgoing.report_exported',
      entityType: 'outgoing_report',
      entityId: q.issuerKey ?? null,
      details: { from: report.from, to: report.to, format: 'xlsx', documents: report.totals.total },
    }),
  );
  return {
    bytes,
    fileName: outputFileName('Báo cáo văn bản đi', report.from, report.to, 'xlsx'),
    contentType: XLSX_TYPE,
  };
}
