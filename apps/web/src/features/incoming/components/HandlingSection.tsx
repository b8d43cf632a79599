import { LockOutlined } from '@ant-design/icons';
import { Alert, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, DATE_TIME_SHORT_FORMAT, todayInOffice } from '../../../lib/dates';
import type { FormDefaults, Secrecy, Urgency } from '../types';
import { isSecret, SECRECY_VALUES, secrecyRank, URGENCY_VALUES } from '../utils/labels';
import { AttachmentsInput } from './AttachmentsInput';

/**
 * The registration form's third section: urgency, secrecy and deadline; for a secret document on a
 * networked profile the record-only notice and the paper location; "present at once"; attachments; note.
 */
export function HandlingSection({
  urgency,
  secrecy,
  stub,
  clearance,
  leaders,
}: {
  urgency: Urgency;
  secrecy: Secrecy;
  /** A secret document on a networked profile: registered as a record only. */
  stub: boolean;
  clearance: Secrecy | undefined;
  leaders: FormDefaults['leaders'];
}) {
  const { t } = useTranslation();
  const req = { required: true, message: t('validation.required') };
  const topSecretStub = stub && secrecy === 'top_secret';
  return (
    <Card size="small" className="vp-in-form-section" title={t('incoming.form.sectionHandling')}>
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="urgency" label={t('incoming.form.urgency')}>
            <Select
              options={URGENCY_VALUES.map((u) => ({ value: u, label: t(`incoming.urgency.${u}`) }))}
              data-testid="incoming-form-urgency"
            />
          </Form.Item>
        </Col>
        {urgency === 'flash_timed' ? (
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="deliverBy" label={t('incoming.form.deliverBy')} rules={[req]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format={DATE_TIME_SHORT_FORMAT}
                style={{ width: '100%' }}
                data-testid="incoming-form-deliverBy"
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="secrecy" label={t('incoming.form.secrecy')}>
            <Select
              // The server refuses a level above the clerk's clearance; the list says so before.
              options={SECRECY_VALUES.map((s) => ({
                value: s,
                label: t(`incoming.secrecy.${s}`),
                disabled: secrecyRank(s) > secrecyRank(clearance),
              }))}
              data-testid="incoming-form-secrecy"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item
            name="deadline"
            label={t('incoming.form.deadline')}
            extra={t('incoming.form.deadlineHint')}
          >
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('incoming.form.datePlaceholder')}
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(todayInOffice(), 'day')}
              data-testid="incoming-form-deadline"
            />
          </Form.Item>
        </Col>
      </Row>
      {isSecret(secrecy) ? (
        <>
          {stub ? (
            <Alert
              type="warning"
              showIcon
              icon={<LockOutlined />}
              style={{ marginBottom: 14 }}
              data-testid="incoming-form-secret-stub"
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
              data-testid="incoming-form-paperLocation"
            />
          </Form.Item>
        </>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
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
              options={leaders.map((l) => ({
                value: l.id,
                label: l.name,
                disabled: !!l.clearance && secrecyRank(l.clearance) < secrecyRank(secrecy),
              }))}
              data-testid="incoming-form-presentTo"
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item
            name="attachments"
            label={t('incoming.form.attachments')}
            extra={stub ? t('incoming.form.attachmentsRefused') : t('incoming.form.attachmentsHint')}
          >
            <AttachmentsInput disabled={stub} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('incoming.form.note')} rules={[{ max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="incoming-form-note" />
      </Form.Item>
    </Card>
  );
}
