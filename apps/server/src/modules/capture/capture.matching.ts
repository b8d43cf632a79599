import type { ParsedNotation } from '@vanphong/contracts';
import { clamp, type Field } from './capture.models.ts';
import { bare } from './capture.text.ts';

/**
 * The issuer and the type read from the first page, matched in the directory (pure: the use case loads
 * the rows). The printed issuer is short ("BAN TỔ CHỨC" under "BAN CHẤP HÀNH TRUNG ƯƠNG"), the
 * directory's name complete ("Ban Tổ chức Trung ương"): names are compared with the level of the
 * superior body added, and the notation's issuer code ("BTCTW") confirms or decides.
 */

export interface OrgRow {
  id: number;
  name: string;
  code: string;
}

export interface TypeRow {
  id: number;
  name: string;
  abbreviation: string;
  family: string;
}

const words = (s: string) => new Set(bare(s).split(' ').filter(Boolean));

/** Dice coefficient of two word sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) {
    return 0;
  }
  let common = 0;
  for (const w of a) {
    common += b.has(w) ? 1 : 0;
  }
  return (2 * common) / (a.size + b.size);
}

/** The names the printed issuer may have in a directory: as printed, and with the superior's level. */
function nameCandidates(issuer: string, superior: string | null): string[] {
  const out = [issuer];
  const sup = bare(superior ?? '');
  const level = /\btrung uong\b/.test(sup)
    ? 'trung uong'
    : (/\b(tinh|thanh pho) [a-z ]+$/.exec(sup)?.[0] ?? null);
  if (level) {
    out.push(`${issuer} ${level}`, `${issuer} ${level} dang`);
  }
  return out;
}

const codeKey = (code: string) => bare(code).replace(/ /g, '');

/** Codes of the notation that may name the issuer ("…/BTCTW", "…/QĐ-UBND", "…/UBND-VP"). */
function issuerCodes(n: ParsedNotation | null): string[] {
  if (!n) {
    return [];
  }
  const codes = [n.issuerCode, n.form === 'state' ? n.typeCode : null].filter((c): c is string => !!c);
  return codes.flatMap((c) => c.split(/[-/]/)).map(codeKey);
}

export function matchIssuer(
  issuerName: Field<string>,
  superiorBody: Field<string>,
  notation: ParsedNotation | null,
  orgs: OrgRow[],
): Field<number> {
  const codes = issuerCodes(notation);
  const names = issuerName.value ? nameCandidates(issuerName.value, superiorBody.value).map(words) : [];
  let best: { org: OrgRow; score: number } | null = null;
  for (const org of orgs) {
    const orgWords = words(org.name);
    const nameScore = Math.max(0, ...names.map((n) => dice(n, orgWords)));
    const codeMatch = codes.includes(codeKey(org.code));
    // A name alone must be (nearly) the directory's; a code alone is shared by many ("ĐU").
    const score =
      nameScore >= 0.999
        ? 0.97
        : codeMatch && nameScore >= 0.4
          ? 0.75 + 0.2 * nameScore
          : nameScore >= 0.9
            ? 0.8 * nameScore
            : 0;
    if (score > 0 && (!best || score > best.score)) {
      best = { org, score };
    }
  }
  if (!best && codes.length > 0 && !issuerName.value) {
    const byCode = orgs.filter((o) => codes.includes(codeKey(o.code)));
    if (byCode.length === 1) {
      best = { org: byCode[0]!, score: 0.6 };
    }
  }
  if (!best) {
    return { value: null, confidence: 0, source: null };
  }
  const confidence = clamp(best.score * Math.max(issuerName.confidence, 0.6));
  return { value: best.org.id, confidence, source: best.org.name };
}

/** The type by its name, in the notation's world (a State "Quyết định" is not the Party's). */
export function matchDocumentType(
  typeName: Field<string>,
  notation: ParsedNotation | null,
  types: TypeRow[],
): Field<number> {
  if (!typeName.value) {
    return { value: null, confidence: 0, source: null };
  }
  const family = notation?.form === 'state' ? 'state' : 'party';
  const same = types.filter((t) => bare(t.name) === bare(typeName.value!));
  const hit = same.find((t) => t.family === family) ?? same.find((t) => t.family === 'both') ?? same[0];
  if (!hit) {
    return { value: null, confidence: 0, source: null };
  }
  const confidence = clamp(typeName.confidence * (hit.family === family || !notation ? 1 : 0.85));
  return { value: hit.id, confidence, source: hit.name };
}
