import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { AnyDb, Dialect } from '../dialect.ts';
import { m0001Platform } from './0001-platform.ts';
import { m0002Org } from './0002-org.ts';
import { m0003Auth } from './0003-auth.ts';
import { m0004Reference } from './0004-reference.ts';
import { m0005Incoming } from './0005-incoming.ts';
import { m0006IncomingIndexes } from './0006-incoming-indexes.ts';
import { m0007IncomingIntegrity } from './0007-incoming-integrity.ts';
import { m0008IncomingSortIndexes } from './0008-incoming-sort-indexes.ts';
import { m0009Outgoing } from './0009-outgoing.ts';
import { m0010Search } from './0010-search.ts';
import { m0011Import } from './0011-import.ts';
import { m0012Tasks } from './0012-tasks.ts';
import { m0013TaskDashboardIndex } from './0013-task-dashboard-index.ts';
import { m0014Schedule } from './0014-schedule.ts';

export interface MigrationDef {
  name: string;
  up(db: AnyDb, d: Dialect): Promise<void>;
}

/** The explicit, ordered registry. Append only; never edit a migration that has shipped. */
export const MIGRATIONS: readonly MigrationDef[] = [m0001Platform, m0002Org, m0003Auth, m0004Reference, m0005Incoming, m0006IncomingIndexes, m0007IncomingIntegrity, m0008IncomingSortIndexes, m0009Outgoing, m0010Search, m0011Import, m0012Tasks, m0013TaskDashboardIndex, m0014Schedule];

class RegistryProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of MIGRATIONS) {
      out[m.name] = { up: (db) => m.up(db, this.dialect) };
    }
    return out;
  }
}

/** Runs pending migrations (Kysely takes a lock, so two processes starting together are safe). */
export async function migrateToLatest({ db, dialect }: { db: AnyDb; dialect: Dialect }): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new RegistryProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    throw error instanceof Error ? error : new Error(String(error));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
