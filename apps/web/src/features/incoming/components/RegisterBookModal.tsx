import { FilePdfOutlined } from '@ant-design/icons';
import { DatePicker, Form, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { DATE_FORMAT, toIsoDate, todayInOffice, type Dayjs } from '../../../lib/dates';
import { registerBookUrl } from '../api/get-report';
import { useIncomingRegisters } from '../api/get-registers';

interface Values {
  registerId: number;
  range: [Dayjs, Dayjs];
  format: 'pdf' | 'xlsx';
}

/** "In sổ": the register (sổ đăng ký văn bản đến) for a date range, opened as PDF or XLSX in a new tab. */
export function RegisterBookModal({
  open,
  onClose,
  registerId,
}: {
  open: boolean;
  onClose: () => void;
  registerId?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const year = todayInOffice().year();
  const registers = useIncomingRegisters();
  const items = registers.data?.items ?? [];

  useEffect(() => {
    if (!open) {
      return;
    }
    const today = todayInOffice();
    const preferred =
      registerId ?? items.find((r) => r.year === year && r.kind === 'ordinary')?.id ?? items[0]?.id;
    form.setFieldsValue({
      registerId: preferred,
      range: [today.startOf('month'), today],
      format: form.getFieldValue('format') ?? 'pdf',
    });
  }, [open, registerId, items, year, form]);

  const onFinish = (v: Values) => {
    const url = registerBookUrl({
      registerId: v.registerId,
      from: toIsoDate(v.range[0]),
      to: toIsoDate(v.range[1]),
      format: v.format,
    });
    window.open(url, '_blank', 'noopener');
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('incoming.book.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('incoming.book.open')}
      okButtonProps={{ icon: <FilePdfOutlined />, 'data-testid': 'register-book-open' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ format: 'pdf' }}>
        <Form.Item
          name="registerId"
          label={t('incoming.book.register')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={items.map((r) => ({ value: r.id, label: `${r.name} (${r.year})` }))}
            loading={registers.isPending}
            data-testid="register-book-register"
          />
        </Form.Item>
        <Form.Item
          name="range"
          label={t('incoming.book.range')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            data-testid="register-book-range"
          />
        </Form.Item>
        <Form.Item name="format" label={t('incoming.book.format')}>
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
