import type { z } from 'zod';
import type { termInput, termPatch } from '@vanphong/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction, type Trx } from '../../platform/context.ts';
import { orgErrors } from './org.errors.ts';
import { findTermConflict, mergeTermPatch, resolveTermDates, type TermFields } from './org.models.ts';
import { canViewCommittee } from './org.policies.ts';
import * as repo from './org.repository.ts';
import { audited, loadManageableCommittee, unique, type By, type Ctx } from './org.usecases.ts';

/** Use cases of terms (nhiệm kỳ): the periods that number Party documents (spec §2). */

/**
 * Checks and writes a term inside the transaction. The committee row is locked first so that two
 * concurrent writers on PostgreSQL cannot both pass the overlap check (spec §2: terms succeed each other).
 */
async function writeTerm(
  ctx: Ctx,
  trx: Trx,
  committeeId: number,
  termId: number | null,
  fields: TermFields,
): Promise<number> {
  const resolved = resolveTermDates(fields);
  if ('problems' in resolved) {
    throw orgErrors.invalidTerm(resolved.problems);
  }
  await ctx.dialect
    .forUpdate(trx.selectFrom('committees').select('id').where('id', '=', committeeId))
    .execute();
  const others = (await repo.listTerms(trx, committeeId)).filter((t) => t.id !== termId);
  const conflict = findTermConflict({ ordinal: fields.ordinal, ...resolved.dates }, others);
  if (conflict) {
    throw orgErrors.termConflict(conflict);
  }
  const values = {
    ordinal: fields.ordinal,
    label: fields.label,
    congress_closed_on: fields.congressClosedOn,
    first_plenum_during_congress_on: fields.firstPlenumDuringCongressOn,
    starts_on: resolved.dates.startsOn,
    ends_on: resolved.dates.endsOn,
  };
  const taken = () =>
    orgErrors.termConflict({
      kind: 'ordinal_taken',
      term: { id: 0, ordinal: fields.ordinal, ...resolved.dates },
    });
  if (termId === null) {
    return unique(ctx, () => repo.insertTerm(trx, { committee_id: committeeId, ...values }), taken);
  }
  await unique(ctx, () => repo.updateTerm(trx, termId, values), taken);
  return termId;
}

/** Adds a term (nhiệm kỳ); `startsOn` is computed from the congress dates when not given (spec §2). */
export async function createTerm(
  ctx: Ctx,
  by: By,
  committeeId: number,
  input: z.infer<typeof termInput>,
): Promise<repo.Term> {
  return inTransaction(ctx, async (trx) => {
    await loadManageableCommittee(trx, by, committeeId);
    const id = await writeTerm(ctx, trx, committeeId, null, input);
    const term = (await repo.findTerm(trx, id)) as repo.Term;
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.term_created',
      entityType: 'term',
      entityId: id,
      details: { committeeId, ...input, startsOn: term.startsOn },
    });
    return term;
  });
}

export async function updateTerm(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof termPatch>,
): Promise<repo.Term> {
  return inTransaction(ctx, async (trx) => {
    const stored = await repo.findTerm(trx, id);
    if (!stored || !canViewCommittee(by.scope, stored.committeeId)) {
      throw orgErrors.termNotFound();
    }
    await loadManageableCommittee(trx, by, stored.committeeId);
    await writeTerm(ctx, trx, stored.committeeId, id, mergeTermPatch(stored, patch));
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.term_updated',
      entityType: 'term',
      entityId: id,
      details: { changes: patch },
    });
    return (await repo.findTerm(trx, id)) as repo.Term;
  });
}
