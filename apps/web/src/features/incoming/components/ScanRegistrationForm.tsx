import { LockOutlined } from '@ant-design/icons';
// The subpath keeps zod (the API schemas) out of the browser bundle.
import { parseNotation } from '@vanphong/contracts/notation';
import { Alert, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, DATE_TIME_SHORT_FORMAT, todayInOffice, toIsoDate } from '../../../lib/dates';
import type { DocumentType } from '../../../types/api';
import type { FormDefaults, Secrecy } from '../types';
import {
  capturedFor,
  confidenceLevel,
  isCorrected,
  type MarkedField,
  type ScanReading,
} from '../utils/captured-values';
import type { IncomingFormValues } from '../utils/form-values';
import { CHANNEL_VALUES, isSecret, SECRECY_VALUES, secrecyRank, URGENCY_VALUES } from '../utils/labels';
import { AttachmentsInput } from './AttachmentsInput';
import { ConfidenceMark } from './ConfidenceMark';
import { DuplicateWarning } from './DuplicateWarning';
import { IssuerInput } from './IssuerInput';

export const SCAN_FIRST_FIELD = 'scan-form-issuer';

/**
 * The registration form of "Vào sổ từ bản quét": the fields the first page pre-filled carry a mark of how
 * sure the reading is (tinted when below 60 %), the clerk checks them against the page beside, corrects,
 * and registers. Same fields and rules as the ordinary form; the scan is the main attachment.
 */
