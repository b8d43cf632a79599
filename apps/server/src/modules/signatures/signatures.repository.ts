import type { Insertable, Kysely } from 'kysely';
import type { Database, SigningIdentitiesTable, TrustedCertificatesTable } from '../../platform/db/schema.ts';

/** Every query of the signatures module. `db` may be a transaction. */
type Db = Kysely<Database>;

export const findIdentity = (db: Db, issuerKey: string) =>
  db.selectFrom('signing_identities').selectAll().where('issuer_key', '=', issuerKey).executeTakeFirst();

export const listIdentities = (db: Db) => db.selectFrom('signing_identities').selectAll().orderBy('id').execute();

/** Inserts unless the issuer key exists (another request or process got there first); the id when inserted. */
export async function insertIdentityIfAbsent(db: Db, row: Insertable<SigningIdentitiesTable>): Promise<number | null> {
  const r = await db
    .insertInto('signing_identities')
    .values(row)
    .onConflict((oc) => oc.column('issuer_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function upsertIdentity(db: Db, row: Insertable<SigningIdentitiesTable>): Promise<void> {
  await db
    .insertInto('signing_identities')
    .values(row)
    .onConflict((oc) =>
      oc.column('issuer_key').doUpdateSet({
        subject: row.subject,
        certificate_pem: row.certificate_pem,
        fingerprint: row.fingerprint,
        p12: row.p12,
        p12_encryption: row.p12_encryption,
        not_after: row.not_after,
        source: row.source,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export const listTrusted = (db: Db, { activeOnly }: { activeOnly: boolean }) => {
  const q = db.selectFrom('trusted_certificates').selectAll().orderBy('id');
  return (activeOnly ? q.where('active', '=', 1) : q).execute();
};

export const findTrusted = (db: Db, id: number) =>
  db.selectFrom('trusted_certificates').selectAll().where('id', '=', id).executeTakeFirst();

export const findTrustedByFingerprint = (db: Db, fingerprint: string) =>
  db.selectFrom('trusted_certificates').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();

export async function insertTrustedIfAbsent(db: Db, row: Insertable<TrustedCertificatesTable>): Promise<number | null> {
  const r = await db
    .insertInto('trusted_certificates')
    .values(row)
    .onConflict((oc) => oc.column('fingerprint').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export async function setTrustedActive(db: Db, id: number, active: boolean): Promise<void> {
  await db.updateTable('trusted_certificates').set({ active: active ? 1 : 0 }).where('id', '=', id).execute();
}
