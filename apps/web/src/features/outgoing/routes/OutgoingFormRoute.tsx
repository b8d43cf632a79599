import { ArrowLeftOutlined, InfoCircleOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormError } from '../../../hooks/use-form-error';
import { useMe } from '../../../lib/auth';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { SECRECY_VALUES, secrecyRank, URGENCY_VALUES } from '../../incoming/utils/labels';
import { useIssuers, useRecipientDirectory } from '../api/directory';
import { useCreateOutgoing, useOutgoing, useUpdateOutgoing } from '../api/outgoing';
import { DraftPreview } from '../components/DraftPreview';
import { directoryEntries, RecipientsPicker } from '../components/RecipientsPicker';
import type { Issuer } from '../types';
import {
  BLANK_FORM,
  detailToFormValues,
  formValuesToBody,
  lines,
  toFormError,
  type OutgoingFormValues,
} from '../utils/form-values';
import { foldedFilter, isLetter, recipientKey, type RecipientKey } from '../utils/labels';
import '../outgoing.css';

const ISSUER_ALIASES = { issuerCommitteeId: 'issuerKey', issuerAgencyId: 'issuerKey' };

/** Soạn văn bản đi (new) and Sửa dự thảo (`/outgoing/:id/edit`): the fields beside a live preview of the page. */
export function OutgoingFormRoute() {
  const params = useParams();
  const editId = params.id && /^\d{1,10}$/.test(params.id) ? Number(params.id) : null;
  const existing = useOutgoing(editId ?? 0, { enabled: editId !== null });
  const issuers = useIssuers();
  if (params.id !== undefined && editId === null) {
    return <NotEditable />;
  }
  if (issuers.error || existing.error) {
    const e = issuers.error ?? existing.error;
    return <QueryError error={e} onRetry={() => void (issuers.error ? issuers.refetch() : existing.refetch())} />;
  }
  if (issuers.isPending || (editId !== null && existing.isPending)) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (existing.data && !existing.data.abilities.edit) {
    return <NotEditable id={existing.data.id} />;
  }
  return <OutgoingForm issuers={issuers.data.items} doc={existing.data} />;
}

function NotEditable({ id }: { id?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="warning"
      title={t('outgoing.form.notEditable')}
      extra={
        <Button type="primary" onClick={() => navigate(id ? `/outgoing/${id}` : '/outgoing')}>
          {t('common.back')}
        </Button>
      }
    />
  );
}

