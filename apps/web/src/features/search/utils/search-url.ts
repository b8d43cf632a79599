import type { SearchKind, SearchSort } from '@vanphong/contracts';
import type { SearchParams } from '../api/search';

// Values, not types, of the contract: kept here so zod (the API schemas) stays out of the browser bundle.
export const SEARCH_KINDS: readonly SearchKind[] = ['incoming', 'outgoing', 'task'];
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'date_desc', 'date_asc'];

export const PAGE_SIZE = 20;

/** The facets a result can be narrowed by, in the order the side panel shows them. */
export const FACETS = ['kind', 'documentType', 'issuer', 'year', 'status', 'secrecy'] as const;
export type FacetName = (typeof FACETS)[number];

/** A search as it sits in the URL (`/search?q=…&kind=…`): a copied link reproduces it, Back undoes a step. */
export interface SearchView {
  q: string;
  kind?: SearchKind;
  documentTypeId?: number;
  issuer?: string;
  year?: number;
  status?: string;
  secrecy?: string;
  sort: SearchSort;
  page: number;
}

const posInt = (v: string | null): number | undefined => {
  if (!v || !/^\d{1,9}$/.test(v)) {
    return undefined;
  }
  const n = Number(v);
  return n > 0 ? n : undefined;
};
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;
const text = (v: string | null): string | undefined => (v && v.trim() ? v.trim() : undefined);

export function readSearchView(params: URLSearchParams): SearchView {
  return {
    q: params.get('q') ?? '',
    kind: oneOf(SEARCH_KINDS, params.get('kind')),
    documentTypeId: posInt(params.get('type')),
    issuer: text(params.get('issuer')),
    year: posInt(params.get('year')),
    status: text(params.get('status')),
    secrecy: text(params.get('secrecy')),
    sort: oneOf(SEARCH_SORTS, params.get('sort')) ?? 'relevance',
    // Paging stays inside the counted matches (offset ≤ 980 in the contract).
    page: Math.min(posInt(params.get('page')) ?? 1, 1000 / PAGE_SIZE),
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeSearchView(v: SearchView): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, value: string | number | undefined | false) => {
    if (value !== undefined && value !== false && value !== '') {
      p.set(k, String(value));
    }
  };
  set('q', v.q.trim().normalize('NFC'));
  set('kind', v.kind);
  set('type', v.documentTypeId);
  set('issuer', v.issuer);
  set('year', v.year);
  set('status', v.status);
  set('secrecy', v.secrecy);
  set('sort', v.sort !== 'relevance' && v.sort);
  set('page', v.page > 1 && v.page);
  return p;
}

export const toSearchParams = (v: SearchView): SearchParams => ({
  q: v.q.trim() || undefined,
  kind: v.kind,
  documentTypeId: v.documentTypeId,
  issuer: v.issuer,
  year: v.year,
  status: v.status,
  secrecy: v.secrecy,
  sort: v.sort,
  limit: PAGE_SIZE,
  offset: (v.page - 1) * PAGE_SIZE,
});

/** The view's value for one facet, as the facet lists carry it (strings). */
export function facetValueOf(v: SearchView, facet: FacetName): string | undefined {
  const value = facet === 'documentType' ? v.documentTypeId : v[facet];
  return value === undefined ? undefined : String(value);
}

/** A click on a facet value: select it, or clear it when it is the selected one. Back to page 1. */
export function withFacet(v: SearchView, facet: FacetName, value: string | undefined): SearchView {
  const next: SearchView = { ...v, page: 1 };
  switch (facet) {
    case 'kind':
      next.kind = oneOf(SEARCH_KINDS, value ?? null);
      break;
    case 'documentType':
      next.documentTypeId = posInt(value ?? null);
      break;
    case 'year':
      next.year = posInt(value ?? null);
      break;
    default:
      next[facet] = value;
  }
  return next;
}

export const activeFacets = (v: SearchView): FacetName[] =>
  FACETS.filter((f) => facetValueOf(v, f) !== undefined);

/** Something to ask the server: words, or at least one filter. */
export const hasCriteria = (v: SearchView): boolean => v.q.trim() !== '' || activeFacets(v).length > 0;
