import { FilePdfOutlined } from '@ant-design/icons';
import { DatePicker, Form, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { withQuery } from '../../../lib/api';
import { DATE_FORMAT, toIsoDate, todayInOffice, type Dayjs } from '../../../lib/dates';
import type { Issuer } from '../types';
import { foldedFilter } from '../utils/labels';

interface Values {
  issuerKey: string;
  kind: 'ordinary' | 'secret';
  range: [Dayjs, Dayjs];
  format: 'pdf' | 'xlsx';
}

/** "In sổ": the outgoing register (sổ đăng ký văn bản đi) of one issuing body for a period, as PDF or XLSX. */
export function OutgoingRegisterModal({
  open,
  issuers,
  onClose,
}: {
  open: boolean;
  issuers: Issuer[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (open) {
      const today = todayInOffice();
      form.setFieldsValue({
        issuerKey: form.getFieldValue('issuerKey') ?? issuers[0]?.issuerKey,
        kind: form.getFieldValue('kind') ?? 'ordinary',
        range: [today.startOf('year'), today],
        format: form.getFieldValue('format') ?? 'pdf',
      });
    }
  }, [open, issuers, form]);

  const onFinish = (v: Values) => {
    const url = withQuery(`/api/outgoing/register.${v.format}`, {
      issuerKey: v.issuerKey,
      kind: v.kind,
      from: toIsoDate(v.range[0]),
      to: toIsoDate(v.range[1]),
    });
    window.open(url, '_blank', 'noopener');
    onClose();
  };

  const req = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={t('outgoing.register.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('outgoing.register.open')}
      okButtonProps={{ icon: <FilePdfOutlined />, 'data-testid': 'outgoing-register-open' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} name="outgoing-register">
        <Form.Item name="issuerKey" label={t('outgoing.form.issuer')} rules={[req]}>
          <Select
            showSearch
            filterOption={foldedFilter}
            options={issuers.map((i) => ({ value: i.issuerKey, label: i.name }))}
            data-testid="outgoing-register-issuer"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('outgoing.register.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'ordinary', label: t('outgoing.register.ordinary') },
              { value: 'secret', label: t('outgoing.register.secret') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('outgoing.register.range')}
          rules={[req]}
          extra={t('outgoing.register.rangeHint')}
        >
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="format" label={t('outgoing.register.format')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'pdf', label: 'PDF' },
              { value: 'xlsx', label: 'XLSX' },
            ]}
          />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