function OutgoingForm({
  issuers,
  doc,
}: {
  issuers: Issuer[];
  doc: import('../types').OutgoingDetail | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const [form] = Form.useForm<OutgoingFormValues>();
  const onError = useFormError(form, ISSUER_ALIASES);
  const directory = useRecipientDirectory();
  const types = useDocumentTypes(null);
  const create = useCreateOutgoing();
  const update = useUpdateOutgoing();
  const started = useRef(false);
  const editing = doc !== undefined;

  const issuerKey = Form.useWatch('issuerKey', form);
  const typeId = Form.useWatch('documentTypeId', form);
  const secrecy = Form.useWatch('secrecy', form) ?? 'none';
  const urgency = Form.useWatch('urgency', form) ?? 'normal';
  const recipients = Form.useWatch('recipients', form);
  const summary = Form.useWatch('summary', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const addressees = Form.useWatch('addressees', form) ?? '';
  const extraLines = Form.useWatch('extraRecipientLines', form) ?? '';

  const issuer = issuers.find((i) => i.issuerKey === issuerKey) ?? null;
  // 36-HD/VPTW types for Party bodies, ND30 types for State-style ones.
  const typeOptions = (types.data?.items ?? []).filter((d) => d.active && d.family === (issuer?.layout ?? 'party'));
  const type = typeOptions.find((d) => d.id === typeId) ?? null;
  const letter = isLetter(type);
  const entries = useMemo(() => directoryEntries(directory.data), [directory.data]);
  const names = new Map(entries.map((e) => [e.key, e.name]));
  const issuerSelf: RecipientKey | null = issuer
    ? recipientKey({ committeeId: issuer.committeeId, agencyId: issuer.agencyId, organizationId: null })
    : null;

  useEffect(() => {
    if (started.current) {
      return;
    }
    started.current = true;
    if (doc) {
      form.setFieldsValue(detailToFormValues(doc));
      return;
    }
    // The drafter's own committee is the usual issuer.
    const own =
      issuers.find((i) => i.agencyId === null && i.committeeId === me?.scopeCommitteeId) ?? issuers[0];
    form.setFieldsValue({ ...BLANK_FORM, issuerKey: own?.issuerKey ?? null });
  }, [doc, issuers, me, form]);

  const onFinish = async (shown: Partial<OutgoingFormValues>) => {
    if (!issuer) {
      return;
    }
    // Only the fields on screen count: a hidden "Kính gửi" or paper location is not sent.
    const values: OutgoingFormValues = { ...BLANK_FORM, ...shown };
    const input = formValuesToBody(values, issuer);
    try {
      if (doc) {
        // The issuing body stays; everything else is sent as it stands now.
        const { documentTypeId, secrecy: level, urgency: speed, copies, recipients: to, content, paperLocation } = input;
        const saved = await update.mutateAsync({
          id: doc.id,
          body: {
            version: doc.version,
            note: values.note.trim(),
            documentTypeId,
            secrecy: level,
            urgency: speed,
            copies,
            recipients: to,
            content,
            paperLocation,
          },
        });
        void message.success(t('outgoing.form.updatedToast'));
        navigate(`/outgoing/${saved.id}`);
      } else {
        const saved = await create.mutateAsync(input);
        void message.success(t('outgoing.form.savedToast'));
        navigate(`/outgoing/${saved.id}`);
      }
    } catch (e) {
      onError(toFormError(e));
    }
  };

  const req = { required: true, message: t('validation.required') };

  return (
    <div>
      <PageHeader
        title={editing ? t('outgoing.form.editTitle') : t('outgoing.form.title')}
        subtitle={t('outgoing.form.subtitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(doc ? `/outgoing/${doc.id}` : '/outgoing')}>
            {doc ? t('outgoing.form.toDocument') : t('outgoing.form.toList')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Form<OutgoingFormValues>
            form={form}
            layout="vertical"
            name="outgoing-form"
            className="vp-og-form"
            onFinish={onFinish}
            initialValues={BLANK_FORM}
            scrollToFirstError
          >
            <Card size="small" className="vp-og-form-section" title={t('outgoing.form.sectionIssuer')}>
              <Row gutter={16}>
                <Col xs={24} md={14}>
                  <Form.Item name="issuerKey" label={t('outgoing.form.issuer')} rules={[req]}>
                    <Select
                      showSearch
                      filterOption={foldedFilter}
                      disabled={editing}
                      options={issuers.map((i) => ({ value: i.issuerKey, label: i.name }))}
                      onChange={() => form.setFieldValue('documentTypeId', null)}
                      data-testid="outgoing-form-issuer"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name="documentTypeId" label={t('outgoing.form.documentType')} rules={[req]}>
                    <Select
                      showSearch
                      filterOption={foldedFilter}
                      loading={types.isPending}
                      options={typeOptions.map((d) => ({ value: d.id, label: `${d.name} (${d.abbreviation})` }))}
                      data-testid="outgoing-form-type"
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={16}>
                <Col xs={24} sm={9}>
                  <Form.Item name="secrecy" label={t('outgoing.form.secrecy')}>
                    <Select
                      // The server refuses a level above the drafter's clearance; the list says so before.
                      options={SECRECY_VALUES.map((s) => ({
                        value: s,
                        label: t(`incoming.secrecy.${s}`),
                        disabled: secrecyRank(s) > secrecyRank(me?.clearance),
                      }))}
                      data-testid="outgoing-form-secrecy"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={9}>
                  <Form.Item name="urgency" label={t('outgoing.form.urgency')}>
                    <Select
                      options={URGENCY_VALUES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
                      data-testid="outgoing-form-urgency"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={6}>
                  <Form.Item name="copies" label={t('outgoing.form.copies')} rules={[req]}>
                    <InputNumber min={1} max={10000} style={{ width: '100%' }} data-testid="outgoing-form-copies" />
                  </Form.Item>
                </Col>
              </Row>
              {secrecy !== 'none' ? (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    icon={<LockOutlined />}
                    style={{ marginBottom: 12 }}
                    message={t('outgoing.form.secretTitle')}
                    description={t('outgoing.form.secretText')}
                    data-testid="outgoing-form-secret"
                  />
                  <Form.Item name="paperLocation" label={t('outgoing.form.paperLocation')} rules={[{ max: 300 }]}>
                    <Input data-testid="outgoing-form-paperLocation" />
                  </Form.Item>
                </>
              ) : null}
            </Card>

            <Card size="small" className="vp-og-form-section" title={t('outgoing.form.sectionRecipients')}>
              <Form.Item
                name="recipients"
                label={t('outgoing.form.recipients')}
                extra={t('outgoing.form.recipientsHint')}
                rules={[
                  {
                    validator: (_, v?: unknown[]) =>
                      v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('outgoing.form.recipientsRequired'))),
                  },
                ]}
                required
              >
                <RecipientsPicker
                  directory={directory.data}
                  loading={directory.isPending}
                  excludeKey={issuerSelf}
                  secret={secrecy !== 'none'}
                />
              </Form.Item>
              {letter ? (
                <Form.Item
                  name="addressees"
                  label={t('outgoing.form.addressees')}
                  extra={t('outgoing.form.addresseesHint')}
                  rules={[req]}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="outgoing-form-addressees" />
                </Form.Item>
              ) : null}
              <Form.Item
                name="extraRecipientLines"
                label={t('outgoing.form.extraRecipientLines')}
                extra={t('outgoing.form.extraRecipientLinesHint')}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} data-testid="outgoing-form-extraLines" />
              </Form.Item>
            </Card>

            <Card size="small" className="vp-og-form-section" title={t('outgoing.form.sectionContent')}>
              <Form.Item
                name="summary"
                label={t('outgoing.form.summary')}
                rules={[{ ...req, whitespace: true }, { max: 500 }]}
                extra={letter ? t('outgoing.form.summaryLetterHint') : t('outgoing.form.summaryHint')}
              >
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  showCount
                  maxLength={500}
                  placeholder={letter ? 'V/v …' : undefined}
                  data-testid="outgoing-form-summary"
                />
              </Form.Item>
              <Form.Item name="body" label={t('outgoing.form.body')} extra={t('outgoing.form.bodyHint')}>
                <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} data-testid="outgoing-form-body" />
              </Form.Item>
              {editing ? (
                <Form.Item name="note" label={t('outgoing.form.note')} rules={[{ max: 500 }]}>
                  <Input placeholder={t('outgoing.form.notePlaceholder')} data-testid="outgoing-form-note" />
                </Form.Item>
              ) : null}
            </Card>

            <Flex className="vp-sticky-actions" gap={12} align="center" wrap>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={create.isPending || update.isPending}
                data-testid="outgoing-form-submit"
              >
                {editing ? t('outgoing.form.saveChanges') : t('outgoing.form.save')}
              </Button>
              <Button onClick={() => navigate(doc ? `/outgoing/${doc.id}` : '/outgoing')}>{t('common.cancel')}</Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <InfoCircleOutlined /> {t('outgoing.form.afterSave')}
              </Typography.Text>
            </Flex>
          </Form>
        </Col>
        <Col xs={24} xl={12}>
          <div className="vp-og-preview-col">
            <Card size="small" title={t('outgoing.preview.title')} extra={<span className="vp-muted">{t('outgoing.preview.hint')}</span>}>
              <DraftPreview
                model={{
                  issuer,
                  type,
                  summary,
                  body,
                  addressees: lines(addressees),
                  extraRecipientLines: lines(extraLines),
                  recipients: (recipients ?? []).map((r) => names.get(r.key) ?? ''),
                  secrecy,
                  urgency,
                }}
              />
            </Card>
          </div>
        </Col>
      </Row>
    </div>
  );
}
