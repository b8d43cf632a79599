import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { translateOr } from '../../../lib/i18n';
import type { AuditEvent } from '../../../types/api';
import { useAudit } from '../api/get-audit';
import { useVerifyAudit } from '../api/verify-audit';
import { AuditFilters, type AuditFilter } from '../components/AuditFilters';

const hasDetails = (d: unknown) =>
  d !== null && d !== undefined && !(typeof d === 'object' && Object.keys(d as object).length === 0);

/** "the first broken row" as the server reports it: a number, or an object with seq/id. */
function describeBroken(v: unknown): string {
  if (v === null || v === undefined) {return '';}
  if (typeof v === 'number' || typeof v === 'string') {return String(v);}
  if (typeof v === 'object') {
    const o = v as { seq?: number; id?: number };
    if (o.seq !== undefined) {return `#${o.seq}`;}
    if (o.id !== undefined) {return `id ${o.id}`;}
  }
  return JSON.stringify(v);
}

/** Quản trị › Nhật ký (audit.view): filterable audit log and the hash-chain check. */
export function AuditRoute() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ current: 1, pageSize: 50 });
  const audit = useAudit({ ...filter, limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const verify = useVerifyAudit();

  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 170,
      render: (v: string) => <span className="vp-nowrap">{formatDateTime(v)}</span>,
    },
    {
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      width: 150,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.columns.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <div>
          <div>{translateOr(`auditActions.${v.replace(/\./g, '_')}`, v)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {v}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.columns.entity'),
      key: 'entity',
      width: 170,
      ellipsis: true,
      render: (_, e) => {
        if (!e.entityType) {return '—';}
        const id = e.entityId !== null && e.entityId !== undefined ? ` #${e.entityId}` : '';
        const text = `${translateOr(`entityTypes.${e.entityType}`, e.entityType)}${id}`;
        return <span title={text}>{text}</span>;
      },
    },
    {
      title: t('audit.columns.ip'),
      dataIndex: 'ip',
      width: 140,
      responsive: ['lg'],
      render: (v: string | null) => v ?? '—',
    },
    { title: '#', dataIndex: 'seq', width: 80, align: 'right', responsive: ['xl'] },
  ];

  const result = verify.data;

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => void verify.refetch()}
            loading={verify.isFetching}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.error ? (
        <Alert
          type="error"
          showIcon
          message={errorMessage(verify.error)}
          style={{ marginBottom: 16 }}
          closable
        />
      ) : null}
      {result ? (
        result.ok ? (
          <Alert
            type="success"
            showIcon
            message={t('audit.verifyOk', { count: result.checked })}
            style={{ marginBottom: 16 }}
            data-testid="audit-verify-result"
            closable
          />
        ) : (
          <Alert
            type="error"
            showIcon
            message={t('audit.verifyBroken', { row: describeBroken(result.firstBroken) })}
            description={
              <>
                <div>{t('audit.verifyBrokenText', { count: result.checked })}</div>
                {result.firstBroken && typeof result.firstBroken === 'object' ? (
                  <pre className="vp-json">{JSON.stringify(result.firstBroken, null, 2)}</pre>
                ) : null}
              </>
            }
            style={{ marginBottom: 16 }}
            data-testid="audit-verify-result"
          />
        )
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <AuditFilters
          onSearch={(f) => {
            setFilter(f);
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
      </Card>
      {audit.error ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 760 }}
          expandable={{
            rowExpandable: (e) => hasDetails(e.details),
            expandedRowRender: (e) => <pre className="vp-json">{JSON.stringify(e.details, null, 2)}</pre>,
          }}
          pagination={{
            current: page.current,
            pageSize: page.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (current, pageSize) => setPage({ current, pageSize }),
          }}
          data-testid="audit-table"
        />
      )}
    </div>
  );
}
