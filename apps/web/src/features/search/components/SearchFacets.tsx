import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { SearchFacets as Facets } from '@vanphong/contracts';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { facetLabel, formatCount } from '../utils/labels';
import { FACETS, facetValueOf, type FacetName, type SearchView } from '../utils/search-url';

const SHOWN = 6;

/** One facet: its values with their counts; the selected one marked (a second click clears it). */
function FacetGroup({
  facet,
  items,
  selected,
  onPick,
  typeLabels,
}: {
  facet: FacetName;
  items: Facets[FacetName];
  selected: string | undefined;
  onPick: (facet: FacetName, value: string | undefined) => void;
  typeLabels: Map<string, string>;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  // The selected value stays visible even when it is past the first few.
  const shown = all ? items : items.filter((f, i) => i < SHOWN || f.value === selected);
  const headingId = `search-facet-${facet}-heading`;
  if (items.length === 0 && selected === undefined) {
    return null;
  }
  return (
    <section
      className="vp-search-facet-group"
      aria-labelledby={headingId}
      data-testid={`search-facet-${facet}`}
    >
      <h3 id={headingId} className="vp-search-facet-title">
        {t(`search.facets.${facet}`)}
      </h3>
      <ul className="vp-search-facet-list">
        {shown.map((f) => {
          const on = f.value === selected;
          return (
            <li key={f.value}>
              <button
                type="button"
                className={on ? 'vp-search-facet vp-search-facet-on' : 'vp-search-facet'}
                aria-pressed={on}
                onClick={() => onPick(facet, on ? undefined : f.value)}
                data-testid={`search-facet-${facet}-${f.value}`}
              >
                <span className="vp-search-facet-label">
                  {on ? <CheckOutlined aria-hidden /> : null}{' '}
                  {(facet === 'documentType' && typeLabels.get(f.value)) || facetLabel(facet, f)}
                </span>
                <span className="vp-search-facet-count">{formatCount(f.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {items.length > SHOWN ? (
        <Button type="link" size="small" onClick={() => setAll((v) => !v)} style={{ paddingInline: 0 }}>
          {all ? t('search.facets.fewer') : t('search.facets.more', { count: items.length - shown.length })}
        </Button>
      ) : null}
    </section>
  );
}

/** The side panel: a group per facet (kind, type, issuer, year, status, secrecy), and "clear all". */
export function SearchFacets({
  view,
  facets,
  onPick,
  onClear,
  typeLabels,
}: {
  view: SearchView;
  facets: Facets | undefined;
  onPick: (facet: FacetName, value: string | undefined) => void;
  onClear: () => void;
  /** Document types sharing a name, told apart by family. */
  typeLabels: Map<string, string>;
}) {
  const { t } = useTranslation();
  const anyOn = FACETS.some((f) => facetValueOf(view, f) !== undefined);
  const empty = !facets || FACETS.every((f) => facets[f].length === 0);
  return (
    <nav className="vp-search-facets" aria-label={t('search.facets.label')} data-testid="search-facets">
      {anyOn ? (
        <Button
          size="small"
          icon={<CloseOutlined />}
          onClick={onClear}
          block
          style={{ marginBottom: 12 }}
          data-testid="search-facets-clear"
        >
          {t('search.facets.clear')}
        </Button>
      ) : null}
      {empty && !anyOn ? (
        <Typography.Text type="secondary">{t('search.facets.none')}</Typography.Text>
      ) : (
        FACETS.map((f) => (
          <FacetGroup
            key={f}
            facet={f}
            items={facets?.[f] ?? []}
            selected={facetValueOf(view, f)}
            onPick={onPick}
            typeLabels={typeLabels}
          />
        ))
      )}
    </nav>
  );
}
