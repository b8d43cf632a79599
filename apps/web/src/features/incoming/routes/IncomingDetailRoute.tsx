import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isApiError } from '../../../lib/api';
import { allowed } from '../../../lib/auth';
import { DATE_TIME_SHORT_FORMAT, formatDate, formatDateTime } from '../../../lib/dates';
import { useIncoming } from '../api/get-incoming';
import { AttachmentPreview, AttachmentsPanel, previewable } from '../components/AttachmentsPanel';
import { IncomingActions } from '../components/IncomingActions';
import { StampBlock } from '../components/StampBlock';
import { DeadlineText, SecrecyTag, StatusTag, UrgencyTag } from '../components/tags';
import { TrailTimeline } from '../components/TrailTimeline';
import type { IncomingDetail } from '../types';
import '../incoming.css';

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="incoming-not-found">
      <Result
        status="404"
        title={t('incoming.detail.notFoundTitle')}
        subTitle={t('incoming.detail.notFoundText')}
        extra={
          <Button type="primary" onClick={() => navigate('/incoming')}>
            {t('incoming.detail.backToList')}
          </Button>
        }
      />
    </div>
  );
}

function Recipients({ doc }: { doc: IncomingDetail }) {
  const { t } = useTranslation();
  const names = (role: 'lead' | 'co' | 'info') =>
    doc.recipients
      .filter((r) => r.role === role)
      .map((r) => r.agencyName ?? r.userName ?? '')
      .filter(Boolean)
      .join(', ');
  const lead = names('lead');
  const co = names('co');
  const info = names('info');
  return (
    <Descriptions size="small" column={1} colon>
      {lead ? <Descriptions.Item label={t('incoming.detail.lead')}>{lead}</Descriptions.Item> : null}
      {co ? <Descriptions.Item label={t('incoming.detail.co')}>{co}</Descriptions.Item> : null}
      {info ? <Descriptions.Item label={t('incoming.detail.info')}>{info}</Descriptions.Item> : null}
      {doc.deadline ? (
        <Descriptions.Item label={t('incoming.columns.deadline')}>
          <DeadlineText deadline={doc.deadline} overdue={doc.overdue} dueSoon={doc.dueSoon} />
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** One incoming document: metadata, ĐẾN stamp, preview, attachments, trail and the allowed actions. */
export function IncomingDetailRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : NaN;
  const valid = Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
  const query = useIncoming(valid ? id : 0, { enabled: valid });
  const [selected, setSelected] = useState<number | undefined>(undefined);

  if (
    !valid ||
    (isApiError(query.error) && query.error.status === 404 && query.error.code !== 'route.not_found')
  ) {
    return <NotFound />;
  }
  if (query.error) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }

  const doc = query.data;
  const shown = doc.attachments.find((a) => a.fileId === selected) ?? previewable(doc.attachments);
  const canView = allowed(doc.abilities, 'downloadAttachments', true);

  return (
    <div data-testid="incoming-detail">
      <PageHeader
        title={
          <span data-testid="incoming-detail-title">
            {t('incoming.detail.title', { number: doc.arrivalNumber, notation: doc.notation })}
          </span>
        }
        subtitle={doc.issuerName}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      />
      <Flex gap={6} wrap align="center" style={{ marginTop: -8, marginBottom: 16 }}>
        <StatusTag value={doc.status} />
        <UrgencyTag value={doc.urgency} />
        <SecrecyTag value={doc.secrecy} />
        {doc.overdue ? <DeadlineText deadline={doc.deadline} overdue dueSoon={false} /> : null}
      </Flex>
      <div style={{ marginBottom: 16 }}>
        <IncomingActions doc={doc} />
      </div>
      {doc.stub ? (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          message={t('incoming.detail.stubTitle')}
          description={t('incoming.detail.stubText', { location: doc.paperLocation || '…' })}
          data-testid="incoming-stub"
        />
      ) : null}
      {doc.status === 'cancelled' && doc.cancelReason ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('incoming.detail.cancelled')}
          description={doc.cancelReason}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('incoming.detail.metadata')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
                data-testid="incoming-metadata"
                items={[
                  { key: 'issuer', label: t('incoming.columns.issuer'), children: doc.issuerName },
                  { key: 'notation', label: t('incoming.columns.notation'), children: doc.notation },
                  {
                    key: 'documentDate',
                    label: t('incoming.form.documentDate'),
                    children: formatDate(doc.documentDate),
                  },
                  {
                    key: 'type',
                    label: t('incoming.form.documentType'),
                    children: doc.documentTypeName ?? '—',
                  },
                  {
                    key: 'summary',
                    label: t('incoming.form.summary'),
                    span: { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 },
                    children:
                      doc.summary === null ? (
                        <Typography.Text type="secondary" italic>
                          {t('incoming.summaryWithheld')}
                        </Typography.Text>
                      ) : (
                        doc.summary || '—'
                      ),
                  },
                  { key: 'signer', label: t('incoming.form.signer'), children: doc.signer || '—' },
                  {
                    key: 'pages',
                    label: t('incoming.detail.pagesCopies'),
                    children: `${doc.pageCount ?? '—'} / ${doc.copies}`,
                  },
                  {
                    key: 'arrivedAt',
                    label: t('incoming.form.arrivedAt'),
                    children: formatDateTime(doc.arrivedAt, DATE_TIME_SHORT_FORMAT),
                  },
                  {
                    key: 'channel',
                    label: t('incoming.form.channel'),
                    children: t(`incoming.channel.${doc.channel}`),
                  },
                  { key: 'register', label: t('incoming.detail.register'), children: doc.register.name },
                  ...(doc.deliverBy
                    ? [
                        {
                          key: 'deliverBy',
                          label: t('incoming.form.deliverBy'),
                          children: formatDateTime(doc.deliverBy, DATE_TIME_SHORT_FORMAT),
                        },
                      ]
                    : []),
                  ...(doc.paperLocation
                    ? [{ key: 'paper', label: t('incoming.form.paperLocation'), children: doc.paperLocation }]
                    : []),
                  ...(doc.presentedToName
                    ? [
                        {
                          key: 'presented',
                          label: t('incoming.detail.presentedTo'),
                          children: doc.presentedToName,
                        },
                      ]
                    : []),
                  ...(doc.note ? [{ key: 'note', label: t('incoming.form.note'), children: doc.note }] : []),
                ]}
              />
            </Card>
            {doc.direction || doc.recipients.length > 0 || doc.resultNote ? (
              <Card size="small" title={t('incoming.detail.direction')} data-testid="incoming-direction">
                {doc.direction ? <p className="vp-in-direction">{doc.direction}</p> : null}
                <div style={{ marginTop: doc.direction ? 12 : 0 }}>
                  <Recipients doc={doc} />
                </div>
                {doc.resultNote ? (
                  <div style={{ marginTop: 8 }}>
                    <Typography.Text strong>{t('incoming.detail.result')}: </Typography.Text>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{doc.resultNote}</span>
                    {doc.completedAt ? (
                      <Typography.Text type="secondary">
                        {' '}
                        ({formatDateTime(doc.completedAt, DATE_TIME_SHORT_FORMAT)})
                      </Typography.Text>
                    ) : null}
                  </div>
                ) : null}
              </Card>
            ) : null}
            {shown && canView ? (
              <Card size="small" title={t('incoming.detail.preview', { name: shown.name })}>
                <AttachmentPreview attachment={shown} />
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('incoming.stamp.title')}>
              <StampBlock stamp={doc.stamp} />
            </Card>
            <Card size="small" title={t('incoming.detail.attachments', { count: doc.attachments.length })}>
              <AttachmentsPanel
                attachments={doc.attachments}
                canDownload={canView}
                selected={shown?.fileId}
                onSelect={setSelected}
              />
            </Card>
            <Card size="small" title={t('incoming.detail.trail')}>
              <TrailTimeline doc={doc} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
