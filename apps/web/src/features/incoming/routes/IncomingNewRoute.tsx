import { CheckCircleOutlined, SaveOutlined, ScanOutlined } from '@ant-design/icons';
// The subpath keeps zod (the API schemas) out of the browser bundle.
import { parseNotation } from '@vanphong/contracts/notation';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormError } from '../../../hooks/use-form-error';
import { DATE_FORMAT, DATE_TIME_SHORT_FORMAT, todayInOffice, toIsoDate } from '../../../lib/dates';
import { useMe } from '../../../lib/auth';
import { translateOr } from '../../../lib/i18n';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useCreateIncoming } from '../api/create-incoming';
import { useFormDefaults } from '../api/get-form-defaults';
import { attachmentsBusy } from '../components/AttachmentsInput';
import { DuplicateWarning } from '../components/DuplicateWarning';
import { HandlingSection } from '../components/HandlingSection';
import { IssuerInput } from '../components/IssuerInput';
import type { FormDefaults, IncomingCreated, IncomingInputBody } from '../types';
import { formValuesToInput, type IncomingFormValues } from '../utils/form-values';
import { CHANNEL_VALUES, isNetworked, isSecret } from '../utils/labels';
import '../incoming.css';

const BLANK: Partial<IncomingFormValues> = {
  registerKind: 'ordinary',
  arrivedAt: null,
  channel: 'paper',
  issuer: { id: null, name: '' },
  notation: '',
  documentDate: null,
  documentTypeId: null,
  summary: '',
  signer: '',
  pageCount: null,
  copies: 1,
  urgency: 'normal',
  deliverBy: null,
  secrecy: 'none',
  deadline: null,
  paperLocation: '',
  note: '',
  presentTo: null,
  attachments: [],
};

/**
 * The fields a fresh form starts from: the previous entry's channel, issuer, type and signer. Urgency and
 * secrecy are NOT carried over — each document's marks must be a conscious choice (a stray "Mật" would
 * send the next document to the wrong register).
 */
function startValues(defaults: FormDefaults | undefined): Partial<IncomingFormValues> {
  const p = defaults?.previous;
  if (!p) {
    return BLANK;
  }
  return {
    ...BLANK,
    channel: p.channel,
    issuer: { id: p.issuerId, name: p.issuerName },
    documentTypeId: p.documentTypeId,
    signer: p.signer,
  };
}

const FOCUS_AFTER_SAVE = 'incoming-form-issuer';

