import { NumberOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useHasPermission } from '../../../lib/auth';
import { DATE_TIME_SHORT_FORMAT, formatDateTime } from '../../../lib/dates';
import { StepModal } from '../../incoming/components/StepModal';
import { useIssuers } from '../api/directory';
import { useGaps, useSeries, useVoidNumber, type Reserved } from '../api/series';
import { ReserveNumberModal } from '../components/ReserveNumberModal';
import type { Gap, Series } from '../types';
import { GAP_COLORS } from '../utils/labels';
import '../outgoing.css';

/** "04-TB/TU" → "TB/TU": the series a notation belongs to (labels read "TB/TU — Nhiệm kỳ 2025–2030"). */
const tailOf = (notation: string) => notation.replace(/^\d+-?/, '').replace(/^\//, '');

/**
 * Sổ dãy số: every numbering series with its last number; for the one selected, the gap report —
 * every void, reserved-unused or unfinished number (issue 4 §3). The clerk reserves and voids numbers here.
 */
export function OutgoingSeriesRoute() {
  const { t } = useTranslation();
  const canIssue = useHasPermission('outgoing.issue');
  const series = useSeries();
  const issuers = useIssuers();
  const [selected, setSelected] = useState<number | null>(null);
  const [reserveOpen, setReserveOpen] = useState(false);
  // Numbers reserved on this screen: the gap report does not give a number's id, the void call needs it.
  const [reservedIds, setReservedIds] = useState<Record<string, number>>({});
  const [voiding, setVoiding] = useState<{ id: number; notation: string } | null>(null);
  const items = series.data?.items ?? [];
  const current = selected ?? items[0]?.id ?? null;
  const gaps = useGaps(current);
  const voidNumber = useVoidNumber();
  const { message } = App.useApp();
  const issuerName = (key: string) => issuers.data?.items.find((i) => i.issuerKey === key)?.name ?? key;

  const onReserved = (r: Reserved) => {
    setReserveOpen(false);
    setReservedIds((m) => ({ ...m, [r.notation]: r.id }));
    const tail = tailOf(r.notation);
    void series.refetch().then((res) => {
      const hit = res.data?.items.find((s) => s.label.startsWith(`${tail} `) || s.label === tail);
      if (hit) {
        setSelected(hit.id);
      }
    });
  };

  const voidIdOf = (g: Gap) => g.id ?? reservedIds[g.notation];

  return (
    <div>
      <PageHeader
        title={t('outgoing.gaps.title')}
        subtitle={t('outgoing.gaps.subtitle')}
        extra={
          canIssue ? (
            <Button
              type="primary"
              icon={<NumberOutlined />}
              onClick={() => setReserveOpen(true)}
              disabled={!issuers.data}
              data-testid="gaps-reserve"
            >
              {t('outgoing.gaps.reserve')}
            </Button>
          ) : null
        }
      />
      {series.error ? (
        <QueryError error={series.error} onRetry={() => void series.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card size="small" title={t('outgoing.gaps.series')}>
              <Table<Series>
                rowKey="id"
                size="small"
                loading={series.isPending}
                dataSource={items}
                pagination={false}
                data-testid="series-table"
                locale={{ emptyText: t('outgoing.gaps.noSeries') }}
                rowClassName={(s) => (s.id === current ? 'ant-table-row-selected' : '')}
                onRow={(s) => ({
                  onClick: () => setSelected(s.id),
                  style: { cursor: 'pointer' },
                  'data-testid': `series-row-${s.id}`,
                } as object)}
                columns={[
                  {
                    title: t('outgoing.gaps.seriesLabel'),
                    key: 'label',
                    render: (_, s) => (
                      <Flex vertical>
                        <Typography.Text strong>{s.label}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {issuerName(s.issuerKey)}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    title: t('outgoing.gaps.lastNumber'),
                    dataIndex: 'lastNumber',
                    width: 110,
                    align: 'right',
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            <Card
              size="small"
              title={gaps.data ? t('outgoing.gaps.reportOf', { label: gaps.data.label }) : t('outgoing.gaps.report')}
              data-testid="gap-report"
            >
              {current === null ? (
                <Empty description={t('outgoing.gaps.noSeries')} />
              ) : gaps.error ? (
                <QueryError error={gaps.error} onRetry={() => void gaps.refetch()} />
              ) : (
                <Flex vertical gap={12}>
                  <Flex gap={32} wrap>
                    <Statistic title={t('outgoing.gaps.lastNumber')} value={gaps.data?.lastNumber ?? '—'} />
                    <Statistic title={t('outgoing.gaps.issued')} value={gaps.data?.issued ?? '—'} />
                    <Statistic
                      title={t('outgoing.gaps.gapCount')}
                      value={gaps.data?.gaps.length ?? '—'}
                      valueStyle={gaps.data?.gaps.length ? { color: '#cf1322' } : undefined}
                    />
                  </Flex>
                  <Table<Gap>
                    rowKey="number"
                    size="small"
                    loading={gaps.isPending}
                    dataSource={gaps.data?.gaps ?? []}
                    pagination={false}
                    data-testid="gaps-table"
                    locale={{ emptyText: t('outgoing.gaps.none') }}
                    scroll={{ x: 560 }}
                    columns={[
                      { title: t('outgoing.gaps.number'), dataIndex: 'number', width: 56, align: 'right' },
                      {
                        title: t('outgoing.columns.notation'),
                        dataIndex: 'notation',
                        width: 104,
                        render: (v: string | null) => v ?? '—',
                      },
                      {
                        title: t('outgoing.gaps.state'),
                        dataIndex: 'state',
                        width: 160,
                        render: (s: Gap['state']) => (
                          <Tag color={GAP_COLORS[s]} data-testid={`gap-state-${s}`}>
                            {t(`outgoing.gaps.states.${s}`)}
                          </Tag>
                        ),
                      },
                      {
                        title: t('outgoing.gaps.reason'),
                        key: 'reason',
                        render: (_, g) => (
                          <Flex vertical gap={2}>
                            <span>{g.reason || '—'}</span>
                            {g.documentId ? (
                              <Link to={`/outgoing/${g.documentId}`}>{t('outgoing.gaps.openDocument')}</Link>
                            ) : null}
                            {g.at ? (
                              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                {formatDateTime(g.at, DATE_TIME_SHORT_FORMAT)}
                              </Typography.Text>
                            ) : null}
                          </Flex>
                        ),
                      },
                      ...(canIssue
                        ? [
                            {
                              key: 'void',
                              width: 100,
                              render: (_: unknown, g: Gap) => {
                                const id = voidIdOf(g);
                                return g.state === 'reserved' && id ? (
                                  <Button
                                    size="small"
                                    danger
                                    icon={<StopOutlined />}
                                    onClick={() => setVoiding({ id, notation: g.notation })}
                                    data-testid={`gap-void-${g.number}`}
                                  >
                                    {t('outgoing.gaps.void')}
                                  </Button>
                                ) : null;
                              },
                            },
                          ]
                        : []),
                    ]}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('outgoing.gaps.legend')}
                  </Typography.Text>
                </Flex>
              )}
            </Card>
          </Col>
        </Row>
      )}
      {canIssue && issuers.data ? (
        <ReserveNumberModal
          open={reserveOpen}
          issuers={issuers.data.items}
          onClose={() => setReserveOpen(false)}
          onReserved={onReserved}
        />
      ) : null}
      <StepModal
        open={voiding !== null}
        title={t('outgoing.gaps.voidTitle', { notation: voiding?.notation ?? '' })}
        okText={t('outgoing.gaps.void')}
        danger
        field={{ name: 'reason', label: t('outgoing.gaps.reason'), required: true }}
        pending={voidNumber.isPending}
        onClose={() => setVoiding(null)}
        onSubmit={async ({ text }) => {
          if (!voiding) {
            return;
          }
          await voidNumber.mutateAsync({ id: voiding.id, reason: text });
          setVoiding(null);
          void message.success(t('outgoing.gaps.voided', { notation: voiding.notation }));
        }}
        testId="gap-void"
      />
    </div>
  );
}
