import type { FacetValue, SearchFacets, SearchKind } from '@vanphong/contracts';
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
      // One status value may belong to several kinds: the hit's own kind first, then the modules in turn.
      const key = [kind, 'incoming', 'outgoing', 'task']
        .filter(Boolean)
        .map((k) => `${k}.status.${item.value}`)
        .find((k) => i18n.exists(k));
      return key ? i18n.t(key) : item.label;
    }
    default:
      return item.label;
  }
}

/** The label of a hit's status: its module's name for it, else the label the status facet carries. */
export function statusLabel(kind: SearchKind, status: string, facets: SearchFacets | undefined): string {
  const fromFacet = facets?.status.find((f) => f.value === status)?.label;
  return facetLabel('status', { value: status, label: fromFacet ?? status }, kind);
}

/** The label of a filter that is on, even when its value is no longer among the counted facet values. */
export function activeLabel(facet: FacetName, value: string, facets: SearchFacets | undefined): string {
  const item = facets?.[facet].find((f) => f.value === value) ?? { value, label: value };
  return `${i18n.t(`search.facets.${facet}`)}: ${facetLabel(facet, item)}`;
}