export function ScanRegistrationForm({
  capture,
  initial,
  defaults,
  types,
  clearance,
  stub,
}: {
  capture: ScanReading;
  initial: IncomingFormValues;
  defaults: FormDefaults;
  types: DocumentType[];
  clearance: Secrecy | undefined;
  /** A secret document on a networked profile: registered as a record only, without the scan. */
  stub: boolean;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IncomingFormValues>();
  const watched = Form.useWatch([], form) as Partial<IncomingFormValues> | undefined;
  const values = { ...initial, ...watched };
  const topSecretStub = stub && values.secrecy === 'top_secret';
  const parsed = parseNotation(values.notation ?? '');
  const req = { required: true, message: t('validation.required') };
  // The Party's and the State's "Công văn" share a name: the family tells them apart.
  const active = types.filter((d) => d.active);
  const typeOptions = active.map((d) => ({
    value: d.id,
    label:
      active.filter((o) => o.name === d.name).length > 1
        ? `${d.name} (${t(`documentTypes.family.${d.family}`)})`
        : d.name,
  }));

  /** A label with the reading's mark; the field itself tinted while a doubtful reading is unchanged. */
  const marked = (name: MarkedField, label: string) => {
    const field = capturedFor(capture.fields, name);
    const corrected = isCorrected(name, initial, values[name]);
    return {
      label: (
        <Flex gap={6} align="center" wrap component="span">
          <span>{label}</span>
          <ConfidenceMark field={field} corrected={corrected} testId={`scan-mark-${name}`} />
        </Flex>
      ) as ReactNode,
      className: !corrected && confidenceLevel(field) === 'low' ? 'vp-scan-low' : undefined,
    };
  };

  return (
    <>
      <Card size="small" className="vp-in-form-section" title={t('incoming.form.sectionDocument')}>
        <Form.Item
          name="issuer"
          {...marked('issuer', t('incoming.form.issuer'))}
          rules={[
            {
              validator: (_, v?: { name: string }) =>
                v && v.name.trim() ? Promise.resolve() : Promise.reject(new Error(t('validation.required'))),
            },
          ]}
          required
        >
          <IssuerInput id={SCAN_FIRST_FIELD} notation={values.notation} testId="scan-form-issuer" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="notation"
              {...marked('notation', t('incoming.form.notation'))}
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
                  : undefined
              }
            >
              <Input placeholder="12-CV/TU" autoComplete="off" data-testid="scan-form-notation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="documentDate"
              {...marked('documentDate', t('incoming.form.documentDate'))}
              rules={[req]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('incoming.form.datePlaceholder')}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(todayInOffice(), 'day')}
                data-testid="scan-form-documentDate"
              />
            </Form.Item>
          </Col>
        </Row>
        <DuplicateWarning
          query={{
            issuerId: values.issuer?.id ?? null,
            issuerName: values.issuer?.name ?? '',
            notation: (values.notation ?? '').trim(),
            documentDate: values.documentDate ? toIsoDate(values.documentDate) : '',
          }}
        />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="documentTypeId" {...marked('documentTypeId', t('incoming.form.documentType'))}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={typeOptions}
                data-testid="scan-form-documentType"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signer" {...marked('signer', t('incoming.form.signer'))} rules={[{ max: 100 }]}>
              <Input autoComplete="off" data-testid="scan-form-signer" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="summary"
          {...marked('summary', t('incoming.form.summary'))}
          rules={[{ max: 500 }]}
          extra={topSecretStub ? t('incoming.form.summaryTopSecret') : undefined}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            showCount
            maxLength={500}
            disabled={topSecretStub}
            data-testid="scan-form-summary"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12} sm={8}>
            <Form.Item name="pageCount" label={t('incoming.form.pageCount')}>
              <InputNumber min={0} max={100000} style={{ width: '100%' }} data-testid="scan-form-pageCount" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="copies" label={t('incoming.form.copies')} rules={[req]}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} data-testid="scan-form-copies" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="channel" label={t('incoming.form.channel')}>
              <Select
                options={CHANNEL_VALUES.map((c) => ({ value: c, label: t(`incoming.channel.${c}`) }))}
                data-testid="scan-form-channel"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" className="vp-in-form-section" title={t('incoming.form.sectionHandling')}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="urgency" {...marked('urgency', t('incoming.form.urgency'))}>
              <Select
                options={URGENCY_VALUES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
                data-testid="scan-form-urgency"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="secrecy" {...marked('secrecy', t('incoming.form.secrecy'))}>
              <Select
                options={SECRECY_VALUES.map((s) => ({
                  value: s,
                  label: t(`incoming.secrecy.${s}`),
                  disabled: secrecyRank(s) > secrecyRank(clearance),
                }))}
                data-testid="scan-form-secrecy"
              />
            </Form.Item>
          </Col>
          {values.urgency === 'flash_timed' ? (
            <Col xs={24} sm={12}>
              <Form.Item name="deliverBy" label={t('incoming.form.deliverBy')} rules={[req]}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format={DATE_TIME_SHORT_FORMAT}
                  style={{ width: '100%' }}
                  data-testid="scan-form-deliverBy"
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item name="arrivedAt" label={t('incoming.form.arrivedAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format={DATE_TIME_SHORT_FORMAT}
                placeholder={t('incoming.form.now')}
                style={{ width: '100%' }}
                data-testid="scan-form-arrivedAt"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="deadline" label={t('incoming.form.deadline')}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('incoming.form.datePlaceholder')}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(todayInOffice(), 'day')}
                data-testid="scan-form-deadline"
              />
            </Form.Item>
          </Col>
        </Row>
        {isSecret(values.secrecy ?? 'none') ? (
          <>
            {stub ? (
              <Alert
                type="warning"
                showIcon
                icon={<LockOutlined />}
                style={{ marginBottom: 14 }}
                data-testid="scan-form-secret-stub"
                message={t('incoming.form.secretStubTitle')}
                description={
                  topSecretStub ? t('incoming.form.secretStubTopSecret') : t('incoming.form.secretStubText')
                }
              />
            ) : null}
            <Form.Item
              name="paperLocation"
              label={t('incoming.form.paperLocation')}
              rules={stub ? [{ ...req, whitespace: true }, { max: 200 }] : [{ max: 200 }]}
            >
              <Input
                placeholder={t('incoming.form.paperLocationPlaceholder')}
                data-testid="scan-form-paperLocation"
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="presentTo"
          label={t('incoming.form.presentTo')}
          extra={t('incoming.form.presentToHint')}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('incoming.form.presentToPlaceholder')}
            options={defaults.leaders.map((l) => ({
              value: l.id,
              label: l.name,
              disabled: !!l.clearance && secrecyRank(l.clearance) < secrecyRank(values.secrecy),
            }))}
            data-testid="scan-form-presentTo"
          />
        </Form.Item>
        <Form.Item
          name="attachments"
          label={t('incoming.form.attachments')}
          extra={stub ? t('incoming.scan.attachmentsRefused') : t('incoming.scan.attachmentsHint')}
        >
          <AttachmentsInput disabled={stub} />
        </Form.Item>
        <Form.Item name="note" label={t('incoming.form.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="scan-form-note" />
        </Form.Item>
      </Card>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('incoming.form.shortcut')}
      </Typography.Text>
    </>
  );
}
