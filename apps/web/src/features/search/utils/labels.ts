import type { FacetValue, SearchFacets, SearchKind } from '@vanphong/contracts';
import type { DocumentType } from '../../../types/api';
import i18n, { translateOr } from '../../../lib/i18n';
import type { FacetName } from './search-url';

/** Groups format of large counts: "1 000" (a thin space would be lost by some fonts; a no-break space is kept). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/**
 * A facet value's label in the reader's language: kinds and secrecy levels come from the catalogue; status
 * names from the module's catalogue when it has one; else the server's label (issuer names, type names, years).
 */
export function facetLabel(
  facet: FacetName,
  item: Pick<FacetValue, 'value' | 'label'>,
  kind?: SearchKind,
): string {
  switch (facet) {
    case 'kind':
      return translateOr(`search.kind.${item.value}`, item.label);
    case 'secrecy':
      return translateOr(`incoming.secrecy.${item.value}`, item.label);
    case 'status': {
      // "incoming.presented": the kind, then that module's status ("Đến — Đã trình").
      const own = moduleStatus(item.value, kind);
      return own ? `${i18n.t(`search.kindShort.${own.kind}`)} — ${own.label}` : item.label;
    }
    default:
      return item.label;
  }
}

/**
 * A status value of the search ("incoming.presented", or a bare "presented" of the hit's kind) in the
 * catalogue of its module, when the catalogue knows it.
 */
function moduleStatus(value: string, kind?: SearchKind): { kind: string; label: string } | null {
  const dot = value.indexOf('.');
  const k = dot > 0 ? value.slice(0, dot) : kind;
  const status = dot > 0 ? value.slice(dot + 1) : value;
  const key = `${k}.status.${status}`;
  return k && i18n.exists(key) ? { kind: k, label: i18n.t(key) } : null;
}

/**
 * The label of a hit's status: its module's name for it ("Đã trình" — the kind is on the hit's badge),
 * else the label the status facet carries, else the value.
 */
export function statusLabel(kind: SearchKind, status: string, facets: SearchFacets | undefined): string {
  return moduleStatus(status, kind)?.label ?? facets?.status.find((f) => f.value === status)?.label ?? status;
}

/** The label of a filter that is on, even when its value is no longer among the counted facet values. */
export function activeLabel(
  facet: FacetName,
  value: string,
  facets: SearchFacets | undefined,
  typeLabels?: Map<string, string>,
): string {
  const item = facets?.[facet].find((f) => f.value === value) ?? { value, label: value };
  const label = (facet === 'documentType' && typeLabels?.get(value)) || facetLabel(facet, item);
  return `${i18n.t(`search.facets.${facet}`)}: ${label}`;
}

/**
 * Labels of document types where two share a name (the Party's and the State's "Công văn"): the name
 * with its family, "Công văn (Đảng)". Keyed by id as a string, as the facet values are.
 */
export function ambiguousTypeLabels(types: readonly DocumentType[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const d of types) {
    counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
  }
  return new Map(
    types
      .filter((d) => (counts.get(d.name) ?? 0) > 1)
      .map((d) => [String(d.id), `${d.name} (${i18n.t(`documentTypes.family.${d.family}`)})`]),
  );
}
