import { FileSearchOutlined, NumberOutlined } from '@ant-design/icons';
import type { SearchFacets, SearchHit } from '@vanphong/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/dates';
import { SecrecyTag, UrgencyTag } from '../../incoming/components/tags';
import { statusLabel } from '../utils/labels';
import { HighlightedText } from './HighlightedText';
import { KindTag } from './KindTag';

/**
 * One hit: kind, notation, date and issuer on the first line; the title as the link to the record; the
 * snippet with its highlighted words; where the words were found when it was not the record's own fields.
 */
export function SearchHitItem({ hit, facets }: { hit: SearchHit; facets: SearchFacets | undefined }) {
  const { t } = useTranslation();
  const titleId = `search-hit-${hit.kind}-${hit.id}-title`;
  // When the words were found in the title itself, the snippet is the title: mark them there, once.
  const snippetIsTitle = hit.snippet !== '' && hit.snippet === hit.title;
  return (
    <li className="vp-search-hit" data-testid={`search-hit-${hit.kind}-${hit.id}`} aria-labelledby={titleId}>
      <Flex gap={6} wrap align="center" className="vp-search-hit-meta">
        <KindTag kind={hit.kind} />
        {hit.notation ? <span className="vp-search-hit-notation">{hit.notation}</span> : null}
        {hit.date ? <span className="vp-nowrap">{formatDate(hit.date)}</span> : null}
        {hit.issuerName ? <span className="vp-search-hit-issuer">{hit.issuerName}</span> : null}
        {hit.documentTypeName ? <span className="vp-muted">· {hit.documentTypeName}</span> : null}
      </Flex>
      <Link to={hit.url} id={titleId} className="vp-search-hit-title" data-testid="search-hit-link">
        {snippetIsTitle ? (
          <HighlightedText text={hit.title} highlights={hit.highlights} />
        ) : (
          hit.title || hit.notation || t('search.untitled')
        )}
      </Link>
      {hit.snippet && !snippetIsTitle ? (
        <p className="vp-search-hit-snippet" data-testid="search-hit-snippet">
          <HighlightedText text={hit.snippet} highlights={hit.highlights} />
        </p>
      ) : null}
      <Flex gap={6} wrap align="center">
        <Tag style={{ marginInlineEnd: 0 }} data-testid="search-hit-status">
          {statusLabel(hit.kind, hit.status, facets)}
        </Tag>
        {hit.urgency ? <UrgencyTag value={hit.urgency} /> : null}
        <SecrecyTag value={hit.secrecy} />
        {hit.matchedIn === 'text' ? (
          <Typography.Text type="secondary" className="vp-search-hit-where">
            <FileSearchOutlined /> {t('search.matchedIn.text')}
          </Typography.Text>
        ) : hit.matchedIn === 'notation' ? (
          <Typography.Text type="secondary" className="vp-search-hit-where">
            <NumberOutlined /> {t('search.matchedIn.notation')}
          </Typography.Text>
        ) : null}
      </Flex>
    </li>
  );
}
