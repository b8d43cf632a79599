import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CaptureResult, CapturedFields } from '@vanphong/contracts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { inTransaction, type AppContext } from '../../platform/context.ts';
import { extractText, kindOfContentType, type ExtractOutput } from '../../platform/extract/extract.ts';
import type { FileStore } from '../../platform/files/files.store.ts';
import { sniffUpload } from '../../platform/files/files.sniff.ts';
import type { Actor } from '../auth/auth.models.ts';
import { encryptsUploads } from '../files/files.policies.ts';
import { isNetworked } from '../incoming/incoming.models.ts';
import { listAgencies, listCommittees } from '../org/org.repository.ts';
import { listOrganizations } from '../organizations/organizations.usecases.ts';
import { getSettings, listDocumentTypes } from '../settings/settings.repository.ts';
import { captureErrors as E } from './capture.errors.ts';
import { readFirstPage } from './capture.fields.ts';
import { matchDocumentType, matchIssuer, type OrgRow, type TypeRow } from './capture.matching.ts';
import type { CaptureHints } from './capture.vocabulary.ts';

type Ctx = Pick<AppContext, 'db' | 'dialect' | 'clock' | 'config'>;

export interface By {
  actor: Actor;
  audit: AuditContext;
}

/** Kinds of file the reader can read text from (extractText's kinds, minus XML). */
const READABLE = new Set(['pdf', 'image', 'docx', 'text']);

/** A secrecy mark read with at least this confidence keeps a scan out of a networked installation. */
const SECRET_CONFIDENCE = 0.5;

/**
 * `POST /api/capture/extract` (issue 7 §3): reads the first page of an uploaded letter and proposes the
 * incoming registration's fields, each with a confidence. On the isolated LAN the file is stored as
 * `POST /api/files` stores it (staged before the transaction, encrypted; the row and the audit event in one
 * transaction), so the registration can attach it. On a networked profile nothing is stored: a secrecy
 * mark the reading missed (a stamp OCR cannot read, tools missing) must not leave a secret scan on the
 * server; the web uploads the file with the registration once the clerk has confirmed it is not secret.
 */
export async function captureFirstPage(
  ctx: Ctx,
  by: By,
  input: { bytes: Buffer; name: string },
  store: FileStore,
): Promise<CaptureResult> {
  const { extension, contentType } = await sniffUpload({ bytes: input.bytes, name: input.name });
  if (!READABLE.has(kindOfContentType(contentType))) {
    throw E.notReadable(extension);
  }
  const read = await extractFirstPage(input.bytes, extension, contentType);
  const directory = await directoryOf(ctx);
  const parsed = readFirstPage(read.text, { hints: directory.hints, ocr: read.method === 'ocr' });
  const fields: CapturedFields = {
    ...parsed.fields,
    issuerId: matchIssuer(
      parsed.fields.issuerName,
      parsed.fields.superiorBody,
      parsed.notation,
      directory.orgs,
    ),
    documentTypeId: matchDocumentType(parsed.fields.documentTypeName, parsed.notation, directory.types),
  };
  const { deploymentProfile } = await getSettings(ctx.db);
  const secrecy = fields.secrecy;
  if (
    isNetworked(deploymentProfile) &&
    secrecy.value &&
    secrecy.value !== 'none' &&
    secrecy.confidence >= SECRET_CONFIDENCE
  ) {
    throw E.secretNotStored(secrecy.value, fields);
  }
  const stores = !isNetworked(deploymentProfile);
  const staged = stores
    ? await store.stage({ bytes: input.bytes, name: input.name, encrypt: encryptsUploads(deploymentProfile) })
    : null;
  const file = await inTransaction(ctx, async (trx) => {
    const record = staged ? await store.register({ staged, createdBy: by.actor.userId, trx, audit: by.audit }) : null;
    await recordAudit(
      { trx, dialect: ctx.dialect, clock: ctx.clock, ctx: by.audit },
      {
        action: 'capture.extracted',
        entityType: record ? 'file' : 'capture',
        entityId: record?.id ?? null,
        // What was read, not the values: the trích yếu of a secret document stays out of the trail.
        details: {
          method: read.method,
          legacyEncoding: read.legacyEncoding,
          fieldsRead: Object.entries(fields)
            .filter(([, f]) => f.value !== null && f.source !== null)
            .map(([k]) => k),
          warnings: read.warnings.map((w) => w.code),
        },
      },
    );
    return record;
  });
  return {
    file: file ? { id: file.id, originalName: file.originalName, contentType: file.contentType, size: file.size } : null,
    method: read.method,
    text: read.pageTexts[0] ?? read.text,
    legacyEncoding: read.legacyEncoding,
    fields,
    warnings: read.warnings,
  };
}

/**
 * The tools read files from disk: the plain bytes go to a private temporary directory for the time of
 * the extraction (also on the isolated LAN, where the stored copy is encrypted) and are removed after.
 */
async function extractFirstPage(
  bytes: Buffer,
  extension: string,
  contentType: string,
): Promise<ExtractOutput> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanphong-capture-'));
  try {
    const file = path.join(dir, `page.${extension}`);
    await fs.writeFile(file, bytes, { mode: 0o600 });
    return await extractText({ file, contentType, firstPageOnly: true });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The directory the reader matches against and learns names from: issuers and document types, and the
 * installation's own committees and agencies (their names, places and abbreviations).
 */
async function directoryOf(ctx: Ctx): Promise<{ orgs: OrgRow[]; types: TypeRow[]; hints: CaptureHints }> {
  const [orgs, types, committees, agencies] = await Promise.all([
    listOrganizations(ctx.db, { limit: 100_000, offset: 0, includeInactive: false }),
    listDocumentTypes(ctx.db, { active: true, limit: 10_000, offset: 0 }),
    listCommittees(ctx.db, { ids: null, includeInactive: true }),
    listAgencies(ctx.db, { ids: null, limit: 10_000, offset: 0 }),
  ]);
  const orgRows = orgs.items.map((o) => ({ id: o.id, name: o.name, code: o.code }));
  const typeRows = types.items.map((t) => ({
    id: t.id,
    name: t.name,
    abbreviation: t.abbreviation,
    family: t.family,
  }));
  const hints: CaptureHints = {
    organizations: orgRows,
    documentTypes: typeRows,
    bodies: [...committees.flatMap((c) => [c.name, c.superiorLine]), ...agencies.items.map((a) => a.name)],
    places: committees.map((c) => c.placeName),
    codes: [...committees.map((c) => c.abbreviation), ...agencies.items.map((a) => a.abbreviation)],
  };
  return { orgs: orgRows, types: typeRows, hints };
}
