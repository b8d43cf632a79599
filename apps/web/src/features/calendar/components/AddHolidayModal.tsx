import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitOnEnter } from '../../../components/SubmitOnEnter';
import { useFormError } from '../../../hooks/use-form-error';
import { DATE_FORMAT, dayjs, toIsoDate, type Dayjs } from '../../../lib/dates';
import { trimmed } from '../../../lib/forms';
import type { HolidayKind } from '../../../types/api';
import { useAddHoliday } from '../api/add-holiday';

const KINDS: HolidayKind[] = ['holiday', 'compensatory_day_off', 'swapped_day_off', 'swapped_workday'];

export function AddHolidayModal({
  open,
  year,
  onClose,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; name: string; kind: HolidayKind }>();
  const onError = useFormError(form);
  const add = useAddHoliday();

  useEffect(() => {
    if (open) {form.resetFields();}
  }, [open, form]);

  const onFinish = async (v: { date: Dayjs; name: string; kind: HolidayKind }) => {
    try {
      await add.mutateAsync({ date: toIsoDate(v.date), name: trimmed(v.name), kind: v.kind });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('calendar.add.title', { year })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.add')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="holiday-form"
        onFinish={onFinish}
        initialValues={{ kind: 'holiday' }}
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: 220 }}
            defaultPickerValue={dayjs(new Date(year, 0, 1))}
            disabledDate={(d) => d.year() !== year}
            data-testid="holiday-form-date"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input placeholder={t('calendar.add.namePlaceholder')} data-testid="holiday-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kindLabel')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))} />
        </Form.Item>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
