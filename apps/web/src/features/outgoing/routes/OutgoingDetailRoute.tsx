import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  DownloadOutlined,
  LockOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { isApiError } from '../../../lib/api';
import { useHasPermission } from '../../../lib/auth';
import { DATE_TIME_SHORT_FORMAT, formatDate, formatDateTime } from '../../../lib/dates';
import { translateOr } from '../../../lib/i18n';
import { SecrecyTag, UrgencyTag } from '../../incoming/components/tags';
import { useIssuers } from '../api/directory';
import { pdfUrl, useOutgoing } from '../api/outgoing';
import { CircuitSteps } from '../components/CircuitSteps';
import { DraftPreview } from '../components/DraftPreview';
import { RecipientsStatus } from '../components/RecipientsStatus';
import { OutgoingActions } from '../components/OutgoingActions';
import { OutgoingStatusTag } from '../components/tags';
import { CommentsPanel, VersionsPanel } from '../components/VersionsAndComments';
import type { IssueResult, OutgoingDetail } from '../types';
import '../outgoing.css';

export function OutgoingNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="outgoing-not-found">
      <Result
        status="404"
        title={t('outgoing.detail.notFoundTitle')}
        subTitle={t('outgoing.detail.notFoundText')}
        extra={
          <Button type="primary" onClick={() => navigate('/outgoing')}>
            {t('outgoing.detail.backToList')}
          </Button>
        }
      />
    </div>
  );
}

