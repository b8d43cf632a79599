import type { z } from 'zod';
import type { organizationInput, organizationPatch } from '@vanphong/contracts';
import type { Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext, type Trx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Actor } from '../auth/auth.models.ts';
import { organizationErrors } from './organizations.errors.ts';
import { organizationNameKey, rankOrganizations, type Organization } from './organizations.models.ts';
import {
  findOrganization,
  findOrganizationByNameKey,
  insertOrganization,
  organizationCandidates,
  writeOrganization,
} from './organizations.repository.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock'>;

/** Who is acting: a logged-in actor, or the CLI / seed (`actor: null`). */
export interface By {
  actor: Actor | null;
  audit: AuditContext;
}

const audited = (ctx: Ctx, trx: Trx, by: By) => ({ trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit });

/** One issuer of the directory by id, or null (for the incoming module: `issuerId` → name). */
export function getOrganization(db: Kysely<Database>, id: number): Promise<Organization | null> {
  return findOrganization(db, id);
}

/** The directory entry whose name equals `name` ignoring case, tones and marks, or null. */
export function findOrganizationByName(db: Kysely<Database>, name: string): Promise<Organization | null> {
  return findOrganizationByNameKey(db, organizationNameKey(name));
}

/**
 * The issuer autocomplete (issue 3 §2, §6): every word typed must begin a word of the name or of the
 * code, diacritics ignored; exact and prefix matches first, then Vietnamese alphabetical order.
 * Inactive issuers are left out unless asked for (the directory screen).
 */
export async function listOrganizations(
  db: Kysely<Database>,
  { q, limit, offset, includeInactive }: { q?: string; limit: number; offset: number; includeInactive: boolean },
): Promise<{ items: Organization[]; total: number }> {
  const ranked = rankOrganizations(await organizationCandidates(db, { q, includeInactive }), q);
  return { items: ranked.slice(offset, offset + limit), total: ranked.length };
}

/** Two clerks promoting the same free-text issuer at once both pass the check; the unique index decides. */
async function translatingDuplicates<T>(ctx: Ctx, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (ctx.dialect.isUniqueViolation(err)) {
      const existing = await findOrganizationByName(ctx.db, name);
      throw organizationErrors.duplicate(existing?.id ?? null);
    }
    throw err;
  }
}

async function assertNameFree(trx: Trx, name: string, exceptId?: number): Promise<void> {
  const existing = await findOrganizationByNameKey(trx, organizationNameKey(name));
  if (existing && existing.id !== exceptId) {
    throw organizationErrors.duplicate(existing.id);
  }
}

/** Adds an issuer — typically a free-text issuer a clerk promotes to the directory (issue 3 §2). */
export async function createOrganization(
  ctx: Ctx,
  by: By,
  input: z.infer<typeof organizationInput>,
): Promise<Organization> {
  const id = await translatingDuplicates(ctx, input.name, () =>
    inTransaction(ctx, async (trx) => {
      await assertNameFree(trx, input.name);
      const newId = await insertOrganization(trx, { ...input, active: true, at: ctx.clock.now().toISOString() });
      await recordAudit(audited(ctx, trx, by), {
        action: 'organizations.created',
        entityType: 'organization',
        entityId: newId,
        details: { name: input.name, code: input.code, kind: input.kind },
      });
      return newId;
    }),
  );
  return (await findOrganization(ctx.db, id)) as Organization;
}

/** Renames, recodes, reclassifies or (de)activates an issuer; documents keep the name they were registered with. */
export async function updateOrganization(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof organizationPatch>,
): Promise<Organization> {
  await translatingDuplicates(ctx, patch.name ?? '', () =>
    inTransaction(ctx, async (trx) => {
      const before = await findOrganization(trx, id);
      if (!before) {
        throw organizationErrors.notFound();
      }
      const after = {
        name: patch.name ?? before.name,
        code: patch.code ?? before.code,
        kind: patch.kind ?? before.kind,
        active: patch.active ?? before.active,
      };
      if (after.name !== before.name) {
        await assertNameFree(trx, after.name, id);
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(after) as (keyof typeof after)[]) {
        if (after[key] !== before[key]) {
          changes[key] = { from: before[key], to: after[key] };
        }
      }
      if (Object.keys(changes).length === 0) {
        return;
      }
      await writeOrganization(trx, id, after);
      await recordAudit(audited(ctx, trx, by), {
        action: 'organizations.updated',
        entityType: 'organization',
        entityId: id,
        details: { changes },
      });
    }),
  );
  return (await findOrganization(ctx.db, id)) as Organization;
}
