import { CloseOutlined, FilterOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Row,
  Select,
  Skeleton,
  Spin,
} from 'antd';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useSearch } from '../api/search';
import { SearchFacets } from '../components/SearchFacets';
import { SearchHitItem } from '../components/SearchHitItem';
import { activeLabel, ambiguousTypeLabels, formatCount } from '../utils/labels';
import {
  activeFacets,
  facetValueOf,
  hasCriteria,
  PAGE_SIZE,
  readSearchView,
  SEARCH_SORTS,
  toSearchParams,
  withFacet,
  writeSearchView,
  type FacetName,
  type SearchView,
} from '../utils/search-url';
import '../search.css';

/**
 * Tìm kiếm: one search over incoming and outgoing documents and tasks the user may see. Everything the
 * search is made of sits in the URL, so a search can be sent as a link and Back undoes a step.
 */
export function SearchRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readSearchView(params), [params]);
  const criteria = hasCriteria(view);
  const search = useSearch(toSearchParams(view), { enabled: criteria });
  const narrow = Grid.useBreakpoint().lg === false;
  const [facetsOpen, setFacetsOpen] = useState(false);
  const [box, setBox] = useState(view.q);
  const types = useDocumentTypes(null);
  const typeLabels = useMemo(() => ambiguousTypeLabels(types.data?.items ?? []), [types.data]);

  // Back, forward or the header's box changed the words in the URL: show them in the box.
  useEffect(() => setBox(view.q), [view.q]);

  // Each step is a history entry (not a replace): Back returns to the previous search.
  const go = useCallback((next: SearchView) => setParams(writeSearchView(next)), [setParams]);
  const pick = useCallback(
    (facet: FacetName, value: string | undefined) => {
      go(withFacet(view, facet, value));
      setFacetsOpen(false);
    },
    [go, view],
  );
  const clearFacets = useCallback(() => {
    go({ q: view.q, sort: view.sort, page: 1 });
    setFacetsOpen(false);
  }, [go, view.q, view.sort]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ ...view, q: box, page: 1 });
  };

  const data = search.data;
  const on = activeFacets(view);
  const facetsPanel = (
    <SearchFacets
      view={view}
      facets={data?.facets}
      onPick={pick}
      onClear={clearFacets}
      typeLabels={typeLabels}
    />
  );

  return (
    <div className="vp-search">
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <form role="search" onSubmit={submit} aria-label={t('search.title')}>
          <Flex gap={8}>
            <Input
              size="large"
              allowClear
              autoFocus={!view.q}
              value={box}
              onChange={(e) => setBox(e.target.value)}
              prefix={<SearchOutlined className="vp-muted" />}
              placeholder={t('search.placeholder')}
              aria-label={t('search.boxLabel')}
              maxLength={200}
              data-testid="search-box"
            />
            <Button size="large" type="primary" htmlType="submit" data-testid="search-submit">
              {t('search.submit')}
            </Button>
          </Flex>
          <div className="vp-muted vp-search-tip">{t('search.tip')}</div>
        </form>
      </Card>

      {!criteria ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('search.start')}
            data-testid="search-start"
          />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {narrow ? null : (
            <Col lg={7} xl={6}>
              <Card size="small" title={t('search.facets.label')} className="vp-search-facets-card">
                {data ? facetsPanel : <Skeleton active paragraph={{ rows: 6 }} title={false} />}
              </Card>
            </Col>
          )}
          <Col xs={24} lg={17} xl={18}>
            <Flex justify="space-between" align="center" gap={8} wrap className="vp-search-bar">
              <div role="status" aria-live="polite" data-testid="search-total" className="vp-search-total">
                {data
                  ? data.total === 0
                    ? t('search.noneFound')
                    : data.totalCapped
                      ? t('search.totalCapped', { cap: formatCount(data.cap) })
                      : t('search.total', { count: data.total, n: formatCount(data.total) })
                  : null}
              </div>
              <Flex gap={8} align="center" wrap>
                {narrow ? (
                  <Button
                    icon={<FilterOutlined />}
                    onClick={() => setFacetsOpen(true)}
                    aria-expanded={facetsOpen}
                    data-testid="search-facets-toggle"
                  >
                    {t('search.facets.label')} <Badge count={on.length} size="small" />
                  </Button>
                ) : null}
                <Select
                  value={view.sort}
                  onChange={(sort: SearchView['sort']) => go({ ...view, sort, page: 1 })}
                  options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))}
                  aria-label={t('search.sortLabel')}
                  style={{ width: 160 }}
                  data-testid="search-sort"
                />
              </Flex>
            </Flex>

            {on.length > 0 ? (
              <Flex
                gap={6}
                wrap
                align="center"
                className="vp-search-chips"
                data-testid="search-active-filters"
              >
                {on.map((f) => {
                  const label = activeLabel(f, facetValueOf(view, f)!, data?.facets, typeLabels);
                  return (
                    <Button
                      key={f}
                      size="small"
                      icon={<CloseOutlined />}
                      iconPosition="end"
                      onClick={() => pick(f, undefined)}
                      aria-label={`${t('search.facets.remove')}: ${label}`}
                      data-testid={`search-active-${f}`}
                    >
                      {label}
                    </Button>
                  );
                })}
                <Button type="link" size="small" onClick={clearFacets} style={{ paddingInline: 4 }}>
                  {t('search.facets.clear')}
                </Button>
              </Flex>
            ) : null}

            {data?.mode === 'notation' ? (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                message={t('search.notationMode', { q: view.q.trim() })}
                data-testid="search-notation-mode"
              />
            ) : null}

            {search.error ? (
              <QueryError error={search.error} onRetry={() => void search.refetch()} />
            ) : search.isPending ? (
              <Card>
                <Skeleton active />
              </Card>
            ) : data && data.items.length === 0 ? (
              <Card>
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  data-testid="search-empty"
                  description={
                    <>
                      <div>
                        {view.q.trim() ? t('search.emptyFor', { q: view.q.trim() }) : t('search.empty')}
                      </div>
                      <div className="vp-muted" style={{ marginTop: 4 }}>
                        {t('search.emptyHint')}
                      </div>
                    </>
                  }
                >
                  {on.length > 0 ? <Button onClick={clearFacets}>{t('search.facets.clear')}</Button> : null}
                </Empty>
              </Card>
            ) : data ? (
              <Spin spinning={search.isFetching && search.isPlaceholderData}>
                <ol
                  className="vp-search-hits"
                  data-testid="search-results"
                  start={(view.page - 1) * PAGE_SIZE + 1}
                >
                  {data.items.map((hit) => (
                    <SearchHitItem key={`${hit.kind}-${hit.id}`} hit={hit} facets={data.facets} />
                  ))}
                </ol>
                {data.total > PAGE_SIZE ? (
                  <Flex justify="center" style={{ marginTop: 16 }}>
                    <Pagination
                      current={view.page}
                      pageSize={PAGE_SIZE}
                      total={Math.min(data.total, data.cap)}
                      showSizeChanger={false}
                      simple={narrow}
                      onChange={(page) => {
                        go({ ...view, page });
                        window.scrollTo(0, 0);
                      }}
                      data-testid="search-pages"
                    />
                  </Flex>
                ) : null}
              </Spin>
            ) : null}
          </Col>
        </Row>
      )}

      {narrow ? (
        <Drawer
          open={facetsOpen}
          onClose={() => setFacetsOpen(false)}
          placement="right"
          width="min(320px, 90vw)"
          title={t('search.facets.label')}
        >
          {facetsPanel}
        </Drawer>
      ) : null}
    </div>
  );
}