/** The format checker's answer (issue 4 §4): every violation in red, or "Đúng thể thức". */
function FormatCheck({ doc }: { doc: OutgoingDetail }) {
  const { t, i18n } = useTranslation();
  // The checker writes precise Vietnamese messages; other languages get the catalogue's text for the code.
  const text = (v: OutgoingDetail['violations'][number]) =>
    i18n.language === 'vi' ? v.message : translateOr(`outgoing.format.codes.${v.code.replace(/\./g, '_')}`, v.message);
  if (doc.violations.length === 0) {
    return (
      <Flex gap={8} align="center" data-testid="outgoing-format-ok">
        <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} />
        <Typography.Text strong style={{ color: '#237804' }}>
          {t('outgoing.format.ok')}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleFilled />}
      data-testid="outgoing-format-violations"
      message={t('outgoing.format.violations', { count: doc.violations.length })}
      description={
        <ul className="vp-og-violations">
          {doc.violations.map((v) => (
            <li key={`${v.code}-${v.field}`} data-testid={`violation-${v.code}`}>
              {text(v)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function Metadata({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const signer = [doc.authority.line, doc.authority.signerTitle].filter(Boolean).join(' — ');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      data-testid="outgoing-metadata"
      items={[
        { key: 'issuer', label: t('outgoing.form.issuer'), children: doc.issuer.name },
        { key: 'type', label: t('outgoing.form.documentType'), children: doc.documentType.name },
        {
          key: 'notation',
          label: t('outgoing.columns.notation'),
          children: doc.notation ? (
            <span data-testid="outgoing-notation">{doc.notation}</span>
          ) : (
            <Typography.Text type="secondary" italic>
              {t('outgoing.list.noNumber')}
            </Typography.Text>
          ),
        },
        { key: 'issuedOn', label: t('outgoing.columns.issuedOn'), children: doc.issuedOn ? formatDate(doc.issuedOn) : '—' },
        {
          key: 'summary',
          label: t('outgoing.form.summary'),
          span: { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 },
          children: doc.summary,
        },
        { key: 'drafter', label: t('outgoing.columns.drafter'), children: doc.drafter.name },
        {
          key: 'signer',
          label: t('outgoing.detail.signer'),
          children: doc.signer ? (
            <span>
              {doc.signer.name}
              {doc.signer.signedAt ? (
                <Typography.Text type="secondary">
                  {' '}
                  · {formatDateTime(doc.signer.signedAt, DATE_TIME_SHORT_FORMAT)}
                </Typography.Text>
              ) : null}
            </span>
          ) : (
            '—'
          ),
        },
        { key: 'authority', label: t('outgoing.detail.authority'), children: signer || '—' },
        { key: 'copies', label: t('outgoing.form.copies'), children: doc.copies },
        ...(doc.paperLocation
          ? [{ key: 'paper', label: t('outgoing.form.paperLocation'), children: doc.paperLocation }]
          : []),
        ...(doc.recallReason
          ? [{ key: 'recall', label: t('outgoing.detail.recallReason'), children: doc.recallReason }]
          : []),
      ]}
    />
  );
}

function pendingSigner(doc: OutgoingDetail): string | null {
  const round = Math.max(0, ...doc.steps.map((s) => s.round));
  return doc.steps.find((s) => s.round === round && s.kind === 'sign')?.assignee ?? null;
}

/** One outgoing document: status, format check, the circuit, versions and comments, recipients, the issued PDF. */
export function OutgoingDetailRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = /^\d{1,10}$/.test(params.id ?? '') ? Number(params.id) : NaN;
  const valid = Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;
  const query = useOutgoing(valid ? id : 0, { enabled: valid });
  const issuers = useIssuers();
  const canSeeIncoming = useHasPermission('incoming.view');
  const [issued, setIssued] = useState<IssueResult | null>(null);

  if (!valid || (isApiError(query.error) && query.error.status === 404 && query.error.code !== 'route.not_found')) {
    return <OutgoingNotFound />;
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
  const issuer = issuers.data?.items.find((i) => i.issuerKey === doc.issuerKey) ?? null;
  const hasPdf = doc.pdfFileId !== null && doc.abilities.downloadPdf;
  const current = doc.versions.find((v) => v.id === doc.currentVersionId);
  const showPreview = !hasPdf && !doc.stub && current?.kind !== 'upload';
  const checked = doc.status !== 'issued' && doc.status !== 'recalled' && doc.status !== 'cancelled';

  return (
    <div data-testid="outgoing-detail">
      <PageHeader
        title={
          <span data-testid="outgoing-detail-title">
            {doc.notation
              ? t('outgoing.detail.titleIssued', { notation: doc.notation })
              : doc.status === 'signed' || doc.status === 'issuing'
                ? t('outgoing.detail.titleSigned', { type: doc.documentType.name })
                : t('outgoing.detail.titleDraft', { type: doc.documentType.name })}
          </span>
        }
        subtitle={doc.issuer.name}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/outgoing')}>
            {t('outgoing.detail.backToList')}
          </Button>
        }
      />
      <Flex gap={6} wrap align="center" style={{ marginTop: -8, marginBottom: 16 }}>
        <OutgoingStatusTag value={doc.status} />
        <UrgencyTag value={doc.urgency} />
        <SecrecyTag value={doc.secrecy} />
      </Flex>
      {issued ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 16 }}
          data-testid="outgoing-issued-result"
          message={
            <span>
              {t('outgoing.detail.issuedAs')} <span className="vp-og-issued-number">Số {issued.notation}</span>{' '}
              {t('outgoing.detail.issuedOn', { date: formatDate(issued.issuedOn) })}
            </span>
          }
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {issued.deliveries.map((d) => (
                  <li key={d.recipientId}>
                    {d.name} — {t(`outgoing.delivery.${d.delivery}`)}
                    {d.incomingDocumentId ? ` (${t('outgoing.detail.delivered')})` : ''}
                  </li>
                ))}
              </ul>
              {/* E.g. issued later than the working day after signing (spec §4): said, not refused. */}
              {(issued.warnings ?? []).map((w) => (
                <Typography.Text key={w.code} type="warning" style={{ display: 'block' }} data-testid="outgoing-issue-warning">
                  {w.message}
                </Typography.Text>
              ))}
            </>
          }
        />
      ) : null}
      <div style={{ marginBottom: 16 }}>
        <OutgoingActions doc={doc} onIssued={setIssued} />
      </div>
      {doc.stub ? (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          message={t('outgoing.detail.stubTitle')}
          description={t('outgoing.detail.stubText', { location: doc.paperLocation || '…' })}
          data-testid="outgoing-stub"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('outgoing.detail.metadata')}>
              <Metadata doc={doc} />
            </Card>
            {checked ? (
              <Card size="small" title={t('outgoing.format.title')} data-testid="outgoing-format">
                <FormatCheck doc={doc} />
              </Card>
            ) : null}
            {hasPdf ? (
              <Card
                size="small"
                title={t('outgoing.detail.pdfTitle')}
                extra={
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={pdfUrl(doc.id, true)}
                    data-testid="outgoing-pdf-download"
                  >
                    {t('outgoing.detail.downloadPdf')}
                  </Button>
                }
              >
                <iframe
                  className="vp-og-pdf"
                  src={pdfUrl(doc.id)}
                  title={t('outgoing.detail.pdfTitle')}
                  data-testid="outgoing-pdf"
                />
              </Card>
            ) : null}
            {showPreview ? (
              <Card
                size="small"
                title={t('outgoing.preview.title')}
                extra={<span className="vp-muted">{t('outgoing.preview.docHint')}</span>}
              >
                <DraftPreview
                  model={{
                    issuer: issuer ?? {
                      ...doc.issuer,
                      superiorLine: '',
                      issuerLine: doc.issuer.name,
                      place: '',
                      layout: doc.layout,
                    },
                    type: doc.documentType,
                    summary: doc.content.summary,
                    body: doc.content.body,
                    addressees: doc.content.addressees,
                    extraRecipientLines: doc.content.extraRecipientLines,
                    recipients: doc.recipients.map((r) => r.name),
                    secrecy: doc.secrecy,
                    urgency: doc.urgency,
                    number: doc.number,
                    issuedOn: doc.issuedOn,
                    signature: doc.authority.signerTitle
                      ? {
                          line: doc.authority.line,
                          title: doc.authority.signerTitle,
                          // Before signature the circuit's signing step names who will sign (as the DOCX prints it).
                          name: doc.signer?.name ?? pendingSigner(doc),
                        }
                      : null,
                  }}
                />
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('outgoing.circuit.title')}>
              <CircuitSteps steps={doc.steps} />
            </Card>
            <Card size="small" title={t('outgoing.recipients.title', { count: doc.recipients.length })}>
              <RecipientsStatus doc={doc} canSeeIncoming={canSeeIncoming} />
            </Card>
            <Card size="small" title={t('outgoing.versions.title', { count: doc.versions.length })}>
              <VersionsPanel doc={doc} />
            </Card>
            <Card size="small" title={t('outgoing.comments.title', { count: doc.comments.length })}>
              <CommentsPanel doc={doc} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
