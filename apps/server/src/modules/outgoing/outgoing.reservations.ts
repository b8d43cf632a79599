import { inTransaction } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { toVietnamDate } from '../calendar/calendar.workdays.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { ensureSeries, findNumber, insertNumber, takeNumber, takeReservation } from './outgoing.numbering.ts';
import { audited, type By, type Ctx } from './outgoing.usecases.ts';

/**
 * Reserved and void numbers (issue 4 §3): the clerk reserves the next number of a series for a
 * document signed on paper (used later when it is issued), and voids a reserved number with a reason.
 * Both stay in the gap report; an issued number is never voided (the document is recalled instead).
 */
export async function reserveNumber(
  ctx: Ctx,
  by: By,
  input: { issuerCommitteeId: number; issuerAgencyId: number | null; documentTypeId: number; congress: boolean; reason: string },
): Promise<{ id: number; number: number; notation: string }> {
  if (!by.actor.permissions.has('outgoing.issue')) {
    throw E.forbidden('Only the clerk (văn thư) reserves numbers');
  }
  const scope = await scopeCommitteeIds(ctx.db, by.actor);
  if (scope !== null && !scope.includes(input.issuerCommitteeId)) {
    throw E.field('unknown_issuer', 'issuerCommitteeId', 'No such issuing body in your scope');
  }
  const now = ctx.clock.now();
  return inTransaction(ctx, async (trx) => {
    const series = await ensureSeries(trx, {
      committeeId: input.issuerCommitteeId,
      agencyId: input.issuerAgencyId,
      documentTypeId: input.documentTypeId,
      congress: input.congress,
      secrecy: 'none',
      date: toVietnamDate(now),
      now: now.toISOString(),
    });
    const number = await takeNumber(trx, series.id);
    const notation = series.notationFor(number);
    const id = await insertNumber(trx, {
      seriesId: series.id,
      number,
      state: 'reserved',
      notation,
      documentId: null,
      documentTypeId: input.documentTypeId,
      reason: input.reason,
      by: by.actor.userId,
      now: now.toISOString(),
    });
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.number_reserved', entityType: 'outgoing_number', entityId: id, details: { seriesId: series.id, number, notation, reason: input.reason } });
    return { id, number, notation };
  });
}

export async function voidNumber(ctx: Ctx, by: By, id: number, reason: string): Promise<void> {
  if (!by.actor.permissions.has('outgoing.issue')) {
    throw E.forbidden('Only the clerk (văn thư) voids numbers');
  }
  const n = await findNumber(ctx.db, id);
  const series = n ? await ctx.db.selectFrom('outgoing_series').select(['committee_id']).where('id', '=', n.series_id).executeTakeFirst() : undefined;
  const scope = await scopeCommitteeIds(ctx.db, by.actor);
  if (!n || !series || (scope !== null && !scope.includes(series.committee_id))) {
    throw E.numberNotFound();
  }
  if (n.state !== 'reserved') {
    throw E.invalidTransition('void', n.state, n.state === 'void' ? 'This number is already void' : 'Only a reserved number is voided; an issued document is recalled instead');
  }
  await inTransaction(ctx, async (trx) => {
    if (!(await takeReservation(trx, id, { state: 'void', reason: `${n.reason} — Hủy: ${reason}`, updated_at: ctx.clock.now().toISOString() }))) {
      throw E.invalidTransition('void', 'taken', 'This number was just used or voided by someone else');
    }
    await recordAudit(audited(ctx, trx, by), { action: 'outgoing.number_voided', entityType: 'outgoing_number', entityId: id, details: { number: n.number, notation: n.notation, reason } });
  });
}
