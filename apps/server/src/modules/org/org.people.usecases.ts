import type { z } from 'zod';
import type { personInput, personPatch, positionInput, positionPatch } from '@vanphong/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/context.ts';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { orgErrors } from './org.errors.ts';
import { canManageCommittee, canManagePositions, canViewCommittee, canViewPerson } from './org.policies.ts';
import * as repo from './org.people.repository.ts';
import { findAgency } from './org.repository.ts';
import { audited, referencedCommittee, unique, type By, type Ctx, type Db } from './org.usecases.ts';

/** Use cases of positions (chức vụ) and people (nhân sự): who works where, under which title. */

function assertCanManagePositions(by: By): void {
  if (!canManagePositions(by.actor, by.scope)) {
    throw orgErrors.positionsNeedTopScope();
  }
}

/** Adds a position (chức vụ) with the title printed above signatures (spec §2 "Signature forms"). */
export async function createPosition(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof positionInput>,
): Promise<repo.Position> {
  assertCanManagePositions(by);
  return inTransaction(ctx, async (trx) => {
    const values = {
      name: input.name,
      signature_title: input.signatureTitle,
      is_leader: input.isLeader ? 1 : 0,
      rank: input.rank,
    };
    const id = await unique(ctx, () => repo.insertPosition(trx, values), orgErrors.positionNameTaken);
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.position_created',
      entityType: 'position',
      entityId: id,
      details: { ...input },
    });
    return (await repo.findPosition(trx, id)) as repo.Position;
  });
}

export async function updatePosition(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof positionPatch>,
): Promise<repo.Position> {
  return inTransaction(ctx, async (trx) => {
    if (!(await repo.findPosition(trx, id))) {
      throw orgErrors.positionNotFound();
    }
    assertCanManagePositions(by);
    const set = {
      name: patch.name,
      signature_title: patch.signatureTitle,
      is_leader: patch.isLeader === undefined ? undefined : patch.isLeader ? 1 : 0,
      rank: patch.rank,
    };
    await unique(ctx, () => repo.updatePosition(trx, id, set), orgErrors.positionNameTaken);
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.position_updated',
      entityType: 'position',
      entityId: id,
      details: { changes: patch },
    });
    return (await repo.findPosition(trx, id)) as repo.Position;
  });
}

export async function loadVisiblePerson(db: Db, by: By, id: number): Promise<repo.Person> {
  const p = await repo.findPerson(db, id);
  if (!p || !canViewPerson(by.scope, p)) {
    throw orgErrors.personNotFound();
  }
  return p;
}

/**
 * Where a person works. An agency implies its committee (given alone, it settles the committee; given
 * with another committee, it is an error); the committee must be one the actor manages. Only a
 * whole-installation scope may leave a person without a committee — nobody else could see them again.
 */
async function resolveUnit(
  db: Db,
  by: By,
  unit: { committeeId: number | null; agencyId: number | null; positionId: number | null },
) {
  const agency = unit.agencyId === null ? null : await findAgency(db, unit.agencyId);
  if (unit.agencyId !== null && (!agency || !canViewCommittee(by.scope, agency.committeeId))) {
    throw orgErrors.unknownReference('agencyId');
  }
  const committeeId = unit.committeeId ?? agency?.committeeId ?? null;
  if (agency && agency.committeeId !== committeeId) {
    throw orgErrors.agencyNotInCommittee();
  }
  if (committeeId !== null) {
    await referencedCommittee(db, by, committeeId, 'committeeId');
  } else if (by.scope.subtree !== null) {
    throw orgErrors.outOfScope('committeeId');
  }
  if (unit.positionId !== null && !(await repo.findPosition(db, unit.positionId))) {
    throw orgErrors.unknownReference('positionId');
  }
  return { committeeId, agencyId: unit.agencyId };
}

/** Adds a person; the folded name (tones and đ removed) is stored beside it for diacritic-free search. */
export async function createPerson(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof personInput>,
): Promise<repo.Person> {
  return inTransaction(ctx, async (trx) => {
    // Without a unit, the person joins the actor's own scope committee (as new accounts do).
    const committeeId = input.committeeId ?? (input.agencyId === null ? by.actor.scopeCommitteeId : null);
    const unit = await resolveUnit(trx, by, {
      committeeId,
      agencyId: input.agencyId,
      positionId: input.positionId,
    });
    const id = await repo.insertPerson(trx, {
      full_name: input.fullName,
      full_name_folded: foldVietnamese(input.fullName),
      gender: input.gender,
      birth_year: input.birthYear,
      committee_id: unit.committeeId,
      agency_id: unit.agencyId,
      position_id: input.positionId,
      email: input.email,
      phone: input.phone,
      active: input.active ? 1 : 0,
    });
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.person_created',
      entityType: 'person',
      entityId: id,
      details: { ...input, committeeId: unit.committeeId },
    });
    return (await repo.findPerson(trx, id)) as repo.Person;
  });
}

export async function updatePerson(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof personPatch>,
): Promise<repo.Person> {
  return inTransaction(ctx, async (trx) => {
    const current = await loadVisiblePerson(trx, by, id);
    const agencyId = patch.agencyId !== undefined ? patch.agencyId : current.agencyId;
    // A new agency alone moves the person to that agency's committee.
    const committeeId =
      patch.committeeId !== undefined ? patch.committeeId : patch.agencyId ? null : current.committeeId;
    if (!canManageCommittee(by.actor, by.scope, current.committeeId)) {
      throw orgErrors.outOfScope('id');
    }
    const unit = await resolveUnit(trx, by, {
      committeeId,
      agencyId,
      positionId: patch.positionId !== undefined ? patch.positionId : current.positionId,
    });
    await repo.updatePerson(trx, id, {
      full_name: patch.fullName,
      full_name_folded: patch.fullName === undefined ? undefined : foldVietnamese(patch.fullName),
      gender: patch.gender,
      birth_year: patch.birthYear,
      committee_id: unit.committeeId,
      agency_id: unit.agencyId,
      position_id: patch.positionId,
      email: patch.email,
      phone: patch.phone,
      active: patch.active === undefined ? undefined : patch.active ? 1 : 0,
    });
    await recordAudit(audited(ctx, trx, by), {
      action: 'org.person_updated',
      entityType: 'person',
      entityId: id,
      details: { changes: patch },
    });
    return (await repo.findPerson(trx, id)) as repo.Person;
  });
}
