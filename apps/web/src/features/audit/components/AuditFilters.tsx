import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate, type Dayjs } from '../../../lib/dates';

export interface AuditFilterValues {
  action?: string;
  actor?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

export function toFilter(v: AuditFilterValues): AuditFilter {
  const clean = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  return {
    action: clean(v.action),
    actor: clean(v.actor),
    entityType: clean(v.entityType),
    from: v.range?.[0] ? toIsoDate(v.range[0]) : undefined,
    to: v.range?.[1] ? toIsoDate(v.range[1]) : undefined,
  };
}

export function AuditFilters({ onSearch }: { onSearch: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  return (
    <Form
      form={form}
      layout="vertical"
      name="audit-filters"
      onFinish={(v) => onSearch(toFilter(v))}
      className="vp-filter-form"
    >
      <Flex gap={12} wrap align="flex-end">
        <Form.Item
          name="action"
          label={t('audit.filters.action')}
          style={{ flex: '1 1 180px', marginBottom: 0 }}
        >
          <Input
            allowClear
            placeholder={t('audit.filters.actionPlaceholder')}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item
          name="actor"
          label={t('audit.filters.actor')}
          style={{ flex: '1 1 160px', marginBottom: 0 }}
        >
          <Input
            allowClear
            placeholder={t('audit.filters.actorPlaceholder')}
            data-testid="audit-filter-actor"
          />
        </Form.Item>
        <Form.Item
          name="entityType"
          label={t('audit.filters.entityType')}
          style={{ flex: '1 1 140px', marginBottom: 0 }}
        >
          <Input
            allowClear
            placeholder={t('audit.filters.entityTypePlaceholder')}
            data-testid="audit-filter-entityType"
          />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('audit.filters.range')}
          style={{ flex: '1 1 260px', marginBottom: 0 }}
        >
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            allowEmpty={[true, true]}
            placeholder={[t('audit.filters.from'), t('audit.filters.to')]}
            style={{ width: '100%' }}
            data-testid="audit-filter-range"
          />
        </Form.Item>
        <Flex gap={8}>
          <Button
            htmlType="button"
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('common.reset')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            data-testid="audit-filter-submit"
          >
            {t('common.search')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
