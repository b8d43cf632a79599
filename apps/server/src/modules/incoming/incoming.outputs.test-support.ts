import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import type { Database, IncomingDocumentsTable } from '../../platform/db/schema.ts';

type Db = Kysely<Database>;
const RANK = { none: 0, confidential: 1, secret: 2, top_secret: 3 } as const;

/** A register of its own (a scope key no real register uses), so demo registers never collide. */
export async function insertRegister(
  db: Db,
  {
    committeeId,
    year,
    kind,
    name,
  }: { committeeId: number; year: number; kind: 'ordinary' | 'secret'; name: string },
): Promise<number> {
  const r = await db
    .insertInto('incoming_registers')
    .values({
      committee_id: committeeId,
      agency_id: null,
      scope_key: `test-c${committeeId}-${kind}-${year}`,
      year,
      kind,
      name,
      last_number: 0,
      created_at: '2025-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface DocSpec {
  n: number;
  arrivalDate: string;
  notation: string;
  issuerName?: string;
  summary?: string | null;
  documentTypeId?: number | null;
  secrecy?: keyof typeof RANK;
  status?: string;
  deadline?: string | null;
  completedOn?: string | null;
  leadAgencyId?: number | null;
  leadUserId?: number | null;
  coAgencyIds?: number[];
  directedAt?: string | null;
  cancelReason?: string;
  note?: string;
}

/** One document as registration and direction would leave it: the row plus its lead and co recipients. */
export async function insertDocument(
  db: Db,
  register: { id: number; committeeId: number },
  d: DocSpec,
): Promise<number> {
  const now = `${d.arrivalDate}T01:00:00.000Z`;
  const secrecy = d.secrecy ?? 'none';
  const values: Omit<Insertable<IncomingDocumentsTable>, 'id'> = {
    register_id: register.id,
    committee_id: register.committeeId,
    arrival_number: d.n,
    arrived_at: now,
    arrival_date: d.arrivalDate,
    channel: 'paper',
    issuer_id: null,
    issuer_name: d.issuerName ?? 'Văn phòng Trung ương Đảng',
    notation: d.notation,
    notation_folded: d.notation.toLowerCase(),
    document_number: null,
    document_date: d.arrivalDate,
    document_type_id: d.documentTypeId ?? null,
    summary: d.summary === undefined ? 'Về việc triển khai công tác văn thư' : d.summary,
    signer: '',
    page_count: null,
    copies: 1,
    urgency: 'normal',
    urgency_rank: 0,
    deliver_by: null,
    secrecy,
    secrecy_rank: RANK[secrecy],
    stub: secrecy === 'none' ? 0 : 1,
    deadline: d.deadline ?? null,
    status: d.status ?? 'registered',
    paper_location: '',
    note: d.note ?? '',
    presented_to: null,
    direction: '',
    lead_agency_id: d.leadAgencyId ?? null,
    lead_user_id: d.leadUserId ?? null,
    directed_at: d.directedAt ?? null,
    result_note: '',
    reply_outgoing_id: null,
    cancel_reason: d.cancelReason ?? '',
    completed_at: d.completedOn ? `${d.completedOn}T03:00:00.000Z` : null,
    completed_on: d.completedOn ?? null,
    attachment_count: 0,
    created_by: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  const { id } = await db
    .insertInto('incoming_documents')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  const recipients = [
    ...(d.leadAgencyId ? [{ role: 'lead', agency_id: d.leadAgencyId, user_id: null }] : []),
    ...(d.leadUserId ? [{ role: 'lead', agency_id: null, user_id: d.leadUserId }] : []),
    ...(d.coAgencyIds ?? []).map((a) => ({ role: 'co', agency_id: a, user_id: null })),
  ];
  if (recipients.length > 0) {
    await db
      .insertInto('incoming_recipients')
      .values(recipients.map((r) => ({ ...r, document_id: id, active: 1, created_at: now })))
      .execute();
  }
  return id;
}

/**
 * The text of a PDF as poppler's `pdftotext` reads it (Debian `poppler-utils`): what a person copying
 * from the printed register would get. `layout` keeps the lines of the page in reading order (for
 * order checks); without it each cell's wrapped lines come together, and the text is given with runs
 * of white space collapsed to one space (for content checks).
 */
export function pdfText(
  bytes: Uint8Array,
  { layout = false, pages }: { layout?: boolean; pages?: { first: number; last: number } } = {},
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-pdf-'));
  try {
    const file = path.join(dir, 'register.pdf');
    fs.writeFileSync(file, bytes);
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    try {
      const text = execFileSync(
        'pdftotext',
        [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', ...range, file, '-'],
        { encoding: 'utf8' },
      );
      return layout ? text : text.replace(/\s+/g, ' ');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error('pdftotext is missing: apt-get install poppler-utils');
      }
      throw err;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Page count from poppler's `pdfinfo`. */
export function pdfPages(bytes: Uint8Array): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-pdf-'));
  try {
    const file = path.join(dir, 'register.pdf');
    fs.writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
