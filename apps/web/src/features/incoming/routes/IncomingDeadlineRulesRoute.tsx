import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, InputNumber, Result, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { usePermissions } from '../../../lib/auth';
import { errorMessage } from '../../../lib/errors';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useDeadlineRules, useReplaceDeadlineRules, type DeadlineRule } from '../api/deadline-rules';
import type { Urgency } from '../types';
import { URGENCY_VALUES } from '../utils/labels';

const ANY = 'any';
type Row = {
  key: number;
  documentTypeId: number | null;
  documentTypeName?: string | null;
  urgency: Urgency | null;
  workingDays: number;
};

const isDefault = (r: { documentTypeId: number | null; urgency: Urgency | null }) =>
  r.documentTypeId === null && r.urgency === null;

/** Hạn xử lý mặc định: readable with incoming.view or settings.manage (the API's own rule). */
export function IncomingDeadlineRulesRoute() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  if (!permissions.has('incoming.view') && !permissions.has('settings.manage')) {
    return <Result status="403" title={t('pages.forbidden.title')} subTitle={t('pages.forbidden.text')} />;
  }
  return <DeadlineRulesScreen />;
}

/** Working days per document type × urgency; the admin (abilities.update) edits and saves the whole set. */
function DeadlineRulesScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useDeadlineRules();
  const types = useDocumentTypes(null);
  const save = useReplaceDeadlineRules();
  const canEdit = rules.data?.abilities.update === true;
  const [rows, setRows] = useState<Row[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (rules.data && !dirty) {
      setRows(rules.data.rules.map((r: DeadlineRule, i) => ({ ...r, key: i })));
      setNextKey(rules.data.rules.length);
    }
  }, [rules.data, dirty]);

  const typeName = (id: number | null, fallback?: string | null) =>
    id === null
      ? t('incoming.deadlineRules.anyType')
      : (types.data?.items.find((d) => d.id === id)?.name ?? fallback ?? `#${id}`);

  const change = (key: number, patch: Partial<Row>) => {
    setDirty(true);
    setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const add = () => {
    setDirty(true);
    setRows((prev) => [...prev, { key: nextKey, documentTypeId: null, urgency: 'urgent', workingDays: 5 }]);
    setNextKey((k) => k + 1);
  };

  const submit = async () => {
    try {
      await save.mutateAsync(
        rows.map(({ documentTypeId, urgency, workingDays }) => ({ documentTypeId, urgency, workingDays })),
      );
      setDirty(false);
      void message.success(t('incoming.deadlineRules.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const typeOptions = [
    { value: ANY, label: t('incoming.deadlineRules.anyType') },
    ...(types.data?.items ?? []).map((d) => ({ value: String(d.id), label: d.name })),
  ];
  const urgencyOptions = [
    { value: ANY, label: t('incoming.deadlineRules.anyUrgency') },
    ...URGENCY_VALUES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) })),
  ];

  return (
    <div>
      <PageHeader
        title={t('incoming.deadlineRules.title')}
        subtitle={t('incoming.deadlineRules.subtitle')}
        extra={
          canEdit ? (
            <>
              <Button icon={<PlusOutlined />} onClick={add} data-testid="deadline-rules-add">
                {t('incoming.deadlineRules.add')}
              </Button>
              <Button
                type="primary"
                onClick={() => void submit()}
                loading={save.isPending}
                disabled={!dirty}
                data-testid="deadline-rules-save"
              >
                {t('common.save')}
              </Button>
            </>
          ) : null
        }
      />
      {rules.data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('incoming.deadlineRules.hint', { days: rules.data.dueSoonWorkingDays })}
        />
      ) : null}
      {rules.error ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Card size="small">
          <Table<Row>
            rowKey="key"
            data-testid="deadline-rules-table"
            loading={rules.isPending}
            dataSource={rows}
            pagination={false}
            columns={[
              {
                title: t('incoming.deadlineRules.documentType'),
                render: (_, r) =>
                  canEdit && !isDefault(r) ? (
                    <Select
                      style={{ width: 240 }}
                      value={r.documentTypeId === null ? ANY : String(r.documentTypeId)}
                      options={typeOptions}
                      showSearch
                      optionFilterProp="label"
                      onChange={(v: string) => change(r.key, { documentTypeId: v === ANY ? null : Number(v) })}
                    />
                  ) : (
                    typeName(r.documentTypeId, r.documentTypeName)
                  ),
              },
              {
                title: t('incoming.deadlineRules.urgency'),
                render: (_, r) =>
                  canEdit && !isDefault(r) ? (
                    <Select
                      style={{ width: 200 }}
                      value={r.urgency ?? ANY}
                      options={urgencyOptions}
                      onChange={(v: string) => change(r.key, { urgency: v === ANY ? null : (v as Urgency) })}
                    />
                  ) : r.urgency === null ? (
                    t('incoming.deadlineRules.anyUrgency')
                  ) : (
                    t(`incoming.urgency.${r.urgency}`)
                  ),
              },
              {
                title: t('incoming.deadlineRules.workingDays'),
                width: 180,
                render: (_, r) =>
                  canEdit ? (
                    <InputNumber
                      min={0}
                      max={365}
                      precision={0}
                      value={r.workingDays}
                      data-testid={isDefault(r) ? 'deadline-rules-default-days' : undefined}
                      onChange={(v) => change(r.key, { workingDays: typeof v === 'number' ? v : 0 })}
                    />
                  ) : (
                    <span data-testid={isDefault(r) ? 'deadline-rules-default-days' : undefined}>
                      {t('incoming.deadlineRules.days', { count: r.workingDays })}
                    </span>
                  ),
              },
              ...(canEdit
                ? [
                    {
                      title: '',
                      width: 110,
                      render: (_: unknown, r: Row) =>
                        isDefault(r) ? (
                          <Typography.Text type="secondary">{t('incoming.deadlineRules.default')}</Typography.Text>
                        ) : (
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.delete')}
                            onClick={() => {
                              setDirty(true);
                              setRows((prev) => prev.filter((x) => x.key !== r.key));
                            }}
                          />
                        ),
                    },
                  ]
                : []),
            ]}
          />
          {canEdit ? null : (
            <Space style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('incoming.deadlineRules.readOnly')}</Typography.Text>
            </Space>
          )}
        </Card>
      )}
    </div>
  );
}
