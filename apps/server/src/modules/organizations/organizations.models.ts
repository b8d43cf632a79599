/**
 * Pure rules of the issuer directory (cơ quan ban hành): how a typed query matches a name or a code,
 * and how matches are ordered for an autocomplete. No I/O.
 */
import type { ORGANIZATION_KINDS } from '@vanphong/contracts';
import { foldVietnamese, vietnameseCollator } from '../../platform/text/fold.ts';
import { syllables } from '../../platform/text/tokens.ts';

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface Organization {
  id: number;
  name: string;
  /** `foldVietnamese(name)`: the uniqueness key and the search key. */
  nameFolded: string;
  code: string;
  kind: OrganizationKind;
  active: boolean;
  createdAt: string;
}

/** The key two names collide on: "Bộ Nội vụ", "BỘ NỘI VỤ" and "bo noi vu" are the same issuer. */
export const organizationNameKey = (name: string): string => foldVietnamese(name);

/**
 * Whether every word of the query is the beginning of a word of the name or of the code, ignoring
 * tones, marks and đ/d: "uy ban kiem" and "ubkt" find "Ủy ban Kiểm tra Trung ương" (code UBKTTW),
 * "noi vu" finds "Bộ Nội vụ" and "Sở Nội vụ", "tw" alone does not find "Trung ương".
 */
export function matchesQuery(org: Pick<Organization, 'name' | 'code'>, queryWords: string[]): boolean {
  if (queryWords.length === 0) {
    return true;
  }
  const words = [...syllables(org.name), ...syllables(org.code)];
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
}

/** 0 exact name or code, 1 the name or the code starts with the query, 2 any other match. */
export function relevance(org: Pick<Organization, 'name' | 'code'>, foldedQuery: string): number {
  const name = foldVietnamese(org.name);
  const code = foldVietnamese(org.code);
  if (name === foldedQuery || (code !== '' && code === foldedQuery)) {
    return 0;
  }
  if (name.startsWith(foldedQuery) || (code !== '' && code.startsWith(foldedQuery))) {
    return 1;
  }
  return 2;
}

/**
 * Filters and orders the directory for a query: exact and prefix matches first, then Vietnamese
 * alphabetical order (a ă â … đ after d, as people expect, not byte order); active before inactive.
 */
export function rankOrganizations<T extends Pick<Organization, 'name' | 'code' | 'active' | 'id'>>(
  rows: T[],
  q: string | undefined,
): T[] {
  const folded = foldVietnamese(q ?? '');
  const words = syllables(folded);
  const scored = rows
    .filter((r) => matchesQuery(r, words))
    .map((r) => ({ r, rank: words.length === 0 ? 0 : relevance(r, folded) }));
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(b.r.active) - Number(a.r.active) ||
      vietnameseCollator.compare(a.r.name, b.r.name) ||
      a.r.id - b.r.id,
  );
  return scored.map((s) => s.r);
}
