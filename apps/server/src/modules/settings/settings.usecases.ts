import type { z } from 'zod';
import type { documentTypeInput, documentTypePatch, settingsPatch } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Actor } from '../auth/auth.models.ts';
import { settingsErrors } from './settings.errors.ts';
import type { Settings } from './settings.models.ts';
import {
  findDocumentType,
  findDocumentTypeByKey,
  getSettings,
  invalidateSettingsCache,
  writeSetting,
  type DocumentTypeRow,
} from './settings.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** Who is acting: a logged-in actor, or the CLI operator (`actor: null`). */
export interface By {
  actor: Actor | null;
  audit: AuditContext;
}

const audited = (ctx: Ctx, trx: Trx, by: By) => ({
  trx,
  dialect: ctx.dialect,
  clock: ctx.clock,
  ctx: by.audit,
});

/**
 * Changes settings (issue 2 §8: settings are data an admin edits). Only keys whose value really changes
 * are written; the audit event lists each of them with its old and new value, so "who weakened the
 * password rule, when" has an answer. A patch that changes nothing writes nothing.
 */
export async function updateSettings(
  ctx: Ctx,
  by: By,
  patch: z.infer<typeof settingsPatch>,
): Promise<Settings> {
  await inTransaction(ctx, async (trx) => {
    const current = await getSettings(trx, { fresh: true });
    // The escalation steps in order: the head of the lead unit first, then the assigner. A key sent
    // alone is checked against the stored other one (both sent: the contract checks them already).
    const sent = (['taskEscalateHeadAfterDays', 'taskEscalateAssignerAfterDays'] as const).filter((k) => patch[k] !== undefined);
    const head = patch.taskEscalateHeadAfterDays ?? current.taskEscalateHeadAfterDays;
    const assigner = patch.taskEscalateAssignerAfterDays ?? current.taskEscalateAssignerAfterDays;
    if (sent.length > 0 && head >= assigner) {
      throw settingsErrors.escalationOrder(head, assigner, sent);
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, to] of Object.entries(patch) as [keyof Settings, unknown][]) {
      if (to !== undefined && JSON.stringify(current[key]) !== JSON.stringify(to)) {
        changes[key] = { from: current[key], to };
      }
    }
    const keys = Object.keys(changes);
    if (keys.length === 0) {
      return;
    }
    const at = ctx.clock.now().toISOString();
    for (const key of keys) {
      await writeSetting(trx, { key, value: changes[key]?.to, at, by: by.audit.actorUserId });
    }
    await recordAudit(audited(ctx, trx, by), {
      action: 'settings.updated',
      entityType: 'settings',
      details: { keys, changes },
    });
  });
  // Dropped again after commit: a read between the write and the commit could have cached the old values.
  invalidateSettingsCache();
  return getSettings(ctx.db, { fresh: true });
}

/** Two admins saving the same name at once both pass the check; the unique index then decides. */
async function translatingDuplicates<T>(ctx: Ctx, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (ctx.dialect.isUniqueViolation(err)) {
      throw settingsErrors.documentTypeDuplicate();
    }
    throw err;
  }
}

async function assertKeyFree(
  trx: Trx,
  key: { name: string; family: string; exceptId?: number },
): Promise<void> {
  if (await findDocumentTypeByKey(trx, key)) {
    throw settingsErrors.documentTypeDuplicate();
  }
}

/**
 * Adds a document type (spec §1: types and abbreviations follow 399-QĐ/TW and Nghị định 30/2020,
 * and admins complete the list). The name is unique within a family.
 */
export async function createDocumentType(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof documentTypeInput>,
): Promise<DocumentTypeRow> {
  const id = await translatingDuplicates(ctx, () =>
    inTransaction(ctx, async (trx) => {
      await assertKeyFree(trx, { name: input.name, family: input.family });
      const r = await trx
        .insertInto('document_types')
        .values({
          name: input.name,
          abbreviation: input.abbreviation,
          family: input.family,
          active: input.active ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(audited(ctx, trx, by), {
        action: 'document_types.created',
        entityType: 'document_type',
        entityId: r.id,
        details: { ...input },
      });
      return r.id;
    }),
  );
  return (await findDocumentType(ctx.db, id)) as DocumentTypeRow;
}

/** Renames, re-abbreviates, moves or (de)activates a type; deactivating keeps it on existing documents. */
export async function updateDocumentType(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof documentTypePatch>,
): Promise<DocumentTypeRow> {
  await translatingDuplicates(ctx, () =>
    inTransaction(ctx, async (trx) => {
      const before = await findDocumentType(trx, id);
      if (!before) {
        throw settingsErrors.documentTypeNotFound();
      }
      const after = {
        name: patch.name ?? before.name,
        abbreviation: patch.abbreviation ?? before.abbreviation,
        family: patch.family ?? before.family,
        active: patch.active === undefined ? before.active : patch.active ? 1 : 0,
      };
      await assertKeyFree(trx, { name: after.name, family: after.family, exceptId: id });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(after) as (keyof typeof after)[]) {
        if (after[key] !== before[key]) {
          changes[key] =
            key === 'active'
              ? { from: Boolean(before.active), to: Boolean(after.active) }
              : { from: before[key], to: after[key] };
        }
      }
      if (Object.keys(changes).length === 0) {
        return;
      }
      await trx.updateTable('document_types').set(after).where('id', '=', id).execute();
      await recordAudit(audited(ctx, trx, by), {
        action: 'document_types.updated',
        entityType: 'document_type',
        entityId: id,
        details: { changes },
      });
    }),
  );
  return (await findDocumentType(ctx.db, id)) as DocumentTypeRow;
}
