import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Form, Grid, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../../org/api/get-agencies';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useHasPermission } from '../../../lib/auth';
import { todayInOffice } from '../../../lib/dates';
import { useIncomingRegisters } from '../api/get-registers';
import { SECRECY_VALUES, STATUS_VALUES, URGENCY_VALUES } from '../utils/labels';
import { SORTS, type ListView } from '../utils/list-query';

/**
 * Filters of the register list. Every change goes straight to the URL (the caller's `onChange`); the
 * quick search waits until typing pauses, or Enter.
 */
export function IncomingFilters({
  view,
  onChange,
  onReset,
}: {
  view: ListView;
  onChange: (patch: Partial<ListView>) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const canSeeOrg = useHasPermission('org.view');
  const registers = useIncomingRegisters(view.year);
  const agencies = useAgencies(null, { enabled: canSeeOrg });
  const [search, setSearch] = useState(view.q);
  const debounced = useDebouncedValue(search, 350);
  const written = useRef(view.q);
  const isPhone = Grid.useBreakpoint().md === false;
  const active =
    [view.year, view.registerId, view.status, view.agencyId, view.urgency, view.secrecy].filter(
      (v) => v !== undefined,
    ).length +
    (view.overdue ? 1 : 0) +
    (view.dueSoon ? 1 : 0);
  const [showAll, setShowAll] = useState(active > 0);
  const collapsed = isPhone && !showAll;

  useEffect(() => {
    if (debounced.trim() !== written.current.trim()) {
      written.current = debounced;
      onChange({ q: debounced, page: 1 });
    }
  }, [debounced, onChange]);

  // Back/forward or a pasted link changes q in the URL: show it in the box.
  useEffect(() => {
    if (view.q.trim() !== written.current.trim()) {
      written.current = view.q;
      setSearch(view.q);
    }
  }, [view.q]);

  const thisYear = todayInOffice().year();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const label = (key: string) => t(`incoming.filters.${key}`);
  const select = { allowClear: true, style: { width: '100%' }, placeholder: t('incoming.filters.all') };

  return (
    <Form layout="vertical" className="vp-in-filters" component="div">
      <Flex gap={12} wrap align="flex-end">
        <Form.Item label={label('q')} style={{ flex: '2 1 300px' }} htmlFor="incoming-q">
          <Input
            id="incoming-q"
            allowClear
            value={search}
            prefix={<SearchOutlined className="vp-muted" />}
            placeholder={t('incoming.filters.qPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
            onPressEnter={() => {
              written.current = search;
              onChange({ q: search, page: 1 });
            }}
            data-testid="incoming-search"
          />
        </Form.Item>
        {isPhone ? (
          <Button
            icon={<FilterOutlined />}
            onClick={() => setShowAll((v) => !v)}
            aria-expanded={showAll}
            data-testid="incoming-filters-toggle"
          >
            {t('incoming.filters.more')} <Badge count={active} size="small" />
          </Button>
        ) : null}
        {collapsed ? null : (
          <>
            <Form.Item label={label('year')} htmlFor="incoming-filter-year" style={{ flex: '0 1 110px' }}>
              <Select
                {...select}
                value={view.year}
                onChange={(year?: number) => onChange({ year, registerId: undefined, page: 1 })}
                options={years.map((y) => ({ value: y, label: String(y) }))}
                id="incoming-filter-year"
                data-testid="incoming-filter-year"
              />
            </Form.Item>
            <Form.Item
              label={label('register')}
              htmlFor="incoming-filter-register"
              style={{ flex: '1 1 190px' }}
            >
              <Select
                {...select}
                value={view.registerId}
                onChange={(registerId?: number) => onChange({ registerId, page: 1 })}
                options={(registers.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: view.year ? r.name : `${r.name} (${r.year})`,
                }))}
                id="incoming-filter-register"
                data-testid="incoming-filter-register"
              />
            </Form.Item>
            <Form.Item label={label('status')} htmlFor="incoming-filter-status" style={{ flex: '1 1 150px' }}>
              <Select
                {...select}
                value={view.status}
                onChange={(status?: ListView['status']) => onChange({ status, page: 1 })}
                options={STATUS_VALUES.map((s) => ({ value: s, label: t(`incoming.status.${s}`) }))}
                id="incoming-filter-status"
                data-testid="incoming-filter-status"
              />
            </Form.Item>
            {canSeeOrg ? (
              <Form.Item label={label('unit')} htmlFor="incoming-filter-unit" style={{ flex: '1 1 190px' }}>
                <Select
                  {...select}
                  showSearch
                  optionFilterProp="label"
                  value={view.agencyId}
                  onChange={(agencyId?: number) => onChange({ agencyId, page: 1 })}
                  options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  id="incoming-filter-unit"
                  data-testid="incoming-filter-unit"
                />
              </Form.Item>
            ) : null}
            <Form.Item
              label={label('urgency')}
              htmlFor="incoming-filter-urgency"
              style={{ flex: '1 1 140px' }}
            >
              <Select
                {...select}
                value={view.urgency}
                onChange={(urgency?: ListView['urgency']) => onChange({ urgency, page: 1 })}
                options={URGENCY_VALUES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
                id="incoming-filter-urgency"
                data-testid="incoming-filter-urgency"
              />
            </Form.Item>
            <Form.Item
              label={label('secrecy')}
              htmlFor="incoming-filter-secrecy"
              style={{ flex: '1 1 130px' }}
            >
              <Select
                {...select}
                value={view.secrecy}
                onChange={(secrecy?: ListView['secrecy']) => onChange({ secrecy, page: 1 })}
                options={SECRECY_VALUES.map((s) => ({ value: s, label: t(`incoming.secrecy.${s}`) }))}
                id="incoming-filter-secrecy"
                data-testid="incoming-filter-secrecy"
              />
            </Form.Item>
            <Form.Item label={label('sort')} htmlFor="incoming-sort" style={{ flex: '1 1 170px' }}>
              <Select
                style={{ width: '100%' }}
                value={view.sort}
                onChange={(sort: ListView['sort']) => onChange({ sort, page: 1 })}
                options={SORTS.map((s) => ({ value: s, label: t(`incoming.sort.${s}`) }))}
                id="incoming-sort"
                data-testid="incoming-sort"
              />
            </Form.Item>
            <Flex gap={12} align="center" style={{ flex: '1 1 auto', minHeight: 32 }} wrap>
              <Checkbox
                checked={view.overdue}
                onChange={(e) => onChange({ overdue: e.target.checked, page: 1 })}
                data-testid="incoming-filter-overdue"
              >
                {label('overdue')}
              </Checkbox>
              <Checkbox
                checked={view.dueSoon}
                onChange={(e) => onChange({ dueSoon: e.target.checked, page: 1 })}
                data-testid="incoming-filter-due-soon"
              >
                {label('dueSoon')}
              </Checkbox>
              <Button
                onClick={() => {
                  written.current = '';
                  setSearch('');
                  onReset();
                }}
                data-testid="incoming-filter-reset"
              >
                {t('common.reset')}
              </Button>
            </Flex>
          </>
        )}
      </Flex>
    </Form>
  );
}