/** Vào sổ văn bản đến: built for a clerk entering many documents in a row, by keyboard. */
export function IncomingNewRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IncomingFormValues>();
  const me = useMe();
  const onError = useFormError(form, { issuerName: 'issuer', issuerId: 'issuer' });
  const defaults = useFormDefaults();
  const types = useDocumentTypes(null);
  const create = useCreateIncoming();
  const [saved, setSaved] = useState<IncomingCreated | null>(null);
  const started = useRef(false);

  const secrecy = Form.useWatch('secrecy', form) ?? 'none';
  const urgency = Form.useWatch('urgency', form) ?? 'normal';
  const registerKind = Form.useWatch('registerKind', form) ?? 'ordinary';
  const notation = Form.useWatch('notation', form) ?? '';
  const issuer = Form.useWatch('issuer', form);
  const documentDate = Form.useWatch('documentDate', form);

  const profile = defaults.data?.deploymentProfile;
  const stub = isSecret(secrecy) && isNetworked(profile);
  const topSecretStub = stub && secrecy === 'top_secret';
  const year = todayInOffice().year();
  const registers = defaults.data?.registers ?? [];
  const targetKind = isSecret(secrecy) ? 'secret' : registerKind;
  const target =
    registers.find((r) => r.kind === targetKind && r.year === year) ??
    registers.find((r) => r.kind === targetKind);
  const hasComplaint = registers.some((r) => r.kind === 'complaint');
  const parsed = useMemo(() => parseNotation(notation), [notation]);

  useEffect(() => {
    if (defaults.data && !started.current) {
      started.current = true;
      form.setFieldsValue(startValues(defaults.data));
      // After the shell's own focus handling of the route change.
      window.setTimeout(() => document.getElementById(FOCUS_AFTER_SAVE)?.focus(), 0);
    }
  }, [defaults.data, form]);

  useEffect(() => {
    // Tuyệt mật on a networked profile: trích yếu is not recorded at all (spec §3).
    if (topSecretStub) {
      form.setFieldValue('summary', '');
    }
    if (stub) {
      form.setFieldValue('attachments', []);
    }
  }, [stub, topSecretStub, form]);

  const onFinish = async (values: IncomingFormValues) => {
    if (attachmentsBusy(values.attachments)) {
      void message.warning(t('incoming.form.uploading'));
      return;
    }
    const input: IncomingInputBody = formValuesToInput(values, { stub, topSecretStub });
    try {
      const doc = await create.mutateAsync(input);
      setSaved(doc);
      void message.success(t('incoming.form.savedToast', { number: doc.arrivalNumber }));
      // Ready for the next document: keep what a batch shares, clear what is its own.
      form.setFieldsValue({
        ...BLANK,
        registerKind: values.registerKind,
        channel: values.channel,
        issuer: values.issuer,
        documentTypeId: values.documentTypeId,
        signer: values.signer,
        presentTo: values.presentTo,
      });
      form.setFields([{ name: 'notation', errors: [], warnings: [] }]);
      window.scrollTo(0, 0);
      document.getElementById(FOCUS_AFTER_SAVE)?.focus();
    } catch (e) {
      onError(e);
    }
  };

  /** Ctrl+Enter saves from anywhere; a plain Enter in a one-line field does not (half-filled forms). */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.target as Node)) {
      return; // events bubbling from a modal rendered in a portal
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
      return;
    }
    const el = e.target as HTMLElement;
    if (e.key === 'Enter' && el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') {
      e.preventDefault();
    }
  };

  if (defaults.error) {
    return <QueryError error={defaults.error} onRetry={() => void defaults.refetch()} />;
  }
  if (defaults.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  const leaders = defaults.data.leaders;
  const req = { required: true, message: t('validation.required') };

  return (
    <div onKeyDown={onKeyDown}>
      <PageHeader
        title={t('incoming.form.title')}
        subtitle={t('incoming.form.subtitle')}
        extra={
          <>
            <Button icon={<ScanOutlined />} onClick={() => navigate('/incoming/scan')} data-testid="incoming-form-scan">
              {t('incoming.scan.title')}
            </Button>
            <Button onClick={() => navigate('/incoming')}>{t('incoming.form.toList')}</Button>
          </>
        }
      />
      {saved ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          closable
          onClose={() => setSaved(null)}
          style={{ marginBottom: 16 }}
          data-testid="incoming-saved"
          message={
            <Flex gap={12} wrap align="baseline">
              <strong>{t('incoming.form.saved', { number: saved.arrivalNumber })}</strong>
              <span className="vp-muted">
                {saved.notation} — {saved.register.name}
              </span>
              <Link to={`/incoming/${saved.id}`} data-testid="incoming-saved-open">
                {t('incoming.form.openSaved')}
              </Link>
            </Flex>
          }
          description={
            saved.warnings && saved.warnings.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="incoming-saved-warnings">
                {saved.warnings.map((w, i) => (
                  <li key={i}>{translateOr(`incoming.warnings.${w.code.replace(/\./g, '_')}`, w.message)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <Form<IncomingFormValues>
        form={form}
        layout="vertical"
        name="incoming-form"
        className="vp-in-form"
        onFinish={onFinish}
        initialValues={BLANK}
        scrollToFirstError
        style={{ maxWidth: 1100 }}
      >
        <Card
          size="small"
          className="vp-in-form-section"
          title={t('incoming.form.sectionRegister')}
          extra={
            target ? (
              <Flex gap={8} align="baseline" data-testid="incoming-form-next-number">
                <span className="vp-muted">{t('incoming.form.nextNumber')}</span>
                <span className="vp-in-next-number">{target.nextNumber}</span>
                <span className="vp-muted" style={{ fontSize: 12 }}>
                  {target.name}
                </span>
              </Flex>
            ) : null
          }
        >
          <Row gutter={16}>
            {hasComplaint ? (
              <Col xs={24} md={8}>
                <Form.Item name="registerKind" label={t('incoming.form.registerKind')}>
                  <Segmented
                    options={[
                      { value: 'ordinary', label: t('incoming.registerKind.ordinary') },
                      { value: 'complaint', label: t('incoming.registerKind.complaint') },
                    ]}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} sm={12} md={8}>
              <Form.Item
                name="arrivedAt"
                label={t('incoming.form.arrivedAt')}
                extra={t('incoming.form.arrivedAtHint')}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={DATE_TIME_SHORT_FORMAT}
                  placeholder={t('incoming.form.now')}
                  style={{ width: '100%' }}
                  data-testid="incoming-form-arrivedAt"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={8}>
              <Form.Item name="channel" label={t('incoming.form.channel')}>
                <Select
                  options={CHANNEL_VALUES.map((c) => ({ value: c, label: t(`incoming.channel.${c}`) }))}
                  data-testid="incoming-form-channel"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" className="vp-in-form-section" title={t('incoming.form.sectionDocument')}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item
                name="issuer"
                label={t('incoming.form.issuer')}
                rules={[
                  {
                    validator: (_, v?: { name: string }) =>
                      v && v.name.trim()
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('validation.required'))),
                  },
                ]}
                required
              >
                <IssuerInput id={FOCUS_AFTER_SAVE} notation={notation} testId="incoming-form-issuer" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="notation"
                label={t('incoming.form.notation')}
                rules={[
                  { ...req, whitespace: true },
                  { max: 50 },
                  {
                    warningOnly: true,
                    validator: (_, v?: string) =>
                      v && v.trim() && parseNotation(v).form === 'unknown'
                        ? Promise.reject(new Error(t('incoming.form.notationUnknown')))
                        : Promise.resolve(),
                  },
                ]}
                extra={
                  parsed.form !== 'unknown'
                    ? t(`incoming.form.notationParsed.${parsed.form}`, {
                        type: parsed.typeCode ?? '',
                        issuer: parsed.issuerCode ?? '',
                      })
                    : t('incoming.form.notationHint')
                }
              >
                <Input placeholder="12-CV/TU" autoComplete="off" data-testid="incoming-form-notation" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="documentDate" label={t('incoming.form.documentDate')} rules={[req]}>
                <DatePicker
                  format={DATE_FORMAT}
                  placeholder={t('incoming.form.datePlaceholder')}
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.isAfter(todayInOffice(), 'day')}
                  data-testid="incoming-form-documentDate"
                />
              </Form.Item>
            </Col>
          </Row>
          <DuplicateWarning
            query={{
              issuerId: issuer?.id ?? null,
              issuerName: issuer?.name ?? '',
              notation: notation.trim(),
              documentDate: documentDate ? toIsoDate(documentDate) : '',
            }}
          />
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="documentTypeId" label={t('incoming.form.documentType')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  loading={types.isPending}
                  options={(types.data?.items ?? [])
                    .filter((d) => d.active)
                    .map((d) => ({ value: d.id, label: d.name }))}
                  data-testid="incoming-form-documentType"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="signer" label={t('incoming.form.signer')} rules={[{ max: 100 }]}>
                <Input autoComplete="off" data-testid="incoming-form-signer" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item name="pageCount" label={t('incoming.form.pageCount')}>
                <InputNumber
                  min={0}
                  max={100000}
                  style={{ width: '100%' }}
                  data-testid="incoming-form-pageCount"
                />
              </Form.Item>
            </Col>
            <Col xs={12} lg={4}>
              <Form.Item name="copies" label={t('incoming.form.copies')} rules={[req]}>
                <InputNumber
                  min={1}
                  max={10000}
                  style={{ width: '100%' }}
                  data-testid="incoming-form-copies"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="summary"
            label={t('incoming.form.summary')}
            rules={[{ max: 500 }]}
            extra={topSecretStub ? t('incoming.form.summaryTopSecret') : undefined}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              showCount
              maxLength={500}
              disabled={topSecretStub}
              data-testid="incoming-form-summary"
            />
          </Form.Item>
        </Card>

        <HandlingSection
          urgency={urgency}
          secrecy={secrecy}
          stub={stub}
          clearance={me?.clearance}
          leaders={leaders}
        />

        <Flex className="vp-sticky-actions" gap={12} align="center" wrap>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={create.isPending}
            data-testid="incoming-form-submit"
          >
            {t('incoming.form.submit')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              form.setFieldsValue(startValues(defaults.data));
            }}
          >
            {t('incoming.form.clear')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('incoming.form.shortcut')}
          </Typography.Text>
        </Flex>
      </Form>
    </div>
  );
}
