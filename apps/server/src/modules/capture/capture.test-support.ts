import fs from 'node:fs';
import path from 'node:path';
import { extractText } from '../../platform/extract/extract.ts';
import { DEMO_PROVINCE, DEMO_PROVINCE_AGENCIES, DEMO_SUBCOMMITTEES } from '../seed/seed.demo-data.ts';
import { DEMO_ORGANIZATIONS } from '../seed/seed.organizations.ts';
import { DOCUMENT_TYPES } from '../seed/seed.reference-data.ts';
import { readFirstPage } from './capture.fields.ts';
import { matchIssuer, type OrgRow, type TypeRow } from './capture.matching.ts';
import { scoreCase, type CaptureTruth, type FieldScore, type ScoredField } from './capture.scoring.ts';
import type { CaptureHints } from './capture.vocabulary.ts';

/**
 * The demo directory as the server holds it after seeding (ids in seeding order), and the hints the use
 * case derives from it — for the accuracy test and bench/capture-measure.mjs, which read without a
 * database.
 */
export function demoDirectory(): {
  orgs: OrgRow[];
  types: TypeRow[];
  hints: CaptureHints;
  orgId: (name: string | null) => number | null;
} {
  const orgs = DEMO_ORGANIZATIONS.map((o, i) => ({ id: i + 1, name: o.name, code: o.code }));
  const types = DOCUMENT_TYPES.map((t, i) => ({ id: i + 1, ...t }));
  const hints: CaptureHints = {
    organizations: orgs,
    documentTypes: types,
    bodies: [
      DEMO_PROVINCE.name,
      DEMO_PROVINCE.superiorLine,
      ...DEMO_PROVINCE_AGENCIES.map((a) => a.name),
      ...DEMO_SUBCOMMITTEES.map((c) => c.name),
    ],
    places: [DEMO_PROVINCE.placeName, ...DEMO_SUBCOMMITTEES.map((c) => c.placeName)],
    codes: [
      DEMO_PROVINCE.abbreviation,
      ...DEMO_PROVINCE_AGENCIES.map((a) => a.abbreviation),
      ...DEMO_SUBCOMMITTEES.map((c) => c.abbreviation),
    ],
  };
  const byName = new Map(orgs.map((o) => [o.name, o.id]));
  return { orgs, types, hints, orgId: (name) => (name ? (byName.get(name) ?? null) : null) };
}

export interface LabelledCase {
  id: string;
  pdf: string | null;
  scan: string | null;
  degradation: { level: string } | null;
  truth: CaptureTruth;
}

export const readLabels = (dir: string): LabelledCase[] =>
  JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')).cases;

/** One file of the set through the server's path (extractText → readFirstPage → directory match), scored. */
export async function readAndScore(
  dir: string,
  c: LabelledCase,
  kind: 'clean' | 'scan',
  directory = demoDirectory(),
): Promise<{
  method: string;
  scores: Record<ScoredField, FieldScore>;
  fields: ReturnType<typeof readFirstPage>['fields'];
}> {
  const file = path.join(dir, (kind === 'clean' ? c.pdf : c.scan)!);
  const read = await extractText({
    file,
    contentType: kind === 'clean' ? 'application/pdf' : 'image/jpeg',
    firstPageOnly: true,
  });
  const parsed = readFirstPage(read.text, { hints: directory.hints, ocr: read.method === 'ocr' });
  parsed.fields.issuerId = matchIssuer(
    parsed.fields.issuerName,
    parsed.fields.superiorBody,
    parsed.notation,
    directory.orgs,
  );
  return {
    method: read.method,
    scores: scoreCase(parsed.fields, c.truth, directory.orgId(c.truth.issuerOrg)),
    fields: parsed.fields,
  };
}
